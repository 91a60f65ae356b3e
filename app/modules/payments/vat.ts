/** VAT on a net amount in cents, rounded half up, computed once and stored with the charge. */
export function vatCents(netCents: number, vatBasisPoints: number): number {
  // Integer arithmetic: net × bp is exact; + 5000 then floor-divide by 10 000 rounds half up.
  return Math.floor((netCents * vatBasisPoints + 5000) / 10_000)
}

export function grossCents(netCents: number, vatBasisPoints: number): number {
  return netCents + vatCents(netCents, vatBasisPoints)
}

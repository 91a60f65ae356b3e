/** The intermediary's terms for an employer who cancels a paid speeddate booking. */
export type CancellationPolicy = { fullRefundHoursBefore: number; lateRefundPercent: number }

/**
 * Until an intermediary records its own terms: everything back up to two days before the
 * session, nothing later — the candidates have been invited and travel by then.
 */
export const defaultCancellationPolicy: CancellationPolicy = { fullRefundHoursBefore: 48, lateRefundPercent: 0 }

/** What an employer gets back, in cents, when it cancels at `cancelledAt` a session at `startsAt`. */
export function employerCancellationRefund(policy: CancellationPolicy, paidCents: number, startsAt: Date, cancelledAt: Date): number {
  const hoursBefore = (startsAt.getTime() - cancelledAt.getTime()) / 3_600_000
  if (hoursBefore >= policy.fullRefundHoursBefore) return paidCents
  // Integer arithmetic, half up, like VAT: a percentage of whole cents is never a fraction.
  return Math.floor((paidCents * policy.lateRefundPercent + 50) / 100)
}

/**
 * The one way Werkbrug reads and writes amounts in forms. Money is whole euro cents everywhere
 * else; a person types euros ("12", "12,5", "12.50", "€ 12,50"). Parsing works on the digits,
 * never through floating point, so "0,29" is 29 cents and not 28.999….
 */
const EUROS = /^(-)?(\d{1,7})(?:[.,](\d{1,2}))?$/

/** Typed euros → cents; null when empty; undefined when it is not an amount. */
export function parseEuroCents(text: string | null | undefined): number | null | undefined {
  const raw = (text ?? '').trim().replace(/^€\s*/, '')
  if (raw === '') return null
  const match = EUROS.exec(raw)
  if (!match) return undefined
  const cents = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'))
  return match[1] ? -cents : cents
}

/** Cents → what the form field shows ("12,50"): parseEuroCents reads it back to the same cents. */
export function centsToFormValue(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return ''
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`
}

import type { Locale } from './index'

// Formatting in the reader's notation, without the message catalogues: the browser loads this,
// and gets the messages of its own language from the root loader (react.ts).

/**
 * Fills {placeholders}. By convention a parameter named *Cents is money (integer cents, shown in
 * euros) and one named *Date is an ISO date, so modules pass raw values and each reader gets
 * their own notation.
 */
export function fill(locale: Locale, template: string, params?: Record<string, string | number>): string {
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? formatParam(locale, name, params[name]!) : match))
}

function formatParam(locale: Locale, name: string, value: string | number): string {
  if (name.endsWith('Cents') && typeof value === 'number') return formatEuros(locale, value)
  if (name.endsWith('Date') && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return formatDate(locale, `${value}T12:00:00Z`)
  }
  return String(value)
}

export function formatEuros(locale: Locale, cents: number): string {
  const formatter = cached(`eur:${locale}`, () => new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' }))
  return formatter.format(cents / 100)
}

// Intl formatters are costly to build and safe to share: one per locale and style.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>()
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined
  if (!formatter) {
    formatter = make()
    formatters.set(key, formatter)
  }
  return formatter
}

/**
 * Dates are stored in UTC and always shown in Europe/Amsterdam, with their weekday ("vr 20 nov
 * 2026"): a weekend or a wrong day stands out wherever a date is read.
 */
export function formatDate(locale: Locale, value: Date | string, withTime = false): string {
  const formatter = cached(`date:${locale}:${withTime}`, () =>
    new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
      timeZone: 'Europe/Amsterdam',
    }),
  )
  return formatter.format(typeof value === 'string' ? new Date(value) : value)
}

/**
 * A session's start with its weekday — "za 27 mrt 2027, 10:00" — so a weekend or the wrong day
 * stands out in a confirmation; Dutch time.
 */
export function formatSessionStart(locale: Locale, value: Date | string): string {
  const formatter = cached(`session:${locale}`, () =>
    new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Europe/Amsterdam',
    }),
  )
  return formatter.format(typeof value === 'string' ? new Date(value) : value)
}

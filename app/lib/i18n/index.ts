import type { Catalogue, MessageKey } from './catalogue'
import { en } from './en'
import { nl } from './nl'

export type { MessageKey } from './catalogue'

export const locales = ['nl', 'en'] as const
export type Locale = (typeof locales)[number]
export const defaultLocale: Locale = 'nl'

const catalogues: Record<Locale, Catalogue> = { nl, en }

export type MessageParams = Record<string, string | number>
export type Translate = (key: MessageKey, params?: MessageParams) => string

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value)
}

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && value in nl
}

/**
 * Fills {placeholders}. By convention a parameter named *Cents is money (integer cents, shown in
 * euros) and one named *Date is an ISO date, so modules pass raw values and each reader gets
 * their own notation.
 */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = catalogues[locale][key]
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? formatParam(locale, name, params[name]!) : match,
  )
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

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params)
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

/** Dates are stored in UTC and always shown in Europe/Amsterdam. */
export function formatDate(locale: Locale, value: Date | string, withTime = false): string {
  const formatter = cached(`date:${locale}:${withTime}`, () =>
    new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
      dateStyle: 'medium',
      ...(withTime ? { timeStyle: 'short' } : {}),
      timeZone: 'Europe/Amsterdam',
    }),
  )
  return formatter.format(typeof value === 'string' ? new Date(value) : value)
}

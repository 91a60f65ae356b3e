import type { Catalogue, MessageKey } from './catalogue'
import { en } from './en'
import { nl } from './nl'
import { fill } from './format'

export { fill, formatDate, formatEuros, formatSessionStart } from './format'

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
  return fill(locale, catalogues[locale][key], params)
}

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params)
}

/** The whole catalogue of one language: what the server renders with and the browser fetches. */
export function catalogueOf(locale: Locale): Catalogue {
  return catalogues[locale]
}

// A version per catalogue, so the browser may cache the file for good and fetch a new one when
// the words change. Computed on first use: nothing at module level may touch the catalogues, or
// every page importing a formatter from here would carry both of them.
const versions: Partial<Record<Locale, string>> = {}

export function catalogueVersion(locale: Locale): string {
  return (versions[locale] ??= hashText(JSON.stringify(catalogues[locale])))
}

function hashText(text: string): string {
  let hash = 2166136261
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619)
  return (hash >>> 0).toString(36)
}

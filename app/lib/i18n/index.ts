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

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = catalogues[locale][key]
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  )
}

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params)
}

/** Dates are stored in UTC and always shown in Europe/Amsterdam. */
export function formatDate(locale: Locale, value: Date | string, withTime = false): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone: 'Europe/Amsterdam',
  }).format(typeof value === 'string' ? new Date(value) : value)
}

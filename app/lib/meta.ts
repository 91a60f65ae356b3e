import type { Locale } from './i18n'

/** A route may describe itself for search engines and link previews: `handle.description`, per language. */
export type DescribedHandle = { description?: Record<Locale, string> }

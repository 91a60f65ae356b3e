import type { Locale } from './i18n'

/** A route may describe itself for search engines and link previews: `handle.description`, per language. */
export type DescribedHandle = { description?: Record<Locale, string> }

/**
 * A public page that needs no JavaScript: `hydrate: false` leaves the scripts out altogether, so
 * it loads nothing but HTML and CSS (the JS budget shows 0 KB for it).
 */
export type PublicHandle = DescribedHandle & { hydrate?: false }

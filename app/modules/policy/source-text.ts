import { formatDate, translate, type Locale } from '~/lib/i18n'
import type { PolicySource } from './schemas'

/** A source as one line of text (PDF, email): title, section, link, read-on date, unverified. */
export function sourceText(source: PolicySource, locale: Locale): string {
  const parts = [source.title]
  if (source.section) parts.push(source.section)
  if (source.url) parts.push(source.url)
  if (source.readOn) parts.push(translate(locale, 'source.readOn', { readDate: formatDate(locale, `${source.readOn}T12:00:00Z`) }))
  if (!source.verified) parts.push(translate(locale, `source.unverified.${source.kind === 'assumption' ? 'assumption' : 'other'}`))
  return parts.join(', ')
}

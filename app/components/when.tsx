import { formatSessionStart } from '~/lib/i18n'
import { useLocale } from '~/lib/i18n/react'

/** "za 27 mrt 2027, 10:00–11:30" in the reader's language, Dutch time, with the weekday. */
export function When({ startsAt, endsAt }: { startsAt: string | Date; endsAt: string | Date }) {
  const locale = useLocale()
  const tag = locale === 'nl' ? 'nl-NL' : 'en-GB'
  const start = formatSessionStart(locale, new Date(startsAt))
  const end = new Intl.DateTimeFormat(tag, { timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(new Date(endsAt))
  return (
    <time dateTime={new Date(startsAt).toISOString()}>
      {start}–{end}
    </time>
  )
}

import { utcToAmsterdamLocal } from '~/lib/dates'
import { dayNote, type HolidayDefinition } from '~/lib/holidays'
import { useLocale, useT } from '~/lib/i18n/react'

/**
 * A warning when a session or a start date falls on a weekend or a Dutch public holiday: allowed
 * (a weekend job has weekend speeddates), but worth a second look. `at` is a date or a timestamp.
 */
export function DayNote({ at: when, holidays, compact = false }: { at: string | Date; holidays: readonly HolidayDefinition[]; compact?: boolean }) {
  const t = useT()
  const locale = useLocale()
  const at = typeof when === 'string' ? when : when.toISOString()
  const date = /^\d{4}-\d{2}-\d{2}$/.test(at) ? at : utcToAmsterdamLocal(new Date(at)).slice(0, 10)
  const note = dayNote(date, holidays)
  if (!note) return null
  const text =
    note.kind === 'holiday'
      ? t('calendar.holiday', { holiday: locale === 'nl' ? note.nameNl : note.nameEn })
      : t('calendar.weekend', { weekday: new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`)) })
  return compact ? <span className="day-note">{text}</span> : <p className="alert alert--info day-note">{text}</p>
}

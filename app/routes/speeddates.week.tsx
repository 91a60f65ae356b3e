import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { DayNote } from '~/components/day-note'
import { When } from '~/components/when'
import { actorOf, requirePermission } from '~/web/auth.server'
import { isIsoDate, todayInAmsterdam, utcToAmsterdamLocal } from '~/lib/dates'
import type { MessageKey } from '~/lib/i18n'
import { useLocale, useT } from '~/lib/i18n/react'
import { can } from '~/modules/authorisation/policy'
import { listSlots } from '~/modules/speeddates/slots.server'
import { holidayDefinitions } from '~/modules/policy/calendar'
import { listPolicyRules } from '~/modules/policy/policy.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — speeddates per week / by week' }]

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T12:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}
/** The Monday of the week a date is in (weeks run Monday to Sunday, as in the Netherlands). */
const mondayOf = (date: string) => addDays(date, -((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7))

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, 'speeddates:view')
  // Any text in ?start is taken: a date that is not one falls back to this week.
  const asked = new URL(request.url).searchParams.get('start') ?? ''
  const monday = mondayOf(isIsoDate(asked) ? asked : todayInAmsterdam())
  const sunday = addDays(monday, 6)
  const [slots, rules] = await Promise.all([listSlots(context.db, actorOf(user), { from: monday, to: sunday }), listPolicyRules(context.db)])
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i)).map((date) => ({
    date,
    slots: slots
      .filter((s) => utcToAmsterdamLocal(s.startsAt).slice(0, 10) === date)
      .map((s) => ({ id: s.id, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), place: s.place, status: s.status, bookingStatus: 'bookingStatus' in s ? (s.bookingStatus as string | null) : null })),
  }))
  return { holidays: holidayDefinitions(rules), monday, previous: addDays(monday, -7), next: addDays(monday, 7), days, manages: can(user.role, 'speeddates:manage') }
}

export default function SpeeddateWeek() {
  const t = useT()
  const locale = useLocale()
  const { holidays, monday, previous, next, days, manages } = useLoaderData<typeof loader>()
  const tag = locale === 'nl' ? 'nl-NL' : 'en-GB'
  const dayTitle = (date: string) => new Intl.DateTimeFormat(tag, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`))
  return (
    <section className="page">
      <h1>{t('sd.weekTitle', { from: dayTitle(monday), to: dayTitle(days[6]!.date) })}</h1>
      <nav className="actions" aria-label={t('sd.weekNav')}>
        <Link to={`/speeddates/week?start=${previous}`}>{t('sd.weekPrevious')}</Link> · <Link to="/speeddates/week">{t('sd.weekThis')}</Link> ·{' '}
        <Link to={`/speeddates/week?start=${next}`}>{t('sd.weekNext')}</Link> · <Link to="/speeddates">{t('sd.weekList')}</Link>
      </nav>
      <ol className="week">
        {days.map((day) => (
          <li key={day.date} className="week__day">
            <h2>{dayTitle(day.date)}</h2>
            <DayNote at={day.date} holidays={holidays} compact />
            {day.slots.length === 0 ? (
              <p className="field__hint">{t('sd.weekNone')}</p>
            ) : (
              <ul className="todo-list">
                {day.slots.map((slot) => (
                  <li key={slot.id}>
                    <Link to={`/speeddates/${slot.id}`}>
                      <When startsAt={slot.startsAt} endsAt={slot.endsAt} />
                    </Link>
                    <div className="todo-list__detail">
                      {slot.place}
                      {manages ? ` · ${slot.status === 'cancelled' ? t('sd.slotStatus.cancelled') : t(`sd.booking.${slot.bookingStatus ?? 'none'}` as MessageKey)}` : ''}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  )
}

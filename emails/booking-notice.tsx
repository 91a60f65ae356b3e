import { Button, Text } from '@react-email/components'
import { formatSessionStart, translate, type Locale, type MessageKey } from '../app/lib/i18n'
import { buttonStyle, EmailLayout } from './components/layout'

export type BookingNoticeKind = 'requested' | 'approved' | 'declined' | 'cancelled' | 'rescheduled' | 'reminder' | 'confirmed' | 'paid'

/** The state a calendar update puts the event in. */
export type CalendarState = 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED'

export type BookingNoticeProps = {
  /** `calendar`: no news for this reader (it made the change), only its calendar brought up to date. */
  kind: BookingNoticeKind | 'calendar'
  calendar?: CalendarState
  employer: string
  vacancy: string
  startsAt: string
  endsAt: string
  place: string
  /** What a visitor needs at a reception location, when the admin has entered it (older queued emails lack it). */
  arrival?: string | null
  contact?: string | null
  reason: string | null
  url: string
}

function bodyKey(props: BookingNoticeProps): MessageKey {
  if (props.kind === 'calendar') return `email.booking.calendar.${(props.calendar ?? 'CANCELLED').toLowerCase()}` as MessageKey
  return `email.booking.${props.kind}.body` as MessageKey
}

export function bookingNoticeSubject(locale: Locale, props: BookingNoticeProps) {
  return translate(locale, `email.booking.${props.kind}.subject` as MessageKey, {
    when: formatSessionStart(locale, props.startsAt),
    employer: props.employer,
  })
}

/** Every speeddate notification: what happened, when and where, and why if a reason was given. */
export function BookingNoticeEmail({ locale, ...props }: BookingNoticeProps & { locale: Locale }) {
  const when = `${formatSessionStart(locale, props.startsAt)} – ${new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(new Date(props.endsAt))}`
  return (
    <EmailLayout locale={locale} preview={bookingNoticeSubject(locale, props)}>
      <Text>
        {translate(locale, bodyKey(props), {
          employer: props.employer,
          vacancy: props.vacancy,
        })}
      </Text>
      <Text>
        {translate(locale, 'email.booking.when')}: {when}
        <br />
        {translate(locale, 'email.booking.where')}: {props.place}
        {props.arrival ? (
          <>
            <br />
            {translate(locale, 'sd.arrival')}: {props.arrival}
          </>
        ) : null}
        {props.contact ? (
          <>
            <br />
            {translate(locale, 'sd.contact')}: {props.contact}
          </>
        ) : null}
      </Text>
      {props.reason ? (
        <Text>
          {translate(locale, 'email.booking.reason')}: {props.reason}
        </Text>
      ) : null}
      <Button href={props.url} style={buttonStyle}>
        {translate(locale, 'email.booking.cta')}
      </Button>
    </EmailLayout>
  )
}

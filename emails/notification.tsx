import { Button, Link, Text } from '@react-email/components'
import { translate, type Locale, type MessageKey } from '../app/lib/i18n'
import type { NotificationProps } from '../app/modules/notifications/kinds'
import { buttonStyle, EmailLayout } from './components/layout'

export type NotificationEmailProps = NotificationProps & { url: string }

export function notificationSubject(locale: Locale, props: NotificationEmailProps) {
  return translate(locale, `notification.${props.kind}.subject` as MessageKey, { title: props.title })
}

/** The line a notification makes, in an email of its own or in the digest. */
export function notificationLine(locale: Locale, props: NotificationProps) {
  return translate(locale, `notification.${props.kind}.line` as MessageKey, { title: props.title, organisation: props.organisation })
}

/** One event about a vacancy: submitted (to the intermediary), published, sent back or closed (to the employer). */
export function NotificationEmail({ locale, ...props }: NotificationEmailProps & { locale: Locale }) {
  return (
    <EmailLayout locale={locale} preview={notificationSubject(locale, props)}>
      <Text>{notificationLine(locale, props)}</Text>
      {props.reason ? <Text>{translate(locale, 'notification.reason', { reason: props.reason })}</Text> : null}
      <Button href={props.url} style={buttonStyle}>
        {translate(locale, 'notification.open')}
      </Button>
      <Text>{translate(locale, 'notification.preferences')}</Text>
    </EmailLayout>
  )
}

export type DailyDigestProps = { items: (NotificationEmailProps & { at: string })[] }

export function dailyDigestSubject(locale: Locale, props: DailyDigestProps) {
  return translate(locale, 'notification.digest.subject', { count: props.items.length })
}

/** Everything a person chose to hear once a day, oldest first, each with its link. */
export function DailyDigestEmail({ locale, items }: DailyDigestProps & { locale: Locale }) {
  return (
    <EmailLayout locale={locale} preview={dailyDigestSubject(locale, { items })}>
      <Text>{translate(locale, 'notification.digest.intro', { count: items.length })}</Text>
      {items.map((item, i) => (
        <Text key={i}>
          <Link href={item.url}>{notificationLine(locale, item)}</Link>
          {item.reason ? ` — ${translate(locale, 'notification.reason', { reason: item.reason })}` : ''}
        </Text>
      ))}
      <Text>{translate(locale, 'notification.preferences')}</Text>
    </EmailLayout>
  )
}

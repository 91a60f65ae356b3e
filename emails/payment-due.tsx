import { Button, Text } from '@react-email/components'
import { translate, type Locale } from '../app/lib/i18n'
import { buttonStyle, EmailLayout } from './components/layout'

export type PaymentDueProps = {
  kind: 'speeddate_booking' | 'placement'
  description: string
  netCents: number
  vatPercent: number
  vatCents: number
  grossCents: number
  url: string
}

export function paymentDueSubject(locale: Locale, props: PaymentDueProps) {
  return translate(locale, 'email.due.subject', { grossCents: props.grossCents })
}

/** A fee has become due (the placement fee on the first working day); it is paid in the portal. */
export function PaymentDueEmail({ locale, ...props }: PaymentDueProps & { locale: Locale }) {
  return (
    <EmailLayout locale={locale} preview={paymentDueSubject(locale, props)}>
      <Text>{translate(locale, 'email.due.body', { description: props.description })}</Text>
      <Text>
        {translate(locale, 'payments.net', { netCents: props.netCents })}
        <br />
        {translate(locale, 'payments.vatLine', { vatPercent: props.vatPercent, vatCents: props.vatCents })}
        <br />
        <strong>{translate(locale, 'email.due.total', { grossCents: props.grossCents })}</strong>
      </Text>
      <Button href={props.url} style={buttonStyle}>
        {translate(locale, 'email.due.cta')}
      </Button>
    </EmailLayout>
  )
}

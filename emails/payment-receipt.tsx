import { Button, Text } from '@react-email/components'
import { formatDate, translate, type Locale } from '../app/lib/i18n'
import { buttonStyle, EmailLayout } from './components/layout'

export type PaymentReceiptProps = {
  kind: 'speeddate_booking' | 'placement'
  receiptNumber: string
  description: string
  netCents: number
  vatPercent: number
  vatCents: number
  grossCents: number
  paidAt: string
  url: string
}

export function paymentReceiptSubject(locale: Locale, props: PaymentReceiptProps) {
  return translate(locale, 'email.receipt.subject', { receiptNumber: props.receiptNumber })
}

/** The amounts as paid: net, VAT (computed once, when the charge was made) and the total. */
export function ReceiptLines({ locale, ...props }: PaymentReceiptProps & { locale: Locale }) {
  return (
    <Text>
      {translate(locale, 'payments.receiptNumber')}: {props.receiptNumber}
      <br />
      {translate(locale, 'payments.paidAt')}: {formatDate(locale, props.paidAt, true)}
      <br />
      {translate(locale, `fees.kind.${props.kind}`)}: {props.description}
      <br />
      {translate(locale, 'payments.net', { netCents: props.netCents })}
      <br />
      {translate(locale, 'payments.vatLine', { vatPercent: props.vatPercent, vatCents: props.vatCents })}
      <br />
      <strong>{translate(locale, 'payments.gross', { grossCents: props.grossCents })}</strong>
    </Text>
  )
}

export function PaymentReceiptEmail({ locale, ...props }: PaymentReceiptProps & { locale: Locale }) {
  return (
    <EmailLayout locale={locale} preview={paymentReceiptSubject(locale, props)}>
      <Text>{translate(locale, 'email.receipt.body')}</Text>
      <ReceiptLines locale={locale} {...props} />
      <Button href={props.url} style={buttonStyle}>
        {translate(locale, 'email.receipt.cta')}
      </Button>
    </EmailLayout>
  )
}

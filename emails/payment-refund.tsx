import { Button, Text } from '@react-email/components'
import { translate, type Locale } from '../app/lib/i18n'
import { buttonStyle, EmailLayout } from './components/layout'
import { ReceiptLines, type PaymentReceiptProps } from './payment-receipt'

export type PaymentRefundProps = PaymentReceiptProps & { refundedCents: number }

export function paymentRefundSubject(locale: Locale, props: PaymentRefundProps) {
  return translate(locale, 'email.refund.subject', { receiptNumber: props.receiptNumber })
}

/** Money back: how much, against which receipt; the bank shows it within days. */
export function PaymentRefundEmail({ locale, ...props }: PaymentRefundProps & { locale: Locale }) {
  return (
    <EmailLayout locale={locale} preview={paymentRefundSubject(locale, props)}>
      <Text>{translate(locale, 'email.refund.body', { refundedCents: props.refundedCents, grossCents: props.grossCents })}</Text>
      <ReceiptLines locale={locale} {...props} />
      <Button href={props.url} style={buttonStyle}>
        {translate(locale, 'email.receipt.cta')}
      </Button>
    </EmailLayout>
  )
}

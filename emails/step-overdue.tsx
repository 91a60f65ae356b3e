import { Button, Text } from '@react-email/components'
import { translate, type Locale } from '../app/lib/i18n'
import { buttonStyle, EmailLayout } from './components/layout'

export type StepOverdueProps = { reference: string; vacancy: string; step: string; days: number; p80: number; url: string }

export function stepOverdueSubject(locale: Locale, props: StepOverdueProps) {
  return translate(locale, 'email.overdue.subject', { step: props.step, reference: props.reference })
}

/** A step has waited longer than 80% of such cases took: time to ask why. */
export function StepOverdueEmail({ locale, ...props }: StepOverdueProps & { locale: Locale }) {
  return (
    <EmailLayout locale={locale} preview={stepOverdueSubject(locale, props)}>
      <Text>{translate(locale, 'email.overdue.body', { ...props })}</Text>
      <Button href={props.url} style={buttonStyle}>
        {translate(locale, 'email.booking.cta')}
      </Button>
    </EmailLayout>
  )
}

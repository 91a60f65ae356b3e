import { Button, Text } from '@react-email/components'
import { formatDate, translate, type Locale } from '../app/lib/i18n'
import { buttonStyle, EmailLayout } from './components/layout'

export type AftercareDueProps = { reference: string; employer: string; week: number; dueOn: string; url: string }

export function aftercareDueSubject(locale: Locale, props: AftercareDueProps) {
  return translate(locale, 'email.aftercare.subject', { reference: props.reference, week: props.week })
}

/** A check-in after the first working day is due: people drop out in the first weeks. */
export function AftercareDueEmail({ locale, ...props }: AftercareDueProps & { locale: Locale }) {
  return (
    <EmailLayout locale={locale} preview={aftercareDueSubject(locale, props)}>
      <Text>{translate(locale, 'email.aftercare.body', { reference: props.reference, employer: props.employer, week: props.week, dueDate: formatDate(locale, `${props.dueOn}T12:00:00Z`) })}</Text>
      <Button href={props.url} style={buttonStyle}>
        {translate(locale, 'email.aftercare.cta')}
      </Button>
    </EmailLayout>
  )
}

import { Button, Text } from '@react-email/components'
import { translate, type Locale } from '../app/lib/i18n'
import { buttonStyle, EmailLayout } from './components/layout'

export type PolicyChangeProps = {
  rule: string
  changedOn: string
  items: { title: string; effect: 'added' | 'removed' | 'changed'; url: string }[]
}

export function policyChangeSubject(locale: Locale, props: PolicyChangeProps) {
  return translate(locale, 'email.policyChange.subject', { rule: props.rule })
}

/** A rule changed and it changes what Werkbrug says about this employer's vacancies or matches. */
export function PolicyChangeEmail({ locale, ...props }: PolicyChangeProps & { locale: Locale }) {
  return (
    <EmailLayout locale={locale} preview={policyChangeSubject(locale, props)}>
      <Text>{translate(locale, 'email.policyChange.body', { rule: props.rule, changedDate: props.changedOn })}</Text>
      {props.items.map((item) => (
        <Text key={item.url}>
          {item.title}: {translate(locale, `notice.effect.${item.effect}`)} — {item.url}
        </Text>
      ))}
      {props.items[0] ? (
        <Button href={props.items[0].url} style={buttonStyle}>
          {translate(locale, 'email.booking.cta')}
        </Button>
      ) : null}
    </EmailLayout>
  )
}

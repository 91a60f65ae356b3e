import { Button, Link, Text } from '@react-email/components'
import { translate, type Locale } from '../app/lib/i18n'
import { buttonStyle, EmailLayout } from './components/layout'

export type EmailConfirmationProps = { name: string; confirmUrl: string }

export function emailConfirmationSubject(locale: Locale) {
  return translate(locale, 'email.confirm.subject')
}

export function EmailConfirmationEmail({ locale, name, confirmUrl }: EmailConfirmationProps & { locale: Locale }) {
  return (
    <EmailLayout locale={locale} preview={emailConfirmationSubject(locale)}>
      <Text>{translate(locale, 'email.reset.greeting', { name })}</Text>
      <Text>{translate(locale, 'email.confirm.body')}</Text>
      <Button href={confirmUrl} style={buttonStyle}>
        {translate(locale, 'email.confirm.cta')}
      </Button>
      <Text>
        <Link href={confirmUrl}>{confirmUrl}</Link>
      </Text>
      <Text>{translate(locale, 'email.confirm.notYou')}</Text>
    </EmailLayout>
  )
}

import { Button, Link, Text } from '@react-email/components'
import { translate, type Locale } from '../app/lib/i18n'
import { buttonStyle, EmailLayout } from './components/layout'

export type PasswordResetEmailProps = { name: string; resetUrl: string }

export function passwordResetSubject(locale: Locale) {
  return translate(locale, 'email.reset.subject')
}

export function PasswordResetEmail({
  locale,
  name,
  resetUrl,
}: PasswordResetEmailProps & { locale: Locale }) {
  return (
    <EmailLayout locale={locale} preview={passwordResetSubject(locale)}>
      <Text>{translate(locale, 'email.reset.greeting', { name })}</Text>
      <Text>{translate(locale, 'email.reset.body')}</Text>
      <Button href={resetUrl} style={buttonStyle}>
        {translate(locale, 'email.reset.cta')}
      </Button>
      <Text>
        <Link href={resetUrl}>{resetUrl}</Link>
      </Text>
    </EmailLayout>
  )
}

import { Link, Text } from '@react-email/components'
import { translate, type Locale } from '../app/lib/i18n'
import { EmailLayout } from './components/layout'

export type RegistrationExistsProps = { name: string; loginUrl: string; forgotUrl: string }

export function registrationExistsSubject(locale: Locale) {
  return translate(locale, 'email.registrationExists.subject')
}

/** Someone registered with an address that already has an account: its owner hears of it, nobody else. */
export function RegistrationExistsEmail({ locale, name, loginUrl, forgotUrl }: RegistrationExistsProps & { locale: Locale }) {
  return (
    <EmailLayout locale={locale} preview={registrationExistsSubject(locale)}>
      <Text>{translate(locale, 'email.reset.greeting', { name })}</Text>
      <Text>{translate(locale, 'email.registrationExists.body')}</Text>
      <Text>
        <Link href={loginUrl}>{translate(locale, 'email.registrationExists.login')}</Link>
        {' · '}
        <Link href={forgotUrl}>{translate(locale, 'email.registrationExists.forgot')}</Link>
      </Text>
      <Text>{translate(locale, 'email.registrationExists.notYou')}</Text>
    </EmailLayout>
  )
}

import { Link, Text } from '@react-email/components'
import { translate, type Locale } from '../app/lib/i18n'
import { EmailLayout } from './components/layout'

export type ResetNoAccountProps = { registerUrl: string }

export function resetNoAccountSubject(locale: Locale) {
  return translate(locale, 'email.resetNoAccount.subject')
}

/** A reset was asked for an address without an account: the address's owner learns why no link came. */
export function ResetNoAccountEmail({ locale, registerUrl }: ResetNoAccountProps & { locale: Locale }) {
  return (
    <EmailLayout locale={locale} preview={resetNoAccountSubject(locale)}>
      <Text>{translate(locale, 'email.resetNoAccount.body')}</Text>
      <Text>
        <Link href={registerUrl}>{translate(locale, 'email.resetNoAccount.register')}</Link>
      </Text>
      <Text>{translate(locale, 'email.confirm.notYou')}</Text>
    </EmailLayout>
  )
}

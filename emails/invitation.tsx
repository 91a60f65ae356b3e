import type { Role } from '../app/modules/authorisation/roles'
import { Button, Link, Text } from '@react-email/components'
import { translate, type Locale } from '../app/lib/i18n'
import { buttonStyle, EmailLayout } from './components/layout'

export type InvitationEmailProps = {
  organisation: string
  inviter: string
  role: Role
  acceptUrl: string
}

export function invitationSubject(locale: Locale, props: InvitationEmailProps) {
  return translate(locale, 'email.invite.subject', { organisation: props.organisation })
}

export function InvitationEmail({ locale, ...props }: InvitationEmailProps & { locale: Locale }) {
  return (
    <EmailLayout locale={locale} preview={invitationSubject(locale, props)}>
      <Text>
        {translate(locale, 'email.invite.body', {
          inviter: props.inviter,
          organisation: props.organisation,
          role: translate(locale, `role.${props.role}`),
        })}
      </Text>
      <Button href={props.acceptUrl} style={buttonStyle}>
        {translate(locale, 'email.invite.cta')}
      </Button>
      <Text>
        <Link href={props.acceptUrl}>{props.acceptUrl}</Link>
      </Text>
    </EmailLayout>
  )
}

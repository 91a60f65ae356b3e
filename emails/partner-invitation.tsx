import { Button, Link, Text } from '@react-email/components'
import { translate, type Locale } from '../app/lib/i18n'
import { buttonStyle, EmailLayout } from './components/layout'

export type PartnerInvitationProps = {
  intermediary: string
  inviter: string
  acceptUrl: string
}

export function partnerInvitationSubject(locale: Locale, props: PartnerInvitationProps) {
  return translate(locale, 'email.partner.subject', { intermediary: props.intermediary })
}

/** An intermediary asks an employer to work with it through Werkbrug. */
export function PartnerInvitationEmail({ locale, ...props }: PartnerInvitationProps & { locale: Locale }) {
  return (
    <EmailLayout locale={locale} preview={partnerInvitationSubject(locale, props)}>
      <Text>{translate(locale, 'email.partner.body', { inviter: props.inviter, intermediary: props.intermediary })}</Text>
      <Button href={props.acceptUrl} style={buttonStyle}>
        {translate(locale, 'email.partner.cta')}
      </Button>
      <Text>
        <Link href={props.acceptUrl}>{props.acceptUrl}</Link>
      </Text>
    </EmailLayout>
  )
}

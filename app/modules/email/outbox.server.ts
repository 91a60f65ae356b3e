import type { Db } from '#db/client.server'
import { emailOutbox, type EmailAttachment } from '#db/schema'
import { renderEmail, type EmailTemplateName, type EmailTemplateProps } from '#emails/index'
import type { Locale } from '~/lib/i18n'

export type OutgoingEmail<N extends EmailTemplateName> = {
  template: N
  to: string
  locale: Locale
  props: EmailTemplateProps<N>
  attachments?: EmailAttachment[]
}

/**
 * Renders an email and queues it. Pass the transaction that makes the change the email reports:
 * if that rolls back, no email goes out; if it commits, the dispatcher will deliver it.
 */
export async function enqueueEmail<N extends EmailTemplateName>(
  tx: Db,
  email: OutgoingEmail<N>,
): Promise<number> {
  const rendered = await renderEmail(email.template, email.locale, email.props)
  const [row] = await tx
    .insert(emailOutbox)
    .values({
      template: email.template,
      toAddress: email.to,
      locale: email.locale,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      attachments: email.attachments ?? [],
    })
    .returning({ id: emailOutbox.id })
  return row!.id
}

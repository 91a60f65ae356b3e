import type { Db } from '#db/client.server'
import { emailOutbox, type EmailAttachment } from '#db/schema'
import { emailSubject, type EmailTemplateName, type EmailTemplateProps } from '#emails/index'
import type { Locale } from '~/lib/i18n'
import { enqueueJob } from '~/modules/jobs/index.server'
import { secretLinkPlaceholder } from './secret-links.server'

export type OutgoingEmail<N extends EmailTemplateName> = {
  template: N
  to: string
  locale: Locale
  props: EmailTemplateProps<N>
  attachments?: EmailAttachment[]
  /** Props that hold a link acting for the recipient: never stored in the email's text. */
  secretProps?: (keyof EmailTemplateProps<N> & string)[]
  /** An address typed in for this one email (not an account's): wiped from the outbox once sent. */
  forgetRecipient?: boolean
}

/**
 * Queues an email. Pass the transaction that makes the change the email reports: if that rolls
 * back, no email goes out; if it commits, its delivery job runs at once (and the outbox sweep
 * retries it if that fails). Only the subject is made here; the body is rendered by the worker
 * that delivers it, so no transaction holds its locks while React renders (decision 015).
 */
export async function enqueueEmail<N extends EmailTemplateName>(
  tx: Db,
  email: OutgoingEmail<N>,
): Promise<number> {
  const props = { ...email.props } as Record<string, unknown>
  const secretLinks: string[] = []
  for (const name of email.secretProps ?? []) {
    secretLinks.push(String(props[name]))
    props[name] = secretLinkPlaceholder(secretLinks.length - 1)
  }
  const [row] = await tx
    .insert(emailOutbox)
    .values({
      template: email.template,
      toAddress: email.to,
      locale: email.locale,
      subject: emailSubject(email.template, email.locale, props as EmailTemplateProps<N>),
      props,
      attachments: email.attachments ?? [],
      forgetRecipient: email.forgetRecipient ?? false,
      secretLinks: secretLinks.length > 0 ? secretLinks : null,
    })
    .returning({ id: emailOutbox.id })
  await enqueueJob(tx, 'email.deliver', { outboxId: row!.id })
  return row!.id
}

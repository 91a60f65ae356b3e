import nodemailer from 'nodemailer'
import type { EmailAttachment } from '#db/schema'

export type DeliverableEmail = {
  to: string
  subject: string
  html: string
  text: string
  attachments: EmailAttachment[]
}

export type EmailTransport = {
  kind: 'smtp' | 'mailbox'
  send: (email: DeliverableEmail) => Promise<void>
  close: () => void
}

/**
 * SMTP when SMTP_URL is set. Without it the message stays in the outbox table, marked as
 * delivered to the local mailbox page: readable there, never thrown away.
 */
export function createEmailTransport(config: { smtpUrl?: string; from: string }): EmailTransport {
  if (!config.smtpUrl) {
    return { kind: 'mailbox', send: async () => {}, close: () => {} }
  }
  const transporter = nodemailer.createTransport(config.smtpUrl)
  return {
    kind: 'smtp',
    send: async (email) => {
      await transporter.sendMail({
        from: config.from,
        to: email.to,
        subject: email.subject,
        html: email.html,
        text: email.text,
        attachments: email.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: Buffer.from(a.content, 'base64'),
        })),
      })
    },
    close: () => transporter.close(),
  }
}

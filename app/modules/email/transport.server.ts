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
      const calendar = email.attachments.find((a) => a.contentType.startsWith('text/calendar'))
      await transporter.sendMail({
        from: config.from,
        to: email.to,
        subject: email.subject,
        // RFC 3834: an automatic message, so out-of-office replies and autoresponders stay quiet.
        headers: { 'Auto-Submitted': 'auto-generated' },
        html: email.html,
        text: email.text,
        // Mail clients treat a message as an invitation (with accept/decline, matching a later
        // cancellation) when the event is an inline text/calendar alternative; the attachment
        // stays for those that only offer files.
        icalEvent: calendar ? { method: calendarMethod(calendar.contentType), content: Buffer.from(calendar.content, 'base64').toString('utf8') } : undefined,
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

function calendarMethod(contentType: string): string {
  return /method=([A-Z]+)/i.exec(contentType)?.[1]?.toUpperCase() ?? 'PUBLISH'
}

import { desc, eq } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { emailOutbox } from '#db/schema'
import { renderBody } from './dispatcher.server'
import { hideSecretLinks } from './secret-links.server'

// The demo's local mailbox: outgoing mail is the platform's, so only the platform admin reads it
// (permission 'mailbox:view'), and only in the demo. Secret links never appear: the stored html
// and text hold placeholders, shown here as a note.
export function listOutboxEmails(db: Db, limit = 100) {
  return db
    .select({
      id: emailOutbox.id,
      toAddress: emailOutbox.toAddress,
      subject: emailOutbox.subject,
      status: emailOutbox.status,
      transport: emailOutbox.transport,
      attempts: emailOutbox.attempts,
      lastError: emailOutbox.lastError,
      createdAt: emailOutbox.createdAt,
    })
    .from(emailOutbox)
    .orderBy(desc(emailOutbox.id))
    .limit(limit)
}

export async function getOutboxEmail(db: Db, id: number, secretNote: string) {
  const [row] = await db
    .select({
      id: emailOutbox.id,
      toAddress: emailOutbox.toAddress,
      subject: emailOutbox.subject,
      status: emailOutbox.status,
      createdAt: emailOutbox.createdAt,
      html: emailOutbox.html,
      text: emailOutbox.text,
      template: emailOutbox.template,
      locale: emailOutbox.locale,
      props: emailOutbox.props,
      attachments: emailOutbox.attachments,
    })
    .from(emailOutbox)
    .where(eq(emailOutbox.id, id))
  if (!row) return undefined
  // Not delivered yet: rendered for the view as the worker will render it, and not stored.
  const body = row.html !== null && row.text !== null ? { html: row.html, text: row.text } : await renderBody(row)
  return {
    id: row.id,
    toAddress: row.toAddress,
    subject: row.subject,
    status: row.status,
    createdAt: row.createdAt,
    html: hideSecretLinks(body.html, secretNote),
    text: hideSecretLinks(body.text, secretNote),
    // What went with it (calendar files, PDFs), so a developer sees everything that was sent.
    attachments: row.attachments.map((a, index) => ({ index, filename: a.filename, contentType: a.contentType, bytes: Buffer.from(a.content, 'base64').byteLength, content: a.content })),
  }
}

import { desc, eq } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { emailOutbox } from '#db/schema'

// Outgoing mail is the platform's, not an organisation's: only intermediaries and admins
// reach these functions (permission 'mailbox:view').
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

export async function getOutboxEmail(db: Db, id: number) {
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id))
  return row
}

import { and, asc, eq, lte, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { emailOutbox } from '#db/schema'
import { revealSecretLinks } from './secret-links.server'
import type { EmailTransport } from './transport.server'
import { logError, redact } from '~/lib/log.server'

export const MAX_ATTEMPTS = 8

/** 30 s, 1 min, 2 min … capped at an hour: a mail server that is down for a while loses nothing. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** (attempts - 1), 3_600_000)
}

export type DispatchResult = { sent: number; retried: number; failed: number }

/**
 * Delivers due outbox rows. The rows are locked with SKIP LOCKED for the duration of the batch,
 * so several app instances can run this at once without sending anything twice.
 */
export async function dispatchDueEmails(
  db: Db,
  transport: EmailTransport,
  options: { now?: Date; batchSize?: number; log?: (message: string) => void } = {},
): Promise<DispatchResult> {
  const now = options.now ?? new Date()
  // Without an explicit clock, "due" is judged by the database's clock, the one that stamped the
  // rows: a JavaScript time a fraction of a millisecond behind it would skip a fresh email.
  const dueBy = options.now ? options.now : sql`now()`
  const log = options.log ?? ((message: string) => logError('email', message))
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.status, 'pending'), lte(emailOutbox.nextAttemptAt, dueBy)))
      .orderBy(asc(emailOutbox.id))
      .limit(options.batchSize ?? 20)
      .for('update', { skipLocked: true })

    const result: DispatchResult = { sent: 0, retried: 0, failed: 0 }
    for (const email of due) {
      const attempts = email.attempts + 1
      try {
        await transport.send({
          to: email.toAddress,
          subject: email.subject,
          html: revealSecretLinks(email.html, email.secretLinks, 'html'),
          text: revealSecretLinks(email.text, email.secretLinks, 'text'),
          attachments: email.attachments,
        })
        await tx
          .update(emailOutbox)
          .set({ status: 'sent', attempts, sentAt: now, transport: transport.kind, lastError: null, secretLinks: null })
          .where(eq(emailOutbox.id, email.id))
        result.sent++
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        const gaveUp = attempts >= MAX_ATTEMPTS
        await tx
          .update(emailOutbox)
          .set({
            attempts,
            lastError: message.slice(0, 2000),
            status: gaveUp ? 'failed' : 'pending',
            // Never delivered, and never will be: the link must not outlive the attempt.
            ...(gaveUp ? { secretLinks: null } : {}),
            nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
          })
          .where(eq(emailOutbox.id, email.id))
        if (gaveUp) {
          result.failed++
          log(`gave up on email ${email.id} after ${attempts} attempts: ${redact(message)}`)
        } else {
          result.retried++
          log(`attempt ${attempts} for email ${email.id} failed, will retry: ${redact(message)}`)
        }
      }
    }
    return result
  })
}

/** Polls the outbox until stopped; one loop per app instance. */
export function startEmailDispatcher(
  db: Db,
  transport: EmailTransport,
  intervalMs = 1_000,
): { stop: () => Promise<void> } {
  let running: Promise<unknown> = Promise.resolve()
  let stopped = false
  const timer = setInterval(() => {
    running = running
      .then(() => (stopped ? undefined : dispatchDueEmails(db, transport)))
      .catch((error) => logError('email', 'dispatcher error', error))
  }, intervalMs)
  return {
    stop: async () => {
      stopped = true
      clearInterval(timer)
      await running
    },
  }
}

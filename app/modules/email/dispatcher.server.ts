import { sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { emailOutbox, type EmailAttachment } from '#db/schema'
import { isEmailTemplate, renderEmail } from '#emails/index'
import type { Locale } from '~/lib/i18n'
import { revealSecretLinks } from './secret-links.server'
import type { EmailTransport } from './transport.server'
import { logError, redact } from '~/lib/log.server'

export const MAX_ATTEMPTS = 8
/** How long a claimed email is left to the worker that claimed it before another may take over. */
export const DEFAULT_CLAIM_SECONDS = 120

/** 30 s, 1 min, 2 min … capped at an hour: a mail server that is down for a while loses nothing. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** (attempts - 1), 3_600_000)
}

export type DispatchResult = { sent: number; retried: number; failed: number }
type Options = { now?: Date; batchSize?: number; claimSeconds?: number; log?: (message: string) => void }

type Claimed = {
  id: number
  template: string
  locale: Locale
  props: Record<string, unknown> | null
  to_address: string
  subject: string
  html: string | null
  text: string | null
  attachments: EmailAttachment[]
  secret_links: string[] | null
  attempts: number
  forget_recipient: boolean
}

/** What stays of an address that was given for one email only, once that email is sent. */
export const FORGOTTEN_RECIPIENT = '(removed after sending)'

/**
 * Delivers the due outbox rows. Nothing slow happens under a lock: a short statement claims a
 * batch (SKIP LOCKED, so workers never take the same row) and commits; then each email is sent;
 * then its outcome is recorded. A worker that dies after claiming leaves a claim that runs out,
 * and another worker sends the email then — delivery is at least once, and an email whose outcome
 * was recorded is never sent again.
 */
export async function dispatchDueEmails(db: Db, transport: EmailTransport, options: Options = {}): Promise<DispatchResult> {
  // Without an explicit clock, "due" is judged by the database's clock, the one that stamped the
  // rows: a JavaScript time a fraction of a millisecond behind it would skip a fresh email.
  const dueBy = options.now ? sql`${options.now.toISOString()}::timestamptz` : sql`now()`
  const claimed = await claim(db, sql`next_attempt_at <= ${dueBy}`, options.batchSize ?? 20, options.claimSeconds ?? DEFAULT_CLAIM_SECONDS)
  return deliver(db, transport, claimed, options)
}

/** Delivers one email the moment its job runs; a row already sent or claimed is left alone. */
export async function deliverEmail(db: Db, transport: EmailTransport, outboxId: number, options: Options = {}): Promise<DispatchResult> {
  const claimed = await claim(db, sql`id = ${outboxId}`, 1, options.claimSeconds ?? DEFAULT_CLAIM_SECONDS)
  return deliver(db, transport, claimed, options)
}

async function claim(db: Db, condition: ReturnType<typeof sql>, limit: number, claimSeconds: number): Promise<Claimed[]> {
  const result = await db.execute(sql`
    update ${emailOutbox} set claimed_until = now() + make_interval(secs => ${claimSeconds}), attempts = attempts + 1
    where id in (
      select id from ${emailOutbox}
      where status = 'pending' and (claimed_until is null or claimed_until < now()) and ${condition}
      order by id limit ${limit}
      for update skip locked
    )
    returning id, template, locale, props, to_address, subject, html, text, attachments, secret_links, attempts, forget_recipient`)
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Claimed[]
  return rows.sort((a, b) => a.id - b.id)
}

/** The body of a queued email, from its template and props (the secret links are placeholders). */
export async function renderBody(email: { template: string; locale: Locale; props: Record<string, unknown> | null }): Promise<{ html: string; text: string }> {
  if (!isEmailTemplate(email.template) || email.props === null) throw new Error(`email template ${email.template} cannot be rendered`)
  const rendered = await renderEmail(email.template, email.locale, email.props as never)
  return { html: rendered.html, text: rendered.text }
}

async function deliver(db: Db, transport: EmailTransport, claimed: Claimed[], options: Options): Promise<DispatchResult> {
  const now = options.now ?? new Date()
  const log = options.log ?? ((message: string) => logError('email', message))
  const result: DispatchResult = { sent: 0, retried: 0, failed: 0 }
  for (const email of claimed) {
    try {
      // Rendered now, after the claim committed: nothing is locked while React renders. The body
      // is kept (with placeholders for secret links) so the demo mailbox shows what was sent.
      const body = email.html !== null && email.text !== null ? { html: email.html, text: email.text } : await renderBody(email)
      if (email.html === null) await db.update(emailOutbox).set(body).where(sql`id = ${email.id}`)
      await transport.send({
        to: email.to_address,
        subject: email.subject,
        html: revealSecretLinks(body.html, email.secret_links, 'html'),
        text: revealSecretLinks(body.text, email.secret_links, 'text'),
        attachments: email.attachments,
      })
      await db
        .update(emailOutbox)
        .set({ status: 'sent', sentAt: now, transport: transport.kind, lastError: null, secretLinks: null, claimedUntil: null, ...(email.forget_recipient ? { toAddress: FORGOTTEN_RECIPIENT } : {}) })
        .where(sql`id = ${email.id}`)
      result.sent++
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      const gaveUp = email.attempts >= MAX_ATTEMPTS
      await db
        .update(emailOutbox)
        .set({
          lastError: message.slice(0, 2000),
          status: gaveUp ? 'failed' : 'pending',
          claimedUntil: null,
          // Never delivered, and never will be: the link must not outlive the attempt.
          ...(gaveUp ? { secretLinks: null, ...(email.forget_recipient ? { toAddress: FORGOTTEN_RECIPIENT } : {}) } : {}),
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(email.attempts)),
        })
        .where(sql`id = ${email.id}`)
      if (gaveUp) {
        result.failed++
        log(`gave up on email ${email.id} after ${email.attempts} attempts: ${redact(message)}`)
      } else {
        result.retried++
        log(`attempt ${email.attempts} for email ${email.id} failed, will retry: ${redact(message)}`)
      }
    }
  }
  return result
}

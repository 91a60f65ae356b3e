import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emailOutbox } from '../../db/schema'
import { dispatchDueEmails, MAX_ATTEMPTS, retryDelayMs } from '../../app/modules/email/dispatcher.server'
import { enqueueEmail } from '../../app/modules/email/outbox.server'
import { createEmailTransport, type EmailTransport } from '../../app/modules/email/transport.server'
import { createTestDatabase, type TestDatabase } from '../support/db'
import { startSmtpServer } from '../support/smtp'

let database: TestDatabase
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
beforeAll(async () => {
  database = await createTestDatabase()
  smtp = await startSmtpServer()
})
afterAll(async () => {
  await database.drop()
  await smtp.close()
})

const quiet = () => {}

function queueReset(to: string) {
  return enqueueEmail(database.db, {
    template: 'password-reset',
    to,
    locale: 'en',
    props: { name: 'Sanne', resetUrl: 'http://localhost/reset-password?token=t' },
  })
}

async function row(id: number) {
  const [email] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.id, id))
  return email!
}

describe('email outbox', () => {
  it('is written in the transaction of the change: a rollback sends nothing', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await enqueueEmail(tx, {
          template: 'password-reset',
          to: 'rolled-back@x.example',
          locale: 'nl',
          props: { name: 'X', resetUrl: 'http://localhost/r' },
        })
        throw new Error('the change failed')
      }),
    ).rejects.toThrow('the change failed')
    const rows = await database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'rolled-back@x.example'))
    expect(rows).toEqual([])
  })

  it('delivers through SMTP with html and text, once, rendered by the delivery and not where it was queued', async () => {
    const id = await queueReset('smtp@x.example')
    // Queued with its subject and props only: nothing renders inside the caller's transaction.
    expect(await row(id)).toMatchObject({ subject: 'Set a new password for Werkbrug', html: null, text: null })
    const transport = createEmailTransport({ smtpUrl: smtp.url, from: 'Werkbrug <no-reply@werkbrug.example>' })
    expect(await dispatchDueEmails(database.db, transport, { log: quiet })).toMatchObject({ sent: 1 })
    expect(await dispatchDueEmails(database.db, transport, { log: quiet })).toEqual({ sent: 0, retried: 0, failed: 0 })
    transport.close()
    const delivered = smtp.received.filter((m) => m.to.includes('smtp@x.example'))
    expect(delivered).toHaveLength(1)
    expect(delivered[0]!.subject).toBe('Set a new password for Werkbrug')
    expect(delivered[0]!.html).toContain('http://localhost/reset-password?token=t')
    expect(await row(id)).toMatchObject({ status: 'sent', transport: 'smtp', attempts: 1 })
    // What was sent is kept for the mailbox (secret links as placeholders: see mailbox.test.ts).
    expect((await row(id)).html).toContain('http://localhost/reset-password?token=t')
  })

  it('retries with backoff while SMTP is down and marks the email failed, never deletes it', async () => {
    const id = await queueReset('down@x.example')
    const down: EmailTransport = {
      kind: 'smtp',
      send: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:1')
      },
      close: () => {},
    }
    // A second ahead of the database clock that stamped the row, so the first attempt is due.
    let now = new Date(Date.now() + 1000)
    const first = await dispatchDueEmails(database.db, down, { now, log: quiet })
    expect(first).toEqual({ sent: 0, retried: 1, failed: 0 })
    let email = await row(id)
    expect(email).toMatchObject({ status: 'pending', attempts: 1, lastError: 'connect ECONNREFUSED 127.0.0.1:1' })
    expect(email.nextAttemptAt.getTime()).toBe(now.getTime() + retryDelayMs(1))

    // Not due yet: nothing happens.
    expect(await dispatchDueEmails(database.db, down, { now, log: quiet })).toEqual({ sent: 0, retried: 0, failed: 0 })

    const logged: string[] = []
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      now = new Date(now.getTime() + retryDelayMs(attempt - 1))
      await dispatchDueEmails(database.db, down, { now, log: (m) => logged.push(m) })
    }
    email = await row(id)
    expect(email).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS })
    expect(logged.at(-1)).toContain(`gave up on email ${id}`)
  })

  it('keeps emails in the local mailbox when no SMTP is configured', async () => {
    const id = await queueReset('mailbox@x.example')
    const mailbox = createEmailTransport({ from: 'x@y.example' })
    expect(mailbox.kind).toBe('mailbox')
    await dispatchDueEmails(database.db, mailbox, { log: quiet })
    expect(await row(id)).toMatchObject({ status: 'sent', transport: 'mailbox' })
  })

  it('lets two dispatchers run at once without sending anything twice', async () => {
    const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => queueReset(`parallel-${i}@x.example`)))
    const sent: string[] = []
    const slow: EmailTransport = {
      kind: 'smtp',
      send: async (email) => {
        await new Promise((resolve) => setTimeout(resolve, 5))
        sent.push(email.to)
      },
      close: () => {},
    }
    await Promise.all([
      dispatchDueEmails(database.db, slow, { batchSize: 5, log: quiet }),
      dispatchDueEmails(database.db, slow, { batchSize: 5, log: quiet }),
      dispatchDueEmails(database.db, slow, { batchSize: 5, log: quiet }),
    ])
    await dispatchDueEmails(database.db, slow, { batchSize: 20, log: quiet })
    expect(sent.sort()).toEqual(Array.from({ length: 12 }, (_, i) => `parallel-${i}@x.example`).sort())
    for (const id of ids) expect((await row(id)).attempts).toBe(1)
  })
})

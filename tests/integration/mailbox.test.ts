import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderQueuedEmails } from '../support/outbox'
import { dispatchDueEmails } from '../../app/modules/email/dispatcher.server'
import { createEmailTransport } from '../../app/modules/email/transport.server'
import { hashToken } from '../../app/lib/tokens.server'
import { createEmployer, createStaff, TEST_PASSWORD } from '../support/factories'
import { startSmtpServer } from '../support/smtp'
import { startTestApp, type TestApp } from '../support/app'

type OutboxRow = { id: number; html: string; text: string; secret_links: string[] | null; template: string }

let demo: TestApp
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
beforeAll(async () => {
  demo = await startTestApp()
  smtp = await startSmtpServer()
})
afterAll(async () => {
  await demo.close()
  await smtp.close()
})

async function outbox(app: TestApp, template: string): Promise<OutboxRow[]> {
  await renderQueuedEmails(app.database)
  return app.database.query<OutboxRow>(`select id, html, text, secret_links, template from email_outbox where template = '${template}' order by id`)
}

/** Every open reset token's hash: what a leaked link would have to match. */
async function openResetHashes(app: TestApp): Promise<string[]> {
  const rows = await app.database.query<{ token_hash: string }>(`select token_hash from password_reset_tokens where used_at is null`)
  return rows.map((r) => r.token_hash)
}

/** Every token-looking string in a text, hashed as the database hashes them. */
function hashedTokensIn(text: string): string[] {
  return [...text.matchAll(/[A-Za-z0-9_-]{40,}/g)].map((m) => hashToken(m[0]))
}

describe('the local mailbox', () => {
  it('is the admin’s alone: an intermediary cannot read a reset link for the admin, or any email', async () => {
    const { admin, intermediary } = await createStaff(demo.database.db)
    await demo.browser().post('/forgot-password', { email: admin.email })
    const [queued] = (await outbox(demo, 'password-reset')).slice(-1)
    const consultant = demo.browser()
    await consultant.logIn(intermediary.email, TEST_PASSWORD)
    expect((await consultant.get('/mailbox')).status).toBe(403)
    expect((await consultant.get(`/mailbox/${queued!.id}`)).status).toBe(403)
    expect((await consultant.get(`/mailbox/${queued!.id}/html`)).status).toBe(403)
    const dashboard = await (await consultant.get('/dashboard')).text()
    expect(dashboard).not.toContain('/mailbox')
  })

  it('never stores or shows a live link: the copy holds a placeholder, and the link goes once delivered', async () => {
    const { owner } = await createEmployer(demo.database.db)
    const { admin } = await createStaff(demo.database.db)
    await demo.browser().post('/forgot-password', { email: owner.email })
    const [queued] = (await outbox(demo, 'password-reset')).slice(-1)
    const hashes = await openResetHashes(demo)
    // The html and text kept for the mailbox hold no token that opens a reset.
    for (const content of [queued!.html, queued!.text]) {
      expect(hashedTokensIn(content).filter((h) => hashes.includes(h))).toEqual([])
    }
    expect(queued!.secret_links).toHaveLength(1)

    const browser = demo.browser()
    await browser.logIn(admin.email, TEST_PASSWORD)
    const list = await browser.get('/mailbox')
    expect(list.status).toBe(200)
    expect(await list.text()).toContain('postvak van de demo')
    for (const page of [`/mailbox/${queued!.id}`, `/mailbox/${queued!.id}/html`]) {
      const body = await (await browser.get(page)).text()
      expect(hashedTokensIn(body).filter((h) => hashes.includes(h))).toEqual([])
      expect(body).not.toContain(queued!.secret_links![0]!)
    }
    expect(await (await browser.get(`/mailbox/${queued!.id}`)).text()).toContain('[link verwijderd: alleen voor de ontvanger]')

    // Delivered to the demo's mailbox: the link is gone from the row as well.
    await dispatchDueEmails(demo.database.db, createEmailTransport({ from: 'x@y.example' }), { log: () => {} })
    const [delivered] = await demo.database.query<OutboxRow>(`select secret_links from email_outbox where id = ${queued!.id}`)
    expect(delivered!.secret_links).toBeNull()
  })

  it('keeps invitation links from the intermediary and the admin alike', async () => {
    const { admin } = await createStaff(demo.database.db)
    const browser = demo.browser()
    await browser.logIn(admin.email, TEST_PASSWORD)
    expect((await browser.post('/admin/staff', { intent: 'open', name: 'Nieuwe bemiddelaar', ownerEmail: 'nieuw-lid@werkbrug.example' })).status).toBe(200)
    const [queued] = (await outbox(demo, 'invitation')).slice(-1)
    expect(queued!.html).not.toMatch(/\/invitations\/[A-Za-z0-9_-]{20,}/)
    const body = await (await browser.get(`/mailbox/${queued!.id}`)).text()
    expect(body).not.toMatch(/\/invitations\/[A-Za-z0-9_-]{20,}/)
  })
})

describe('with SMTP', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp({ SMTP_URL: smtp.url })
  })
  afterAll(() => app.close())

  it('has no mailbox at all, not even for the admin', async () => {
    const { admin } = await createStaff(app.database.db)
    const browser = app.browser()
    await browser.logIn(admin.email, TEST_PASSWORD)
    expect((await browser.get('/mailbox')).status).toBe(404)
    expect((await browser.get('/mailbox/1')).status).toBe(404)
  })

  it('delivers the live link to the recipient and keeps no copy of it', async () => {
    const { owner } = await createEmployer(app.database.db)
    await app.browser().post('/forgot-password', { email: owner.email })
    const transport = createEmailTransport({ smtpUrl: smtp.url, from: 'Werkbrug <no-reply@werkbrug.example>' })
    try {
      await dispatchDueEmails(app.database.db, transport, { log: () => {} })
    } finally {
      transport.close()
    }
    const mail = smtp.received.filter((m) => m.to.includes(owner.email)).at(-1)!
    const link = mail.text.match(/http:\/\/\S+reset-password\?token=([\w-]+)/)
    expect(link).not.toBeNull()
    expect(mail.html).toContain(`reset-password?token=${link![1]}`)
    const [row] = (await outbox(app, 'password-reset')).slice(-1)
    expect(row!.secret_links).toBeNull()
    expect(row!.html + row!.text).not.toContain(link![1])
  })
})

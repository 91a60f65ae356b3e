import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatchDueEmails } from '../../app/modules/email/dispatcher.server'
import { createEmailTransport } from '../../app/modules/email/transport.server'
import { countRows } from '../support/db'
import { createEmployer, TEST_PASSWORD } from '../support/factories'
import { startSmtpServer } from '../support/smtp'
import { startTestApp, type TestApp } from '../support/app'

let app: TestApp
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
beforeAll(async () => {
  app = await startTestApp({ TRUST_PROXY: '1' })
  smtp = await startSmtpServer()
})
afterAll(async () => {
  await app.close()
  await smtp.close()
})

const NEW_PASSWORD = 'een heel nieuw wachtwoord'

async function deliverMail() {
  const transport = createEmailTransport({ smtpUrl: smtp.url, from: 'Werkbrug <no-reply@werkbrug.example>' })
  try {
    return await dispatchDueEmails(app.database.db, transport)
  } finally {
    transport.close()
  }
}

async function requestResetLink(email: string): Promise<string> {
  const response = await app.browser().post('/forgot-password', { email })
  expect(response.status).toBe(200)
  expect((await deliverMail()).sent).toBeGreaterThanOrEqual(1)
  const mail = smtp.received.filter((m) => m.to.includes(email)).at(-1)!
  expect(mail.to).toEqual([email])
  const link = mail.text.match(/http:\/\/\S+reset-password\?token=[\w-]+/)?.[0]
  expect(link, mail.text).toBeDefined()
  return link!
}

describe('password reset by emailed link', () => {
  it('works once, signs out other sessions, and then the link is dead', async () => {
    const { owner } = await createEmployer(app.database.db)
    const otherDevice = app.browser()
    await otherDevice.logIn(owner.email, TEST_PASSWORD)

    const link = await requestResetLink(owner.email)
    expect(smtp.received.at(-1)!.subject).toBe('Stel een nieuw wachtwoord in voor Werkbrug')
    const path = new URL(link).pathname + new URL(link).search
    const token = new URL(link).searchParams.get('token')!

    const browser = app.browser()
    expect(await (await browser.get(path)).text()).toContain('name="password"')
    const reset = await browser.post(path, { token, password: NEW_PASSWORD })
    expect(reset.status).toBe(302)
    expect(reset.headers.get('location')).toBe('/login?reset=done')

    expect((await otherDevice.get('/dashboard')).status).toBe(302)
    await browser.logIn(owner.email, NEW_PASSWORD)
    expect((await app.browser().post('/login', { email: owner.email, password: TEST_PASSWORD })).status).toBe(400)

    // Second use of the same link.
    expect(await (await app.browser().get(path)).text()).toContain('ongeldig, al gebruikt of verlopen')
    const again = await app.browser().post(path, { token, password: 'nog een ander wachtwoord' })
    expect(await again.text()).toContain('ongeldig, al gebruikt of verlopen')
    await app.browser().logIn(owner.email, NEW_PASSWORD)
  })

  it('keeps only the newest link alive: a newer request ends the older link', async () => {
    const { owner } = await createEmployer(app.database.db)
    const older = new URL(await requestResetLink(owner.email)).searchParams.get('token')!
    const newer = new URL(await requestResetLink(owner.email)).searchParams.get('token')!
    const refused = await app.browser().post(`/reset-password?token=${older}`, { token: older, password: NEW_PASSWORD })
    expect(await refused.text()).toContain('ongeldig, al gebruikt of verlopen')
    await app.browser().logIn(owner.email, TEST_PASSWORD)
    expect((await app.browser().post(`/reset-password?token=${newer}`, { token: newer, password: NEW_PASSWORD })).status).toBe(302)
  })

  it('ends every other link and every session once a reset succeeds', async () => {
    const { owner } = await createEmployer(app.database.db)
    const first = new URL(await requestResetLink(owner.email)).searchParams.get('token')!
    // A second link issued at the same moment (two tabs, a double click): it must not outlive the reset.
    await app.database.query(`update password_reset_tokens set used_at = null where user_id = '${owner.id}'`)
    const second = new URL(await requestResetLink(owner.email)).searchParams.get('token')!
    await app.database.query(`update password_reset_tokens set used_at = null where user_id = '${owner.id}'`)
    const session = app.browser()
    await session.logIn(owner.email, TEST_PASSWORD)

    expect((await app.browser().post(`/reset-password?token=${second}`, { token: second, password: NEW_PASSWORD })).status).toBe(302)
    const reuse = await app.browser().post(`/reset-password?token=${first}`, { token: first, password: 'een ander nieuw wachtwoord' })
    expect(await reuse.text()).toContain('ongeldig, al gebruikt of verlopen')
    expect((await session.get('/dashboard')).status).toBe(302)
    await app.browser().logIn(owner.email, NEW_PASSWORD)
  })

  it('expires after an hour', async () => {
    const { owner } = await createEmployer(app.database.db)
    const link = await requestResetLink(owner.email)
    await app.database.query(
      `update password_reset_tokens set expires_at = now() - interval '1 second' where used_at is null`,
    )
    const token = new URL(link).searchParams.get('token')!
    const response = await app.browser().post(`/reset-password?token=${token}`, { token, password: NEW_PASSWORD })
    expect(await response.text()).toContain('ongeldig, al gebruikt of verlopen')
    await app.browser().logIn(owner.email, TEST_PASSWORD)
  })

  it('answers the same for an unknown address, and tells that address there is no account', async () => {
    const before = await countRows(app.database, ['email_outbox', 'password_reset_tokens'])
    const response = await app.browser().post('/forgot-password', { email: 'niemand@nergens.example' })
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('Als er een account bij niemand@nergens.example hoort')
    expect(await countRows(app.database, ['email_outbox', 'password_reset_tokens'])).toEqual({ ...before, email_outbox: before.email_outbox! + 1 })
    const [note] = await app.database.query<{ template: string; secret_links: string[] | null }>(`select template, secret_links from email_outbox order by id desc limit 1`)
    expect(note).toEqual({ template: 'reset-no-account', secret_links: null })
  })

  it('sends at most three links an hour to one address, answering the same', async () => {
    const { owner } = await createEmployer(app.database.db)
    // From an address of its own (behind the one trusted proxy), so the per-address budget is not the limit here.
    const from = { 'x-forwarded-for': '192.0.2.33' }
    for (let i = 0; i < 3; i++) await app.browser().post('/forgot-password', { email: owner.email }, from)
    const before = await countRows(app.database, ['email_outbox', 'password_reset_tokens'])
    const fourth = await app.browser().post('/forgot-password', { email: owner.email }, from)
    expect(fourth.status).toBe(200)
    expect(await fourth.text()).toContain(`Als er een account bij ${owner.email} hoort`)
    expect(await countRows(app.database, ['email_outbox', 'password_reset_tokens'])).toEqual(before)
  })

  it('refuses a flood of requests from one address with 429', async () => {
    const flooded = await startTestApp()
    try {
      for (let i = 0; i < 10; i++) expect((await flooded.browser().post('/forgot-password', { email: `f${i}@flood.example` })).status).toBe(200)
      const before = await countRows(flooded.database, ['email_outbox'])
      const refused = await flooded.browser().post('/forgot-password', { email: 'f11@flood.example' })
      expect(refused.status).toBe(429)
      expect(await refused.text()).toContain('Te veel verzoeken vanaf dit adres')
      expect(await countRows(flooded.database, ['email_outbox'])).toEqual(before)
    } finally {
      await flooded.close()
    }
  })

  it('refuses a weak new password beside the field and keeps the link usable', async () => {
    const { owner } = await createEmployer(app.database.db)
    const link = await requestResetLink(owner.email)
    const token = new URL(link).searchParams.get('token')!
    const weak = await app.browser().post(`/reset-password?token=${token}`, { token, password: 'kort' })
    expect(weak.status).toBe(400)
    expect(await weak.text()).toContain('minstens 12 tekens')
    const ok = await app.browser().post(`/reset-password?token=${token}`, { token, password: NEW_PASSWORD })
    expect(ok.status).toBe(302)
  })
})

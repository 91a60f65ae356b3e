import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_FAILURES_PER_EMAIL } from '../../app/modules/accounts/login.server'
import { createEmployer, TEST_PASSWORD } from '../support/factories'
import { startTestApp, type TestApp } from '../support/app'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.close())

describe('login', () => {
  it('logs in and out with a server-side session', async () => {
    const { owner } = await createEmployer(app.database.db)
    const browser = app.browser()
    await browser.logIn(owner.email.toUpperCase(), TEST_PASSWORD)
    expect((await browser.get('/dashboard')).status).toBe(200)
    const [before] = await app.database.query<{ n: number }>(`select count(*)::int as n from sessions where user_id = '${owner.id}'`)
    expect(before!.n).toBe(1)
    const logout = await browser.post('/logout', {})
    expect(logout.headers.get('location')).toBe('/')
    const [after] = await app.database.query<{ n: number }>(`select count(*)::int as n from sessions where user_id = '${owner.id}'`)
    expect(after!.n).toBe(0)
    expect((await browser.get('/dashboard')).status).toBe(302)
  })

  it('says the same for an unknown address and a wrong password', async () => {
    const { owner } = await createEmployer(app.database.db)
    const wrong = await (await app.browser().post('/login', { email: owner.email, password: 'wrong password here' })).text()
    const unknown = await (await app.browser().post('/login', { email: 'nobody@x.example', password: 'whatever it is' })).text()
    for (const page of [wrong, unknown]) expect(page).toContain('Het e-mailadres of het wachtwoord klopt niet.')
  })

  it('throttles an account after repeated failures, even with the right password', async () => {
    const { owner } = await createEmployer(app.database.db)
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      expect((await app.browser().post('/login', { email: owner.email, password: `wrong ${i} password` })).status).toBe(400)
    }
    const blocked = await app.browser().post('/login', { email: owner.email, password: TEST_PASSWORD })
    expect(blocked.status).toBe(400)
    expect(await blocked.text()).toMatch(/Te veel mislukte pogingen\. Probeer het over 15 minuten/)

    // Once the window has passed, the right password works again.
    await app.database.query(`update login_attempts set created_at = created_at - interval '16 minutes'`)
    expect((await app.browser().post('/login', { email: owner.email, password: TEST_PASSWORD })).status).toBe(302)
  })

  it('sends a login with a crafted redirectTo to the dashboard, never to another site and never a 500', async () => {
    const { owner } = await createEmployer(app.database.db)
    const crafted = ['/\t/evil.example', '//evil.example', '/%2F/evil.example', '/\n/x', '/\u0000', '/．/evil．example', ' /team', 'https://evil.example/']
    for (const redirectTo of crafted) {
      const response = await app.browser().post('/login', { email: owner.email, password: TEST_PASSWORD, redirectTo })
      expect(response.status, JSON.stringify(redirectTo)).toBe(302)
      expect(response.headers.get('location'), JSON.stringify(redirectTo)).toBe('/dashboard')
    }
    const local = await app.browser().post('/login', { email: owner.email, password: TEST_PASSWORD, redirectTo: '/team?tab=1' })
    expect(local.headers.get('location')).toBe('/team?tab=1')
  })

  it('keeps the language switch on the site', async () => {
    const response = await app.browser().post('/language', { locale: 'en', redirectTo: '/\t/evil.example' })
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/')
  })

  it('does not let a disabled account log in', async () => {
    const { member } = await createEmployer(app.database.db)
    await app.database.query(`update users set disabled_at = now() where id = '${member.id}'`)
    expect((await app.browser().post('/login', { email: member.email, password: TEST_PASSWORD })).status).toBe(400)
  })
})

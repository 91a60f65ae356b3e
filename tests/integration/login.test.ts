import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmployer, TEST_PASSWORD } from '../support/factories'
import { startTestApp, type TestApp } from '../support/app'

let app: TestApp
beforeAll(async () => {
  // One trusted proxy in front: the client's address is the right-most X-Forwarded-For entry.
  app = await startTestApp({ TRUST_PROXY: '1' })
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

  it('delays the next try from the guessing address, longer after each failure, but not the owner elsewhere', async () => {
    const { owner } = await createEmployer(app.database.db)
    const attacker = { 'x-forwarded-for': '198.51.100.7' }
    for (let i = 0; i < 5; i++) {
      expect((await app.browser().post('/login', { email: owner.email, password: `wrong ${i} password` }, attacker)).status).toBe(400)
    }
    // From the guessing address even the right password waits…
    const blocked = await app.browser().post('/login', { email: owner.email, password: TEST_PASSWORD }, attacker)
    expect(blocked.status).toBe(400)
    expect(await blocked.text()).toMatch(/Te veel mislukte pogingen\. Probeer het over 1 minuten/)
    // …while the owner, elsewhere, is not locked out.
    expect((await app.browser().post('/login', { email: owner.email, password: TEST_PASSWORD }, { 'x-forwarded-for': '203.0.113.20' })).status).toBe(302)

    // The wait passes; the next failure waits twice as long.
    await app.database.query(`update rate_limits set expire = now() - interval '1 second' where key like 'login-delay%'`)
    expect((await app.browser().post('/login', { email: owner.email, password: 'wrong again password' }, attacker)).status).toBe(400)
    const longer = await app.browser().post('/login', { email: owner.email, password: TEST_PASSWORD }, attacker)
    expect(await longer.text()).toMatch(/Probeer het over 2 minuten/)
    await app.database.query(`update rate_limits set expire = now() - interval '1 second' where key like 'login-delay%'`)
    expect((await app.browser().post('/login', { email: owner.email, password: TEST_PASSWORD }, attacker)).status).toBe(302)
  })

  it('reads the client address the proxy saw, not the one the client wrote into X-Forwarded-For', async () => {
    const { owner } = await createEmployer(app.database.db)
    for (let i = 0; i < 5; i++) {
      const spoofed = { 'x-forwarded-for': `10.9.8.${i}, 198.51.100.99` }
      expect((await app.browser().post('/login', { email: owner.email, password: `wrong ${i} password` }, spoofed)).status).toBe(400)
    }
    const blocked = await app.browser().post('/login', { email: owner.email, password: TEST_PASSWORD }, { 'x-forwarded-for': '10.9.8.200, 198.51.100.99' })
    expect(await blocked.text()).toContain('Te veel mislukte pogingen')
  })

  it('stores no address or email in the throttle table', async () => {
    const { owner } = await createEmployer(app.database.db)
    await app.browser().post('/login', { email: owner.email, password: 'not the password at all' })
    const rows = await app.database.query<{ key: string }>(`select key from rate_limits`)
    expect(rows.length).toBeGreaterThan(0)
    for (const { key } of rows) expect(key).not.toMatch(/@|127\.0\.0\.1|198\.51/)
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

import { generate } from 'otplib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmployer, createStaff, TEST_PASSWORD, TEST_TOTP_SECRET } from '../support/factories'
import { startTestApp, type TestApp } from '../support/app'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.close())

const lit = (value: string) => `'${value.replace(/'/g, "''")}'`

/** Password only: the first half of a sign-in. */
async function password(email: string) {
  const browser = app.browser()
  const response = await browser.post('/login', { email, password: TEST_PASSWORD, redirectTo: '/team' })
  return { browser, response }
}

describe('two-factor sign-in for staff', () => {
  it('makes staff without an authenticator enrol before anything else, then shows recovery codes once', async () => {
    const { intermediary } = await createStaff(app.database.db)
    await app.database.query(`update users set totp_secret = null, totp_enabled_at = null where id = ${lit(intermediary.id)}`)
    const { browser, response } = await password(intermediary.email)
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/login/two-factor?redirectTo=%2Fteam')
    // Half signed in: no page opens yet.
    const blocked = await browser.get('/dashboard')
    expect(blocked.headers.get('location')).toBe('/login/two-factor?redirectTo=%2Fdashboard')

    const page = await (await browser.get('/login/two-factor')).text()
    expect(page).toContain('Tweestapsverificatie instellen')
    expect(page).toContain('data:image/svg+xml;base64,')
    const [offered] = await app.database.query<{ pending_totp_secret: string }>(
      `select pending_totp_secret from sessions where user_id = ${lit(intermediary.id)} and stage = 'enrol'`,
    )
    const wrong = await browser.post('/login/two-factor', { intent: 'enrol', code: '123456' })
    expect(wrong.status, wrong.headers.get('location') ?? '').toBe(400)
    const enrolled = await browser.post('/login/two-factor?redirectTo=%2Fdashboard', { intent: 'enrol', code: await generate({ secret: offered!.pending_totp_secret }) })
    expect(enrolled.status, enrolled.headers.get('location') ?? '').toBe(200)
    const codes = [...(await enrolled.text()).matchAll(/<code>([0-9a-f]{5}-[0-9a-f]{5})<\/code>/g)].map((m) => m[1]!)
    expect(codes).toHaveLength(10)
    expect((await browser.get('/dashboard')).status).toBe(200)

    // The next sign-in asks for a code; a recovery code works, once.
    const next = await password(intermediary.email)
    expect(next.response.headers.get('location')).toBe('/login/two-factor?redirectTo=%2Fteam')
    const recovered = await next.browser.post('/login/two-factor?redirectTo=%2Fteam', { code: codes[0]!.toUpperCase() })
    expect(recovered.status).toBe(302)
    expect(recovered.headers.get('location')).toBe('/team')
    const again = await password(intermediary.email)
    expect((await again.browser.post('/login/two-factor', { code: codes[0]! })).status).toBe(400)
  })

  it('refuses a wrong or replayed code, and gives a new session token once the code is right', async () => {
    const { admin } = await createStaff(app.database.db)
    const { browser, response } = await password(admin.email)
    const halfCookie = response.headers.get('set-cookie')
    expect((await browser.post('/login/two-factor', { code: '000000' })).status).toBe(400)
    const code = await generate({ secret: TEST_TOTP_SECRET })
    const signedIn = await browser.post('/login/two-factor', { code })
    expect(signedIn.status).toBe(302)
    expect(signedIn.headers.get('set-cookie')).not.toBe(halfCookie)
    expect((await browser.get('/admin/staff')).status).toBe(200)

    // Someone who saw that code cannot use it again.
    const other = await password(admin.email)
    const replay = await other.browser.post('/login/two-factor', { code })
    expect(replay.status).toBe(400)
    expect(await replay.text()).toContain('al gebruikt')
  })

  it('stops guessing codes after five tries', async () => {
    const { intermediary } = await createStaff(app.database.db)
    const { browser } = await password(intermediary.email)
    for (let i = 0; i < 5; i++) expect((await browser.post('/login/two-factor', { code: `00000${i}` })).status).toBe(400)
    await app.database.query(`update users set totp_last_step = null where id = ${lit(intermediary.id)}`)
    const refused = await browser.post('/login/two-factor', { code: await generate({ secret: TEST_TOTP_SECRET }) })
    expect(refused.status).toBe(429)
    expect(await refused.text()).toContain('Te veel mislukte pogingen')
  })
})

describe('two-factor sign-in for employers', () => {
  it('is optional: an employer signs in with a password until choosing to add a code', async () => {
    const { owner } = await createEmployer(app.database.db)
    const first = await password(owner.email)
    expect(first.response.headers.get('location')).toBe('/team')

    const settings = await (await first.browser.get('/settings/security')).text()
    expect(settings).toContain('vrijwillig voor werkgevers')
    const [offered] = await app.database.query<{ pending_totp_secret: string }>(
      `select pending_totp_secret from sessions where user_id = ${lit(owner.id)} and pending_totp_secret is not null`,
    )
    const enabled = await first.browser.post('/settings/security', { code: await generate({ secret: offered!.pending_totp_secret }) })
    expect(enabled.status).toBe(200)
    expect(await enabled.text()).toContain('Bewaar uw herstelcodes')

    const next = await password(owner.email)
    expect(next.response.headers.get('location')).toBe('/login/two-factor?redirectTo=%2Fteam')
  })
})

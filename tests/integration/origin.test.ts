import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countRows } from '../support/db'
import { createEmployer, TEST_PASSWORD } from '../support/factories'
import { startTestApp, type TestApp } from '../support/app'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.close())

const registration = {
  organisationName: 'Elders BV',
  kvkNumber: '87654321',
  contactName: 'Eve',
  email: 'eve@elders.example',
  password: 'a long enough password',
}

describe('origin check on mutations', () => {
  it('refuses a form posted from another site, before anything is written', async () => {
    const before = await countRows(app.database, ['organisations', 'users', 'rate_limits'])
    const browser = app.browser()
    const response = await browser.post('/register', registration, { origin: 'https://evil.example' })
    expect(response.status).toBe(403)
    expect(await response.text()).toContain('was refused')
    expect(await countRows(app.database, ['organisations', 'users', 'rate_limits'])).toEqual(before)
  })

  it('refuses a post without Origin or Referer', async () => {
    const response = await fetch(`${app.url}/login`, {
      method: 'POST',
      body: new URLSearchParams({ email: 'a@b.example', password: 'x' }),
      redirect: 'manual',
    })
    expect(response.status).toBe(403)
  })

  it("refuses a logged-in user's cookie on a cross-site post (no logout CSRF, no invite CSRF)", async () => {
    const { owner } = await createEmployer(app.database.db)
    const browser = app.browser()
    await browser.logIn(owner.email, TEST_PASSWORD)
    const before = await countRows(app.database, ['invitations', 'sessions'])
    const invite = await browser.post('/team', { intent: 'invite', email: 'x@evil.example', role: 'employer_owner' }, { origin: 'https://evil.example' })
    expect(invite.status).toBe(403)
    expect((await browser.post('/logout', {}, { origin: 'https://evil.example' })).status).toBe(403)
    expect(await countRows(app.database, ['invitations', 'sessions'])).toEqual(before)
  })

  it('accepts the same post from our own pages', async () => {
    const response = await app.browser().post('/register', registration)
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('We hebben een e-mail gestuurd naar eve@elders.example')
  })
})

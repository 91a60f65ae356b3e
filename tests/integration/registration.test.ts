import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countRows } from '../support/db'
import { createEmployer } from '../support/factories'
import { startTestApp, type TestApp } from '../support/app'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.close())

const valid = {
  organisationName: 'Flevo Logistiek BV',
  kvkNumber: '1234 5678',
  contactName: 'Sanne de Vries',
  email: 'sanne@flevo-logistiek.example',
  password: 'vrachtwagen op dinsdag',
}

const tables = ['organisations', 'users', 'sessions', 'audit_log']

async function registerExpectingRefusal(form: Record<string, string>, locale?: 'en') {
  const browser = app.browser()
  if (locale) await browser.post('/language', { locale, redirectTo: '/register' })
  const before = await countRows(app.database, tables)
  const response = await browser.post('/register', form)
  const html = await response.text()
  expect(response.status).toBe(400)
  expect(await countRows(app.database, tables)).toEqual(before)
  expect(browser.hasCookie('wb_session')).toBe(false)
  return html
}

/** The error paragraph that belongs to a field, as the form renders it. */
function fieldError(html: string, field: string): string | undefined {
  const match = html.match(new RegExp(`<p class="field__error" id="field-${field}-error">([^<]*)</p>`))
  return match?.[1]
}

describe('employer registration', () => {
  it('refuses a bad KvK number beside the field, keeps the input, writes nothing', async () => {
    const html = await registerExpectingRefusal({ ...valid, kvkNumber: '1234567' })
    expect(fieldError(html, 'kvkNumber')).toBe('Een KvK-nummer bestaat uit precies 8 cijfers.')
    expect(html).toContain('aria-invalid="true"')
    expect(html).toContain('value="Flevo Logistiek BV"')
    expect(html).not.toContain(valid.password)
  })

  it('refuses a weak password, in English for an English reader', async () => {
    const html = await registerExpectingRefusal({ ...valid, password: 'short' }, 'en')
    expect(fieldError(html, 'password')).toBe('The password must be at least 12 characters long.')
  })

  it('refuses an email address that already has an account', async () => {
    const { owner } = await createEmployer(app.database.db)
    const html = await registerExpectingRefusal({ ...valid, email: owner.email.toUpperCase() })
    expect(fieldError(html, 'email')).toBe('Er bestaat al een account met dit e-mailadres.')
  })

  it('reports every missing field', async () => {
    const html = await registerExpectingRefusal({})
    for (const field of ['organisationName', 'kvkNumber', 'contactName', 'email', 'password']) {
      expect(fieldError(html, field), field).toBe('Dit veld is verplicht.')
    }
  })

  it('creates the organisation and its owner, logs in and shows the dashboard', async () => {
    const browser = app.browser()
    const response = await browser.post('/register', valid)
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/dashboard')
    const setCookie = response.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)

    const dashboard = await (await browser.get('/dashboard')).text()
    expect(dashboard).toContain('Welkom, Sanne de Vries')
    expect(dashboard).toContain('12345678')

    const [user] = await app.database.query<{ role: string; password_hash: string }>(
      `select role, password_hash from users where email = '${valid.email}'`,
    )
    expect(user!.role).toBe('employer_owner')
    expect(user!.password_hash).toMatch(/^\$argon2id\$/)

    // The same KvK number cannot register twice.
    const again = await registerExpectingRefusal({ ...valid, email: 'other@flevo-logistiek.example' })
    expect(fieldError(again, 'kvkNumber')).toContain('al geregistreerd')
  })

  it('escapes what people type when it is shown back', async () => {
    const html = await registerExpectingRefusal({ ...valid, organisationName: '<script>alert(1)</script>', kvkNumber: 'x' })
    expect(html).not.toContain('<script>alert(1)</script>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })
})

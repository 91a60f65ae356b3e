import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countRows } from '../support/db'
import { createEmployer, createOrganisation } from '../support/factories'
import { startTestApp, type TestApp } from '../support/app'

let app: TestApp
let agency: Awaited<ReturnType<typeof createOrganisation>>
beforeAll(async () => {
  app = await startTestApp()
  // While Werkbrug serves one intermediary, registering links the employer to it.
  agency = await createOrganisation(app.database.db, 'intermediary')
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

/** The confirmation link as its recipient gets it: it waits beside the queued email until delivery. */
async function confirmationLink(email: string): Promise<string> {
  const [row] = await app.database.query<{ secret_links: string[] }>(
    `select secret_links from email_outbox where to_address = '${email}' and template = 'email-confirmation' order by id desc limit 1`,
  )
  const url = new URL(row!.secret_links[0]!)
  return url.pathname + url.search
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

  it('reports every missing field', async () => {
    const html = await registerExpectingRefusal({})
    for (const field of ['organisationName', 'kvkNumber', 'contactName', 'email', 'password']) {
      expect(fieldError(html, field), field).toBe('Dit veld is verplicht.')
    }
  })

  it('creates the organisation and an owner who confirms the address by the emailed link, then is logged in', async () => {
    const browser = app.browser()
    const response = await browser.post('/register', valid)
    expect(response.status).toBe(200)
    expect(await response.text()).toContain(`We hebben een e-mail gestuurd naar ${valid.email}`)
    expect(browser.hasCookie('wb_session')).toBe(false)

    const [user] = await app.database.query<{ id: string; role: string; password_hash: string; email_confirmed_at: Date | null }>(
      `select id, role, password_hash, email_confirmed_at from users where email = '${valid.email}'`,
    )
    expect(user!.role).toBe('employer_owner')
    expect(await app.database.query(
      `select l.intermediary_organisation_id from employer_intermediaries l join users u on u.organisation_id = l.employer_organisation_id where u.email = '${valid.email}'`,
    )).toEqual([{ intermediary_organisation_id: agency.id }])
    expect(user!.password_hash).toMatch(/^\$argon2id\$/)
    expect(user!.email_confirmed_at).toBeNull()

    // Not confirmed yet: the right password signs nobody in, and a fresh link goes out.
    const early = await app.browser().post('/login', { email: valid.email, password: valid.password })
    expect(early.status).toBe(400)
    expect(await early.text()).toContain('Bevestig eerst uw e-mailadres')

    const link = await confirmationLink(valid.email)
    const page = await browser.get(link)
    expect(await page.text()).toContain('E-mailadres bevestigen')
    const token = new URL(link, app.url).searchParams.get('token')!
    const confirmed = await browser.post(link, { token })
    expect(confirmed.status).toBe(302)
    expect(confirmed.headers.get('location')).toBe('/dashboard')
    const setCookie = confirmed.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    const dashboard = await (await browser.get('/dashboard')).text()
    expect(dashboard).toContain('Welkom, Sanne de Vries')
    expect(dashboard).toContain('12345678')
    // The link works once.
    expect((await app.browser().post(link, { token })).status).toBe(200)

    // The same KvK number cannot register twice.
    const again = await registerExpectingRefusal({ ...valid, email: 'other@flevo-logistiek.example' })
    expect(fieldError(again, 'kvkNumber')).toContain('al geregistreerd')
  })

  it('answers a known address like any other, and tells the existing owner instead', async () => {
    const { owner } = await createEmployer(app.database.db)
    const before = await countRows(app.database, ['organisations', 'users', 'email_outbox'])
    const browser = app.browser()
    const response = await browser.post('/register', { ...valid, kvkNumber: '87654321', email: owner.email.toUpperCase() })
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('We hebben een e-mail gestuurd naar')
    expect(browser.hasCookie('wb_session')).toBe(false)
    expect(await countRows(app.database, ['organisations', 'users', 'email_outbox'])).toEqual({ ...before, email_outbox: before.email_outbox! + 1 })
    const [note] = await app.database.query<{ template: string; to_address: string }>(`select template, to_address from email_outbox order by id desc limit 1`)
    expect(note).toEqual({ template: 'registration-exists', to_address: owner.email })
  })

  it('asks which intermediary once there are several, refusing one that is not, and links the chosen one', async () => {
    const desk = await createOrganisation(app.database.db, 'intermediary')
    const { organisation: notAnIntermediary } = await createEmployer(app.database.db)
    try {
      const form = { ...valid, email: 'keuze@groen.example', kvkNumber: '4455 6677' }
      const page = await (await app.browser().get('/register')).text()
      expect(page).toContain(desk.name)
      expect(page).toContain(agency.name)
      for (const [choice, message] of [[undefined, 'Dit veld is verplicht.'], [notAnIntermediary.id, 'Deze waarde is ongeldig.']] as const) {
        const html = await registerExpectingRefusal(choice ? { ...form, intermediaryOrganisationId: choice } : form)
        expect(fieldError(html, 'intermediaryOrganisationId')).toBe(message)
      }
      expect((await app.browser().post('/register', { ...form, intermediaryOrganisationId: desk.id })).status).toBe(200)
      expect(await app.database.query(
        `select l.intermediary_organisation_id from employer_intermediaries l join users u on u.organisation_id = l.employer_organisation_id where u.email = 'keuze@groen.example'`,
      )).toEqual([{ intermediary_organisation_id: desk.id }])
    } finally {
      await app.database.query(`delete from organisations where id = '${desk.id}'`)
    }
  })

  it('lets a business register when an unconfirmed registration has held its KvK number for over a week', async () => {
    const kvk = '5566 7788'
    const first = { ...valid, email: 'typfout@groente.example', kvkNumber: kvk, organisationName: 'Groente BV (typfout)', intermediaryOrganisationId: agency.id }
    expect((await app.browser().post('/register', first)).status).toBe(200)
    // Within the week the number is taken, even though nobody confirmed.
    const second = { ...valid, email: 'juist@groente.example', kvkNumber: kvk, organisationName: 'Groente BV', intermediaryOrganisationId: agency.id }
    expect(fieldError(await registerExpectingRefusal(second), 'kvkNumber')).toBe('Deze organisatie (KvK-nummer) is al geregistreerd. Vraag de eigenaar om een uitnodiging.')
    await app.database.query(`update organisations set created_at = now() - interval '8 days' where kvk_number = '55667788'`)
    expect((await app.browser().post('/register', second)).status).toBe(200)
    const [holder] = await app.database.query<{ name: string }>(`select name from organisations where kvk_number = '55667788'`)
    expect(holder!.name).toBe('Groente BV')
    expect(await app.database.query(`select id from users where email = 'typfout@groente.example'`)).toEqual([])
    // A confirmed organisation keeps its number, however old.
    const { organisation } = await createEmployer(app.database.db)
    await app.database.query(`update organisations set created_at = now() - interval '400 days' where id = '${organisation.id}'`)
    const taken = { ...valid, email: 'ander@groente.example', kvkNumber: organisation.kvkNumber!, intermediaryOrganisationId: agency.id }
    expect(fieldError(await registerExpectingRefusal(taken), 'kvkNumber')).toBe('Deze organisatie (KvK-nummer) is al geregistreerd. Vraag de eigenaar om een uitnodiging.')
  })

  it('limits registrations from one address', async () => {
    const limited = await startTestApp()
    await createOrganisation(limited.database.db, 'intermediary')
    try {
      for (let i = 0; i < 10; i++) {
        const form = { ...valid, email: `r${i}@limit.example`, kvkNumber: String(20_000_000 + i) }
        expect((await limited.browser().post('/register', form)).status).toBe(200)
      }
      const before = await countRows(limited.database, ['organisations', 'users'])
      const refused = await limited.browser().post('/register', { ...valid, email: 'r11@limit.example', kvkNumber: '29999999' })
      expect(refused.status).toBe(429)
      expect(await refused.text()).toContain('Te veel verzoeken vanaf dit adres')
      expect(await countRows(limited.database, ['organisations', 'users'])).toEqual(before)
    } finally {
      await limited.close()
    }
  })

  it('escapes what people type when it is shown back', async () => {
    const html = await registerExpectingRefusal({ ...valid, organisationName: '<script>alert(1)</script>', kvkNumber: 'x' })
    expect(html).not.toContain('<script>alert(1)</script>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })
})

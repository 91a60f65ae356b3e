import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { vacancyCreateSchema, vacancyPatchSchema } from '../../app/modules/vacancies/vacancies.schema'
import { bookingCreateSchema, optionalReasonSchema } from '../../app/modules/speeddates/speeddates.schema'
import { arrangementsSchema } from '../../app/modules/risks/arrangements.schema'
import { apiClient } from '../support/api'
import { countRows } from '../support/db'
import { createEmployer, createEmployerWithApiKey, createStaff, TEST_PASSWORD } from '../support/factories'
import { startTestApp, type TestApp } from '../support/app'

let app: TestApp
let locations: { id: string }[]
beforeAll(async () => {
  app = await startTestApp()
  locations = await app.database.query<{ id: string }>('select id from reception_locations order by name')
})
afterAll(() => app.close())

const tables = ['vacancies', 'vacancy_travel_times', 'vacancy_events']

async function loggedIn(email: string) {
  const browser = app.browser()
  await browser.logIn(email, TEST_PASSWORD)
  return browser
}

function fieldError(html: string, field: string): string | undefined {
  return html.match(new RegExp(`<p class="field__error" id="field-${field}-error">([^<]*)</p>`))?.[1]
}

function completeForm(overrides: Record<string, string> = {}) {
  const start = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10)
  return {
    title: 'Productiemedewerker',
    sector: 'production',
    tasks: 'Machines bedienen.',
    candidateStatus: 'asylum_seekers_welcome',
    address: 'Fabrieksweg 3',
    postcode: '1322ab',
    municipality: 'Almere',
    ...Object.fromEntries(locations.map((l) => [`travel-${l.id}`, '25'])),
    hoursMin: '24',
    hoursMax: '36',
    contractType: 'temporary',
    contractMonths: '6',
    shifts: 'day',
    hourlyWage: '15,10',
    startDate: start,
    positions: '2',
    englishLevel: 'a_little',
    dutchLevel: 'none',
    ...overrides,
  }
}

describe('vacancy forms in the portal', () => {
  it.each([
    ['a wage below the minimum', { hourlyWage: '12,00' }, 'hourlyWage', 'onder het minimumloon van € 14,71 per uur dat sinds'],
    ['0 hours', { hoursMin: '0' }, 'hoursMin', 'tussen 1 en 48'],
    ['60 hours', { hoursMax: '60' }, 'hoursMax', 'tussen 1 en 48'],
    ['postcode 12345', { postcode: '12345' }, 'postcode', 'postcode in zoals 1311 AB'],
    ['a start date in the past', { startDate: '2024-01-01' }, 'startDate', 'in het verleden'],
    ['a title of 1 character', { title: 'x' }, 'title', 'minstens 3 tekens'],
    ['a title of 10 000 characters', { title: 'x'.repeat(10_000) }, 'title', 'maximaal 200 tekens'],
    ['an unreadable wage', { hourlyWage: 'veel' }, 'hourlyWage', 'bedrag in euro'],
  ])('refuses %s beside the field, keeps the input and writes nothing', async (_name, override, field, message) => {
    const { owner } = await createEmployer(app.database.db)
    const browser = await loggedIn(owner.email)
    const before = await countRows(app.database, tables)
    const response = await browser.post('/vacancies/new', completeForm(override))
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(fieldError(html, field)?.replace(/\s/g, ' ')).toContain(message)
    expect(html).toContain('value="Fabrieksweg 3"')
    expect(await countRows(app.database, tables)).toEqual(before)
  })

  it('refuses an impossible travel time beside that location', async () => {
    const { owner } = await createEmployer(app.database.db)
    const browser = await loggedIn(owner.email)
    const field = `travel-${locations[0]!.id}`
    const response = await browser.post('/vacancies/new', completeForm({ [field]: '500' }))
    expect(response.status).toBe(400)
    expect(fieldError(await response.text(), field)).toBe('Dit getal valt buiten het toegestane bereik.')
  })

  it('saves a draft with only a title, shows it escaped, and submits once complete', async () => {
    const { owner, organisation } = await createEmployer(app.database.db)
    const browser = await loggedIn(owner.email)
    const created = await browser.post('/vacancies/new', { title: '<b>Heftruck</b> chauffeur' })
    expect(created.status).toBe(302)
    const path = created.headers.get('location')!.replace('?saved=1', '')
    const page = await (await browser.get(path)).text()
    expect(page).toContain('&lt;b&gt;Heftruck&lt;/b&gt; chauffeur')
    expect(page).not.toContain('<b>Heftruck</b>')

    const refused = await browser.post(path, { intent: 'submit' })
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain('Vul eerst deze velden in om in te dienen')

    const edited = await browser.post(`${path}/edit`, completeForm({ title: 'Heftruckchauffeur' }))
    expect(edited.status).toBe(302)
    const submitted = await browser.post(path, { intent: 'submit' })
    expect(submitted.status).toBe(302)
    const [row] = await app.database.query<{ status: string; postcode: string; hourly_wage_cents: number; organisation_id: string }>(
      `select status, postcode, hourly_wage_cents, organisation_id from vacancies where title = 'Heftruckchauffeur'`,
    )
    expect(row).toEqual({ status: 'submitted', postcode: '1322 AB', hourly_wage_cents: 1510, organisation_id: organisation.id })
    // Once submitted, the employer can no longer edit.
    expect((await browser.get(`${path}/edit`)).status).toBe(302)
  })

  it('lets the intermediary return with a comment and publish; the employer sees both', async () => {
    const { owner } = await createEmployer(app.database.db)
    const { intermediary } = await createStaff(app.database.db)
    const employer = await loggedIn(owner.email)
    const created = await employer.post('/vacancies/new', completeForm({ title: 'Schoonmaker hotel' }))
    const path = created.headers.get('location')!.replace('?saved=1', '')
    await employer.post(path, { intent: 'submit' })

    const reviewer = await loggedIn(intermediary.email)
    const list = await (await reviewer.get('/vacancies?status=submitted')).text()
    expect(list).toContain('Schoonmaker hotel')
    const noComment = await reviewer.post(path, { intent: 'return', comment: '' })
    expect(noComment.status).toBe(400)
    expect(await reviewer.post(path, { intent: 'return', comment: 'Graag de taken concreter.' })).toHaveProperty('status', 302)
    const returned = await (await employer.get(path)).text()
    expect(returned).toContain('Graag de taken concreter.')
    expect(returned).toContain('Teruggestuurd')

    await employer.post(path, { intent: 'submit' })
    expect((await employer.post(path, { intent: 'publish' })).status).toBe(409)
    expect((await reviewer.post(path, { intent: 'publish' })).status).toBe(302)
    const published = await (await employer.get(path)).text()
    expect(published).toContain('Gepubliceerd')
    for (const event of ['Aangemaakt', 'Ingediend', 'Teruggestuurd', 'Gepubliceerd']) expect(published).toContain(event)
  })

  it('duplicates a vacancy into a new draft whose title says it is a copy, and shows one-number hours as one number', async () => {
    const { owner } = await createEmployer(app.database.db)
    const browser = await loggedIn(owner.email)
    const created = await browser.post('/vacancies/new', completeForm({ title: 'Te kopiëren', hoursMin: '16', hoursMax: '16' }))
    const path = created.headers.get('location')!.replace('?saved=1', '')
    const copy = await browser.post(path, { intent: 'duplicate' })
    expect(copy.status).toBe(302)
    expect(copy.headers.get('location')).toMatch(/^\/vacancies\/[0-9a-f-]{36}\/edit\?duplicated=1$/)
    const titles = await app.database.query<{ title: string }>(`select title from vacancies where title like 'Te kopiëren%' order by created_at`)
    expect(titles.map((r) => r.title)).toEqual(['Te kopiëren', 'Te kopiëren (kopie)'])
    const page = (await (await browser.get(path)).text()).replace(/<!-- -->/g, '')
    expect(page).toContain('16 uur')
    expect(page).not.toContain('16–16')
  })
})

describe('vacancy boundaries in the portal', () => {
  it("gives employer A a 404 for B's vacancy, for reading, editing and acting", async () => {
    const a = await createEmployer(app.database.db)
    const b = await createEmployer(app.database.db)
    const browserB = await loggedIn(b.owner.email)
    const created = await browserB.post('/vacancies/new', completeForm({ title: 'Van B' }))
    const path = created.headers.get('location')!.replace('?saved=1', '')
    const browserA = await loggedIn(a.member.email)
    expect((await browserA.get(path)).status).toBe(404)
    expect((await browserA.get(`${path}/edit`)).status).toBe(404)
    const before = await countRows(app.database, tables)
    expect((await browserA.post(`${path}/edit`, completeForm({ title: 'Gekaapt' }))).status).toBe(404)
    expect((await browserA.post(path, { intent: 'close' })).status).toBe(404)
    expect((await browserA.post(path, { intent: 'duplicate' })).status).toBe(404)
    expect(await countRows(app.database, tables)).toEqual(before)
    expect(await (await browserA.get('/vacancies')).text()).not.toContain('Van B')
  })

  it('refuses vacancy editing to the intermediary and key management to HR members', async () => {
    const { intermediary } = await createStaff(app.database.db)
    const reviewer = await loggedIn(intermediary.email)
    expect((await reviewer.get('/vacancies/new')).status).toBe(403)
    const { member } = await createEmployer(app.database.db)
    const hr = await loggedIn(member.email)
    expect((await hr.get('/settings/api-keys')).status).toBe(403)
  })
})

describe('API keys in the portal', () => {
  it('shows a new key once, stores only its hash, and a revoked key gets 401', async () => {
    const { owner } = await createEmployer(app.database.db)
    const browser = await loggedIn(owner.email)
    const created = await browser.post('/settings/api-keys', { intent: 'create', name: 'Roostersysteem' })
    const html = await created.text()
    const key = html.match(/data-testid="new-api-key">([^<]+)</)?.[1]
    expect(key).toMatch(/^wbk_/)
    const stored = await app.database.query<{ key_hash: string; id: string }>(`select key_hash, id from api_keys where name = 'Roostersysteem'`)
    expect(stored[0]!.key_hash).not.toContain(key!)
    expect(await (await browser.get('/settings/api-keys')).text()).not.toContain(key!)

    const api = apiClient(app.url, key!)
    expect((await api.get('/api/v1/vacancies')).status).toBe(200)
    expect(await (await browser.get('/settings/api-keys')).text()).not.toContain('Nooit')
    await browser.post('/settings/api-keys', { intent: 'revoke', keyId: stored[0]!.id })
    expect((await api.get('/api/v1/vacancies')).status).toBe(401)
  })

  it("cannot revoke another organisation's key", async () => {
    const other = await createEmployerWithApiKey(app.database.db)
    const { owner } = await createEmployer(app.database.db)
    const browser = await loggedIn(owner.email)
    const [key] = await app.database.query<{ id: string }>(`select id from api_keys where organisation_id = '${other.organisation.id}'`)
    expect((await browser.post('/settings/api-keys', { intent: 'revoke', keyId: key!.id })).status).toBe(404)
    expect((await apiClient(app.url, other.apiKey).get('/api/v1/vacancies')).status).toBe(200)
  })
})

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 with a valid example for every request body', async () => {
    const response = await fetch(`${app.url}/api/v1/openapi.json`)
    expect(response.status).toBe(200)
    const document = (await response.json()) as {
      openapi: string
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { example: unknown; schema: { $ref: string } }> } }>>
    }
    expect(document.openapi).toBe('3.1.0')
    const validators: Record<string, { safeParse: (v: unknown) => { success: boolean } }> = {
      '#/components/schemas/VacancyCreate': vacancyCreateSchema(),
      '#/components/schemas/VacancyPatch': vacancyPatchSchema,
      '#/components/schemas/BookingCreate': bookingCreateSchema,
      '#/components/schemas/BookingCancel': optionalReasonSchema.strict(),
      '#/components/schemas/ArrangementsInput': arrangementsSchema,
    }
    let bodies = 0
    for (const operations of Object.values(document.paths)) {
      for (const operation of Object.values(operations)) {
        const content = operation.requestBody?.content['application/json']
        if (!content) continue
        bodies++
        expect(validators[content.schema.$ref]!.safeParse(content.example).success, content.schema.$ref).toBe(true)
      }
    }
    expect(bodies).toBe(6)

    // The documented example is accepted by the live API as it stands.
    const { apiKey } = await createEmployerWithApiKey(app.database.db)
    const example = document.paths['/api/v1/vacancies']!.post!.requestBody!.content['application/json']!.example
    expect((await apiClient(app.url, apiKey).post('/api/v1/vacancies', example)).status).toBe(201)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countRows } from '../support/db'
import { createEmployerWithApiKey, TEST_PASSWORD, validVacancyBody } from '../support/factories'
import { apiClient, fieldCodes } from '../support/api'
import { startTestApp, type TestApp } from '../support/app'

let app: TestApp
let a: Awaited<ReturnType<typeof createEmployerWithApiKey>>
let b: Awaited<ReturnType<typeof createEmployerWithApiKey>>
beforeAll(async () => {
  app = await startTestApp()
  a = await createEmployerWithApiKey(app.database.db)
  b = await createEmployerWithApiKey(app.database.db)
})
afterAll(() => app.close())

const vacancyTables = ['vacancies', 'vacancy_travel_times', 'vacancy_events', 'api_idempotency_keys']

describe('POST /api/v1/vacancies', () => {
  it('creates a draft and returns it in camelCase with a Location', async () => {
    const api = apiClient(app.url, a.apiKey)
    const body = await validVacancyBody(app.database.db)
    const created = await api.post('/api/v1/vacancies', body)
    expect(created.status).toBe(201)
    expect(created.headers.get('location')).toBe(`/api/v1/vacancies/${created.json.id}`)
    expect(created.json).toMatchObject({ status: 'draft', title: 'Orderpicker', hourlyWageCents: 1500, organisationId: a.organisation.id })
    expect((created.json.travelTimes as unknown[]).length).toBe(2)
    expect(created.headers.get('ratelimit-limit')).toBe('300')
    expect(Number(created.headers.get('ratelimit-remaining'))).toBeLessThan(300)
  })

  it.each([
    // A start after 1 July 2026, whose amounts are not entered: refused against January's, saying so.
    ['wage below the minimum', { hourlyWageCents: 1400 }, 'hourlyWageCents', 'wageBelowMinimumStale'],
    ['0 hours', { hoursMin: 0 }, 'hoursMin', 'hoursRange'],
    ['60 hours', { hoursMax: 60 }, 'hoursMax', 'hoursRange'],
    ['postcode 12345', { postcode: '12345' }, 'postcode', 'postcodeInvalid'],
    ['a start date in the past', { startDate: '2020-01-01' }, 'startDate', 'startDateInPast'],
    ['a title of 1 character', { title: 'x' }, 'title', 'titleTooShort'],
    ['a title of 10 000 characters', { title: 'x'.repeat(10_000) }, 'title', 'tooLong'],
    ['an unknown field', { salary: 3000 }, 'salary', 'unknownField'],
    ['a non-integer wage', { hourlyWageCents: 15.5 }, 'hourlyWageCents', 'wholeNumber'],
    ['an unknown sector', { sector: 'mining' }, 'sector', 'invalidChoice'],
    ['hours min above max', { hoursMin: 40, hoursMax: 20 }, 'hoursMax', 'hoursOrder'],
    ['trial placement without weeks', { trialPlacementOffered: true }, 'trialPlacementWeeks', 'required'],
    ['a youth vacancy without an age', { forWorkersUnder21: true }, 'youngestAge', 'required'],
  ])('refuses %s with a problem+json field error and writes nothing', async (_name, override, field, code) => {
    const api = apiClient(app.url, a.apiKey)
    const before = await countRows(app.database, vacancyTables)
    const response = await api.post('/api/v1/vacancies', await validVacancyBody(app.database.db, override))
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(response.json).toMatchObject({ status: 400, title: 'Ongeldige invoer' })
    expect(fieldCodes(response.json)[field]).toBe(code)
    expect(await countRows(app.database, vacancyTables)).toEqual(before)
  })

  it('checks a youth vacancy against the youth minimum, in English when asked', async () => {
    const api = apiClient(app.url, a.apiKey, { 'accept-language': 'en-GB,en;q=0.9' })
    const refused = await api.post('/api/v1/vacancies', await validVacancyBody(app.database.db, { forWorkersUnder21: true, youngestAge: 18, hourlyWageCents: 700 }))
    expect(refused.status).toBe(400)
    expect(refused.json.errors![0]!.message).toMatch(/youth minimum wage of €7\.36 per hour for age 18 in force since Thu, 1 Jan 2026\. The amounts from Wed, 1 Jul 2026 have not been entered yet/)
    const accepted = await api.post('/api/v1/vacancies', await validVacancyBody(app.database.db, { forWorkersUnder21: true, youngestAge: 18, hourlyWageCents: 800 }))
    expect(accepted.status).toBe(201)
  })

  it('stores HTML as text', async () => {
    const api = apiClient(app.url, a.apiKey)
    const created = await api.post('/api/v1/vacancies', await validVacancyBody(app.database.db, { tasks: '<script>alert(1)</script>' }))
    expect(created.status).toBe(201)
    expect(created.json.tasks).toBe('<script>alert(1)</script>')
  })

  it('creates one vacancy for a repeated Idempotency-Key, and refuses the key for another body', async () => {
    const api = apiClient(app.url, a.apiKey)
    const body = await validVacancyBody(app.database.db, { title: 'Idempotent vacature' })
    const headers = { 'idempotency-key': 'create-42' }
    const responses = await Promise.all([
      api.post('/api/v1/vacancies', body, headers),
      api.post('/api/v1/vacancies', body, headers),
      api.post('/api/v1/vacancies', body, headers),
    ])
    const ids = new Set(responses.map((r) => r.json.id))
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201])
    expect(ids.size).toBe(1)
    const [row] = await app.database.query<{ n: number }>(`select count(*)::int as n from vacancies where title = 'Idempotent vacature'`)
    expect(row!.n).toBe(1)

    const later = await api.post('/api/v1/vacancies', body, headers)
    expect(later.headers.get('idempotent-replayed')).toBe('true')
    expect(later.json.id).toBe([...ids][0])
    const other = await api.post('/api/v1/vacancies', { ...body, title: 'Iets anders' }, headers)
    expect(other.status).toBe(422)
  })

  it('refuses bodies over 100 kB with 413, and non-JSON with 415', async () => {
    const api = apiClient(app.url, a.apiKey)
    const big = await api.post('/api/v1/vacancies', JSON.stringify({ title: 'x', tasks: 'y'.repeat(110_000) }))
    expect(big.status).toBe(413)
    expect(big.headers.get('content-type')).toMatch(/problem\+json/)
    const text = await api.post('/api/v1/vacancies', 'title=x', { 'content-type': 'application/x-www-form-urlencoded' })
    expect(text.status).toBe(415)
    const broken = await api.post('/api/v1/vacancies', '{"title": ')
    expect(broken.status).toBe(400)
  })
})

describe('organisation boundaries in the API', () => {
  it("gives A's key a 404 for B's vacancy and never lists it", async () => {
    const apiA = apiClient(app.url, a.apiKey)
    const apiB = apiClient(app.url, b.apiKey)
    const bVacancy = await apiB.post('/api/v1/vacancies', await validVacancyBody(app.database.db, { title: 'Alleen van B' }))
    const id = bVacancy.json.id as string
    expect((await apiA.get(`/api/v1/vacancies/${id}`)).status).toBe(404)
    expect((await apiA.patch(`/api/v1/vacancies/${id}`, { title: 'Overgenomen' })).status).toBe(404)
    expect((await apiA.post(`/api/v1/vacancies/${id}/submit`)).status).toBe(404)
    expect((await apiB.get(`/api/v1/vacancies/${id}`)).json.title).toBe('Alleen van B')

    let cursor: string | null = null
    const seen: string[] = []
    do {
      const page = await apiA.get(`/api/v1/vacancies?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      expect(page.status).toBe(200)
      seen.push(...(page.json.data as { id: string; organisationId: string }[]).map((v) => v.organisationId))
      cursor = page.json.nextCursor as string | null
    } while (cursor)
    expect(seen.length).toBeGreaterThan(0)
    expect(new Set(seen)).toEqual(new Set([a.organisation.id]))
  })

  it('answers 401 without a key, with an unknown key and with a revoked key', async () => {
    expect((await apiClient(app.url, null).get('/api/v1/vacancies')).status).toBe(401)
    expect((await apiClient(app.url, 'wbk_nonsense').get('/api/v1/vacancies')).status).toBe(401)
    const c = await createEmployerWithApiKey(app.database.db)
    const api = apiClient(app.url, c.apiKey)
    expect((await api.get('/api/v1/vacancies')).status).toBe(200)
    // Revoked by the owner in the portal (the instance that revokes forgets the key at once).
    const owner = app.browser()
    await owner.logIn(c.owner.email, TEST_PASSWORD)
    const [stored] = await app.database.query<{ id: string }>(`select id from api_keys where organisation_id = '${c.organisation.id}'`)
    expect((await owner.post('/settings/api-keys', { intent: 'revoke', keyId: stored!.id })).status).toBe(200)
    const revoked = await api.get('/api/v1/vacancies')
    expect(revoked.status).toBe(401)
    expect(revoked.headers.get('www-authenticate')).toMatch(/^Bearer/)
  })
})

describe('PATCH and submit', () => {
  it('patches a draft, refuses incomplete submission with the missing fields, then submits', async () => {
    const api = apiClient(app.url, a.apiKey)
    const draft = await api.post('/api/v1/vacancies', { title: 'Alleen een titel' })
    expect(draft.status).toBe(201)
    const id = draft.json.id as string

    const incomplete = await api.post(`/api/v1/vacancies/${id}/submit`)
    expect(incomplete.status).toBe(400)
    expect(fieldCodes(incomplete.json)).toMatchObject({ sector: 'requiredForSubmit', hourlyWageCents: 'requiredForSubmit' })

    const badPatch = await api.patch(`/api/v1/vacancies/${id}`, { hoursMin: 60 })
    expect(badPatch.status).toBe(400)
    const { title: _title, ...rest } = await validVacancyBody(app.database.db)
    const patched = await api.patch(`/api/v1/vacancies/${id}`, rest)
    expect(patched.status).toBe(200)
    expect(patched.json.title).toBe('Alleen een titel')

    const submitted = await api.post(`/api/v1/vacancies/${id}/submit`)
    expect(submitted.status).toBe(200)
    expect(submitted.json.status).toBe('submitted')

    const locked = await api.patch(`/api/v1/vacancies/${id}`, { title: 'Te laat' })
    expect(locked.status).toBe(409)
    const again = await api.post(`/api/v1/vacancies/${id}/submit`)
    expect(again.status).toBe(409)

    const events = await app.database.query<{ action: string; actor_api_key_id: string | null }>(
      `select action, actor_api_key_id from vacancy_events where vacancy_id = '${id}' order by id`,
    )
    expect(events.map((e) => e.action)).toEqual(['created', 'updated', 'submit'])
    expect(events.every((e) => e.actor_api_key_id !== null)).toBe(true)
  })

  it('filters the list and pages with a cursor without repeats', async () => {
    const c = await createEmployerWithApiKey(app.database.db)
    const api = apiClient(app.url, c.apiKey)
    for (let i = 0; i < 5; i++) {
      await api.post('/api/v1/vacancies', await validVacancyBody(app.database.db, { title: `Vacature ${i}`, sector: i % 2 ? 'cleaning' : 'logistics' }))
    }
    const cleaning = await api.get('/api/v1/vacancies?sector=cleaning')
    expect((cleaning.json.data as { title: string }[]).map((v) => v.title).sort()).toEqual(['Vacature 1', 'Vacature 3'])
    const first = await api.get('/api/v1/vacancies?limit=3')
    const second = await api.get(`/api/v1/vacancies?limit=3&cursor=${first.json.nextCursor}`)
    const titles = [...(first.json.data as { title: string }[]), ...(second.json.data as { title: string }[])].map((v) => v.title)
    expect(titles).toEqual(['Vacature 4', 'Vacature 3', 'Vacature 2', 'Vacature 1', 'Vacature 0'])
    expect(second.json.nextCursor).toBeNull()
    expect((await api.get('/api/v1/vacancies?limit=500')).status).toBe(400)
    expect((await api.get('/api/v1/vacancies?cursor=garbage')).status).toBe(400)
  })

  // The list is prepared once per shape of filters and run with their values (decision 015):
  // every shape must give the rows of its own values, the same shape again with other values
  // too, and a LIKE wildcard in a municipality is a character, not a wildcard.
  it('answers each combination of filters with its own rows, also when the same shape comes again', async () => {
    const c = await createEmployerWithApiKey(app.database.db)
    const other = await createEmployerWithApiKey(app.database.db)
    const api = apiClient(app.url, c.apiKey)
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
    const made = [
      { title: 'Job A', sector: 'logistics', municipality: 'Almere', startDate: inDays(20) },
      { title: 'Job B', sector: 'cleaning', municipality: 'Almere', startDate: inDays(40) },
      { title: 'Job C', sector: 'logistics', municipality: 'Lelystad', startDate: inDays(60) },
      { title: 'Job D', sector: 'logistics', municipality: '100% Zeewolde', startDate: inDays(80) },
    ] as const
    for (const fields of made) {
      const created = await api.post('/api/v1/vacancies', await validVacancyBody(app.database.db, fields))
      expect(created.status, JSON.stringify(created.json)).toBe(201)
    }
    await apiClient(app.url, other.apiKey).post('/api/v1/vacancies', await validVacancyBody(app.database.db, { title: 'Elders', municipality: 'Almere' }))
    const titles = async (query: string) => ((await api.get(`/api/v1/vacancies?${query}`)).json.data as { title: string }[]).map((v) => v.title.replace('Job ', '')).sort()
    expect(await titles('municipality=almere')).toEqual(['A', 'B'])
    expect(await titles('municipality=lelystad')).toEqual(['C'])
    expect(await titles('municipality=%25')).toEqual([])
    expect(await titles('municipality=100%25%20zeewolde')).toEqual(['D'])
    expect(await titles(`sector=logistics&startFrom=${inDays(50)}`)).toEqual(['C', 'D'])
    expect(await titles(`sector=cleaning&startFrom=${inDays(50)}`)).toEqual([])
    expect(await titles(`startFrom=${inDays(30)}&startTo=${inDays(70)}`)).toEqual(['B', 'C'])
    expect(await titles('status=draft&sector=logistics&municipality=Almere')).toEqual(['A'])
    expect(await titles('status=published')).toEqual([])
    // The other employer, through the same prepared shape, sees only its own.
    expect(((await apiClient(app.url, other.apiKey).get('/api/v1/vacancies?municipality=almere')).json.data as { title: string }[]).map((v) => v.title)).toEqual(['Elders'])
    const first = await api.get('/api/v1/vacancies?sector=logistics&limit=2')
    const second = await api.get(`/api/v1/vacancies?sector=logistics&limit=2&cursor=${first.json.nextCursor}`)
    expect([...(first.json.data as { title: string }[]), ...(second.json.data as { title: string }[])].map((v) => v.title)).toEqual(['Job D', 'Job C', 'Job A'])
  })
})

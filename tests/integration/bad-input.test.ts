import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClient, fieldCodes } from '../support/api'
import { countRows } from '../support/db'
import { createEmployerWithApiKey, createPublishedVacancy, TEST_PASSWORD, validVacancyBody } from '../support/factories'
import { startTestApp, type TestApp } from '../support/app'

let app: TestApp
let employer: Awaited<ReturnType<typeof createEmployerWithApiKey>>
beforeAll(async () => {
  app = await startTestApp()
  employer = await createEmployerWithApiKey(app.database.db)
})
afterAll(() => app.close())

const tables = ['vacancies', 'speeddate_bookings', 'arrangements', 'audit_log', 'api_idempotency_keys']

describe('text PostgreSQL cannot store', () => {
  it('refuses a NUL byte or half a surrogate pair in the API with 400 and the field, writing nothing', async () => {
    const api = apiClient(app.url, employer.apiKey)
    const before = await countRows(app.database, tables)
    for (const title of ['abc\u0000def', 'abc\ud800def', '\udc00']) {
      const response = await api.post('/api/v1/vacancies', await validVacancyBody(app.database.db, { title }))
      expect(response.status, JSON.stringify(title)).toBe(400)
      expect(response.headers.get('content-type')).toMatch(/problem\+json/)
      expect(fieldCodes(response.json)).toHaveProperty('title')
    }
    expect(await countRows(app.database, tables)).toEqual(before)
  })

  it('keeps a proper emoji (a whole surrogate pair)', async () => {
    const api = apiClient(app.url, employer.apiKey)
    const response = await api.post('/api/v1/vacancies', await validVacancyBody(app.database.db, { title: 'Orderpicker 📦' }))
    expect(response.status).toBe(201)
  })
})

describe('ids that are not UUIDs', () => {
  it('answer 404 or a 4xx beside the form, never a 500', async () => {
    const vacancyId = await createPublishedVacancy(app.database.db, employer.organisation.id)
    const browser = app.browser()
    await browser.logIn(employer.owner.email, TEST_PASSWORD)
    const before = await countRows(app.database, tables)
    const posts: [string, Record<string, string>][] = [
      ['/speeddates', { intent: 'book', slotId: 'not-a-uuid', vacancyId }],
      ['/speeddates', { intent: 'book', slotId: randomUUID(), vacancyId: "x' or 1=1 --" }],
      ['/speeddates', { intent: 'acceptProposal', proposalId: 'nope', timeIndex: '0' }],
      ['/speeddates', { intent: 'declineProposal', proposalId: '../../etc' }],
    ]
    for (const [path, form] of posts) {
      const response = await browser.post(path, form)
      expect(response.status, JSON.stringify(form)).toBeGreaterThanOrEqual(400)
      expect(response.status, JSON.stringify(form)).toBeLessThan(500)
    }
    for (const path of ['/vacancies/not-a-uuid', '/speeddates/123', '/hires/abc', '/payments/zzz', '/api/v1/vacancies/not-a-uuid']) {
      const response = await (path.startsWith('/api') ? apiClient(app.url, employer.apiKey).get(path) : browser.get(path))
      expect(response.status, path).toBe(404)
    }
    expect(await countRows(app.database, tables)).toEqual(before)
  })
})

describe('API bodies', () => {
  it('refuses a missing body where one is needed — an empty PUT of arrangements used to set every field to null', async () => {
    const vacancyId = await createPublishedVacancy(app.database.db, employer.organisation.id)
    const api = apiClient(app.url, employer.apiKey)
    expect((await api.put(`/api/v1/vacancies/${vacancyId}/arrangements`, { travelMode: 'public_transport', travelPayer: 'employer' })).status).toBe(200)
    const before = await countRows(app.database, tables)
    const [stored] = await app.database.query(`select * from arrangements where vacancy_id = '${vacancyId}'`)
    for (const headers of [{ 'content-type': 'application/json' }, {}] as Record<string, string>[]) {
      const empty = await fetch(new URL(`/api/v1/vacancies/${vacancyId}/arrangements`, app.url), { method: 'PUT', headers: { authorization: `Bearer ${employer.apiKey}`, ...headers } })
      expect(empty.status).toBe(400)
      expect(empty.headers.get('content-type')).toMatch(/problem\+json/)
      expect(((await empty.json()) as { title: string }).title).toBe('Body ontbreekt')
    }
    const emptyPost = await fetch(new URL('/api/v1/vacancies', app.url), { method: 'POST', headers: { authorization: `Bearer ${employer.apiKey}`, 'content-type': 'application/json' }, body: '' })
    expect(emptyPost.status).toBe(400)
    expect(await countRows(app.database, tables)).toEqual(before)
    expect((await app.database.query(`select * from arrangements where vacancy_id = '${vacancyId}'`))[0]).toEqual(stored)
  })

  it('judges a cancellation body by what arrives: text/plain or chunked bodies are read and checked', async () => {
    const url = new URL(`/api/v1/bookings/${randomUUID()}/cancel`, app.url)
    const plain = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${employer.apiKey}`, 'content-type': 'text/plain' }, body: 'cancel it' })
    expect(plain.status).toBe(415)
    const chunked = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${employer.apiKey}`, 'content-type': 'application/json' },
      body: new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode('{"reason": 42}')), c.close()) }),
      duplex: 'half',
    } as RequestInit)
    expect(chunked.status).toBe(400)
  })

  it('answers an oversize body with a 413 that Node’s own fetch can read', async () => {
    const big = JSON.stringify({ title: 'x'.repeat(300 * 1024) })
    const response = await fetch(new URL('/api/v1/vacancies', app.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${employer.apiKey}`, 'content-type': 'application/json' },
      body: big,
    })
    expect(response.status).toBe(413)
    expect((await response.json()).status).toBe(413)
  })

  it('refuses an Idempotency-Key over 255 characters instead of cutting it', async () => {
    const api = apiClient(app.url, employer.apiKey)
    const before = await countRows(app.database, tables)
    const response = await api.post('/api/v1/vacancies', await validVacancyBody(app.database.db), { 'Idempotency-Key': 'k'.repeat(256) })
    expect(response.status).toBe(400)
    expect(fieldCodes(response.json)).toHaveProperty('Idempotency-Key')
    expect(await countRows(app.database, tables)).toEqual(before)
  })
})

describe('health', () => {
  it('says alive without the database and ready with it', async () => {
    expect((await fetch(new URL('/healthz', app.url))).status).toBe(200)
    const ready = await fetch(new URL('/readyz', app.url))
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ status: 'ready' })
  })
})

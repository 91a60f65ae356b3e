import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../app/modules/authorisation/actor'
import { createCandidate } from '../../app/modules/speeddates/seats.server'
import { createHire } from '../../app/modules/twv/hires.server'
import { apiClient, fieldCodes } from '../support/api'
import { countRows } from '../support/db'
import { createEmployerWithApiKey, createStaff, TEST_PASSWORD, validVacancyBody } from '../support/factories'
import { startTestApp, type TestApp } from '../support/app'

let app: TestApp
let consultant: Actor
beforeAll(async () => {
  app = await startTestApp()
  const staff = await createStaff(app.database.db)
  consultant = { userId: staff.intermediary.id, organisationId: staff.organisation.id, role: 'intermediary' }
})
afterAll(() => app.close())

async function vacancyOf(employer: Awaited<ReturnType<typeof createEmployerWithApiKey>>, overrides: Record<string, unknown> = {}) {
  const created = await apiClient(app.url, employer.apiKey).post('/api/v1/vacancies', await validVacancyBody(app.database.db, overrides))
  expect(created.status).toBe(201)
  return created.json.id as string
}

describe('arrangements and risks', () => {
  it('refuses negative amounts, a coach of 0 hours and an unknown mode, writing nothing', async () => {
    const employer = await createEmployerWithApiKey(app.database.db)
    const id = await vacancyOf(employer)
    const browser = app.browser()
    await browser.logIn(employer.owner.email, TEST_PASSWORD)
    const before = await countRows(app.database, ['arrangements'])
    const form = await browser.post(`/vacancies/${id}/arrangements`, { travelMode: 'teleport', travelAmountCents: '-5', travelAmountUnit: 'per_day', coachProvider: 'municipality', coachHoursPerWeek: '0' })
    expect(form.status).toBe(400)
    const html = await form.text()
    expect(html).toContain('Kies een van de mogelijkheden.')
    expect(html).toContain('Een bedrag kan niet negatief zijn.')
    expect(html).toContain('Vul het aantal uren begeleiding per week in (1 tot 40).')
    const put = await fetch(new URL(`/api/v1/vacancies/${id}/arrangements`, app.url), {
      method: 'PUT',
      headers: { authorization: `Bearer ${employer.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ travelMode: 'teleport', travelAmountCents: -5, coachProvider: 'employer', coachHoursPerWeek: 0 }),
    })
    expect(put.status).toBe(400)
    expect(fieldCodes((await put.json()) as never)).toMatchObject({ travelMode: 'invalidChoice', travelAmountCents: 'amountNegative', coachHoursPerWeek: 'coachHours' })
    expect(await countRows(app.database, ['arrangements'])).toEqual(before)
  })

  it('shows the linkage and travel risks on a 16-hour vacancy and drops them when fixed', async () => {
    const employer = await createEmployerWithApiKey(app.database.db)
    const api = apiClient(app.url, employer.apiKey)
    const id = await vacancyOf(employer, { hoursMin: 16, hoursMax: 16 })
    const codes = async (query = '') => ((await api.get(`/api/v1/vacancies/${id}/risks${query}`)).json.data as { code: string }[]).map((r) => r.code)
    expect(await codes()).toEqual(expect.arrayContaining(['municipal-linkage-24h', 'travel-cost-gap', 'twv-required', '24-week-rule']))
    const risk = ((await api.get(`/api/v1/vacancies/${id}/risks?lang=en`)).json.data as { code: string; sources: { section: string | null; url: string | null }[]; ruleStatus: string }[]).find((r) => r.code === 'municipal-linkage-24h')!
    expect(risk.sources.some((s) => s.section === '§4.6')).toBe(true)
    expect(risk.sources.some((s) => s.url?.startsWith('https://'))).toBe(true)
    expect(((await api.get(`/api/v1/vacancies/${id}/risks?date=2023-06-01`)).json.data as { code: string; ruleStatus: string }[]).find((r) => r.code === '24-week-rule')!.ruleStatus).toBe('in_force')

    await api.patch(`/api/v1/vacancies/${id}`, { hoursMin: 24, hoursMax: 24 })
    const put = await fetch(new URL(`/api/v1/vacancies/${id}/arrangements`, app.url), {
      method: 'PUT',
      headers: { authorization: `Bearer ${employer.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ travelMode: 'public_transport', travelAmountCents: 1200, travelAmountUnit: 'per_day', travelPaid: 'in_advance', travelFareCentsPerDay: 1100 }),
    })
    expect(put.status).toBe(200)
    const after = await codes()
    // The intermediary sees the arrangements and who changed them.
    const owner = app.browser()
    await owner.logIn(employer.owner.email, TEST_PASSWORD)
    const page = await (await owner.get(`/vacancies/${id}`)).text()
    expect(page).toContain('Openbaar vervoer, vergoed')
    expect(page).toContain('Vooraf')
    expect(after).not.toContain('municipal-linkage-24h')
    expect(after).not.toContain('travel-cost-gap')
    expect((await api.get(`/api/v1/vacancies/${id}/risks?date=yesterday`)).status).toBe(400)
  })

  it('refuses a UWV trial placement for an asylum seeker with the reason, and keeps hires private', async () => {
    const employer = await createEmployerWithApiKey(app.database.db)
    const other = await createEmployerWithApiKey(app.database.db)
    const id = await vacancyOf(employer)
    await app.database.query(`update vacancies set status = 'published' where id = '${id}'`)
    const candidate = await createCandidate(app.database.db, consultant, { referenceCode: `T-${id.slice(0, 6)}`, firstName: 'Hewan', languages: 'Engels', experience: '' })
    const hire = await createHire(app.database.db, consultant, { vacancyId: id, candidateId: candidate, residenceStatus: 'asylum_seeker' })
    const put = (key: string, trialKind: string) =>
      fetch(new URL(`/api/v1/hires/${hire}/arrangements`, app.url), {
        method: 'PUT',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'accept-language': 'en' },
        body: JSON.stringify({ trialKind }),
      })
    const refused = await put(employer.apiKey, 'uwv_proefplaatsing')
    expect(refused.status).toBe(400)
    const body = (await refused.json()) as { errors: { field: string; message: string }[] }
    expect(body.errors[0]).toMatchObject({ field: 'trialKind' })
    expect(body.errors[0]!.message).toContain('requires a UWV benefit')
    expect((await put(employer.apiKey, 'internship')).status).toBe(200)
    expect((await put(other.apiKey, 'internship')).status).toBe(404)
    expect((await apiClient(app.url, other.apiKey).get(`/api/v1/hires/${hire}/risks`)).status).toBe(404)
    expect((await apiClient(app.url, other.apiKey).get(`/api/v1/vacancies/${id}/risks`)).status).toBe(404)
    expect((await apiClient(app.url, other.apiKey).get(`/api/v1/vacancies/${id}/arrangements`)).status).toBe(404)
    const foreignPut = await fetch(new URL(`/api/v1/vacancies/${id}/arrangements`, app.url), {
      method: 'PUT',
      headers: { authorization: `Bearer ${other.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ trialKind: 'probation' }),
    })
    expect(foreignPut.status).toBe(404)
    const hireRisks = (await apiClient(app.url, employer.apiKey).get(`/api/v1/hires/${hire}/risks`)).json.data as { code: string }[]
    expect(hireRisks.map((r) => r.code)).toContain('twv-required')
  })
})

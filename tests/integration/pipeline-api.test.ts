import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../app/modules/authorisation/actor'
import { createApiKey } from '../../app/modules/api-keys/api-keys.server'
import { importHistory } from '../../app/modules/pipeline/history-import.server'
import { startTestApp, type TestApp } from '../support/app'
import { createEmployerWithApiKey, createStaff } from '../support/factories'
import { pilotFunnel, pilotHistoryCsv } from '../support/pilot-history'

let app: TestApp
let intermediaryKey: string
let employerKey: string
beforeAll(async () => {
  app = await startTestApp()
  const staff = await createStaff(app.database.db)
  const consultant: Actor = { userId: staff.intermediary.id, organisationId: staff.organisation.id, role: 'intermediary' }
  await importHistory(app.database.db, consultant, pilotHistoryCsv())
  intermediaryKey = (await createApiKey(app.database.db, { ...consultant, userId: staff.owner.id, role: 'intermediary_owner' }, 'Rapportage')).key
  employerKey = (await createEmployerWithApiKey(app.database.db)).apiKey
})
afterAll(() => app.close())

const get = (path: string, key: string) => fetch(new URL(path, app.url), { headers: { authorization: `Bearer ${key}` } })

describe('GET /api/v1/reports/funnel', () => {
  it("gives an intermediary's key the same numbers as the report", async () => {
    const response = await get('/api/v1/reports/funnel?from=2022-12-01&to=2023-12-31', intermediaryKey)
    expect(response.status).toBe(200)
    const body = (await response.json()) as { participants: unknown; matches: Record<string, unknown>; placements: number; breakdowns: { gender: { table: string; rows: unknown[] } } }
    expect(body.participants).toEqual(pilotFunnel.participants)
    expect(body.matches).toMatchObject(pilotFunnel.matches)
    expect(body.placements).toBe(46)
    expect(body.breakdowns.gender).toEqual({ table: '3.2', rows: [{ category: 'male', participants: 151, matches: 53 }, { category: 'female', participants: 17, matches: 7 }, { category: 'unknown', participants: 1, matches: 0 }] })
  })

  it('answers a bad period with a problem naming the field, an employer key with 403, and an intermediary key elsewhere with 403', async () => {
    const bad = await get('/api/v1/reports/funnel?from=2023-12-31&to=2023-01-01', intermediaryKey)
    expect(bad.status).toBe(400)
    expect(bad.headers.get('content-type')).toContain('application/problem+json')
    expect(JSON.stringify(await bad.json())).toContain('"to"')
    expect((await get('/api/v1/reports/funnel', employerKey)).status).toBe(403)
    const elsewhere = await get('/api/v1/vacancies', intermediaryKey)
    expect(elsewhere.status).toBe(403)
    expect(elsewhere.headers.get('content-type')).toContain('application/problem+json')
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../app/modules/authorisation/actor'
import { anonymiseInactiveCandidates } from '../../app/modules/pipeline/candidates.server'
import { loadFunnel } from '../../app/modules/pipeline/funnel.server'
import { importHistory } from '../../app/modules/pipeline/history-import.server'
import { startTestApp, type TestApp } from '../support/app'
import { createStaff, TEST_PASSWORD } from '../support/factories'
import { pilotHistoryCsv } from '../support/pilot-history'

let app: TestApp
let staff: Awaited<ReturnType<typeof createStaff>>
let consultant: Actor
beforeAll(async () => {
  app = await startTestApp()
  staff = await createStaff(app.database.db)
  consultant = { userId: staff.intermediary.id, organisationId: staff.organisation.id, role: 'intermediary' }
})
afterAll(() => app.close())

const text = async (response: Response) => (await response.text()).replace(/<!-- -->/g, '')
const audit = (action: string) => app.database.query<{ n: number }>(`select count(*)::int as n from audit_log where action = '${action}'`).then((r) => r[0]!.n)
const intake = { referenceCode: 'INT-7', firstName: 'Yusuf', receptionLocationId: '', residenceStatus: 'asylum_seeker', gender: 'male', educationLevel: 'secondary_vocational', englishLevel: 'a_little', dutchLevel: 'none', municipalLinkage: 'no', linkedMunicipality: '', intakeDate: '2026-10-05', hoursWanted: '32', languages: 'Turks, Engels', experience: 'Heftruck, 3 jaar', skills: '', movedOutOn: '', consentPurpose: 'Bemiddeling naar werk', consentGivenOn: '2026-10-05', consentWithdrawnOn: '' }

describe('an intake', () => {
  it('refuses contradictions beside the field and writes nothing; then records it, and every view of it is audited', async () => {
    const browser = app.browser()
    await browser.logIn(staff.intermediary.email, TEST_PASSWORD)
    const refused = await browser.post('/candidates/new', { ...intake, linkedMunicipality: 'Almere', hoursWanted: '90', consentPurpose: '' })
    expect(refused.status).toBe(400)
    const page = await text(refused)
    for (const field of ['linkedMunicipality', 'hoursWanted', 'consentPurpose']) expect(page).toContain(`id="field-${field}-error"`)
    expect((await app.database.query(`select count(*)::int as n from candidates`))[0]).toEqual({ n: 0 })

    const created = await browser.post('/candidates/new', intake)
    expect(created.status).toBe(302)
    const location = created.headers.get('location')!.replace('?saved=1', '')
    const views = await audit('candidate.viewed')
    const shown = await text(await browser.get(location))
    expect(shown).toContain('INT-7 — Yusuf')
    expect(await audit('candidate.viewed')).toBe(views + 1)

    const exported = await browser.get(`${location}/export.json`)
    expect(exported.headers.get('content-type')).toContain('application/json')
    const data = (await exported.json()) as { candidate: { referenceCode: string; consentPurpose: string }; matches: unknown[] }
    expect(data.candidate).toMatchObject({ referenceCode: 'INT-7', consentPurpose: 'Bemiddeling naar werk' })
    expect(await audit('candidate.exported')).toBe(1)
  })
})

describe('erasing a candidate', () => {
  it('leaves no row tying the attributes to the person, and the report counts the same (to the month)', async () => {
    expect((await importHistory(app.database.db, consultant, pilotHistoryCsv())).ok).toBe(true)
    const period = { from: '2023-01-01', to: '2023-12-31', receptionLocationId: null }
    const before = await loadFunnel(app.database.db, consultant, period)
    const [person] = await app.database.query<{ id: string }>(`select id from candidates where reference_code = 'PILOT-001'`)

    const browser = app.browser()
    await browser.logIn(staff.intermediary.email, TEST_PASSWORD)
    const unconfirmed = await browser.post(`/candidates/${person!.id}`, { intent: 'erase' })
    expect(unconfirmed.status).toBe(400)
    expect(await text(unconfirmed)).toContain('Vink aan dat u de gegevens wilt wissen.')
    const erased = await browser.post(`/candidates/${person!.id}`, { intent: 'erase', confirm: 'on' })
    expect(erased.status).toBe(302)

    const [row] = await app.database.query<Record<string, unknown>>(`select * from candidates where id = '${person!.id}'`)
    expect(row).toMatchObject({ first_name: null, gender: 'unknown', education_level: 'unknown', english_level: null, dutch_level: null, municipal_linkage: 'unknown', intake_date: null, reception_location_id: null })
    expect(String(row!.reference_code)).toMatch(/^GEWIST-/)
    const [anonymous] = await app.database.query<Record<string, unknown>>(`select * from anonymous_pipeline_records`)
    expect(Object.values(anonymous!).map(String)).not.toContain('PILOT-001')
    const [months] = await app.database.query<{ m: string }>(`select intake_month::text as m from anonymous_pipeline_records`)
    expect(months!.m).toMatch(/^\d{4}-\d{2}-01$/)
    expect((await browser.get(`/candidates/${person!.id}`)).status).toBe(404)

    const after = await loadFunnel(app.database.db, consultant, period)
    expect(after).toEqual(before)
  })

  it('happens by itself after the retention period without activity, and not before', async () => {
    const now = new Date()
    expect(await anonymiseInactiveCandidates(app.database.db, now)).toBe(0)
    const later = new Date(now)
    later.setUTCMonth(later.getUTCMonth() + 25)
    const erased = await anonymiseInactiveCandidates(app.database.db, later)
    expect(erased).toBeGreaterThan(100)
    expect((await app.database.query(`select count(*)::int as n from candidates where erased_at is null and reference_code like 'PILOT-%'`))[0]).toEqual({ n: 0 })
  })
})

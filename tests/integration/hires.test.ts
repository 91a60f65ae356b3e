import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderQueuedEmails } from '../support/outbox'
import type { Actor } from '../../app/modules/authorisation/actor'
import { createCandidate } from '../../app/modules/speeddates/seats.server'
import { createHire, updateHireFacts } from '../../app/modules/twv/hires.server'
import { sendStepReminders } from '../../app/modules/twv/step-reminders.server'
import { apiClient } from '../support/api'
import { countRows } from '../support/db'
import { createEmployerWithApiKey, createPublishedVacancy, createStaff, TEST_PASSWORD } from '../support/factories'
import { pdfText } from '../support/pdf'
import { startTestApp, type TestApp } from '../support/app'

let app: TestApp
let consultant: Actor
let staff: Awaited<ReturnType<typeof createStaff>>
type Side = Awaited<ReturnType<typeof createEmployerWithApiKey>> & { vacancyId: string; hireId: string; reference: string }
let a: Side
let b: Side

async function employerWithHire(reference: string): Promise<Side> {
  const employer = await createEmployerWithApiKey(app.database.db)
  const vacancyId = await createPublishedVacancy(app.database.db, employer.organisation.id, 'Orderpicker')
  const candidateId = await createCandidate(app.database.db, consultant, { referenceCode: reference, firstName: 'Samir', languages: 'Arabisch', experience: '' })
  const hireId = await createHire(app.database.db, consultant, { vacancyId, candidateId, residenceStatus: 'asylum_seeker' })
  await updateHireFacts(app.database.db, consultant, hireId, {
    residenceStatus: 'asylum_seeker',
    isAdult: true,
    asylumApplicationDate: '2026-01-05',
    wDocumentValidUntil: '2099-01-01',
    dublinClaimant: false,
    medicalResidenceGround: false,
    hasBsn: false,
    permitChance: null,
  })
  return { ...employer, vacancyId, hireId, reference }
}

beforeAll(async () => {
  app = await startTestApp()
  staff = await createStaff(app.database.db)
  consultant = { userId: staff.intermediary.id, organisationId: staff.organisation.id, role: 'intermediary' }
  a = await employerWithHire('AZC-A1')
  b = await employerWithHire('AZC-B1')
})
afterAll(() => app.close())

async function loggedIn(email: string) {
  const browser = app.browser()
  await browser.logIn(email, TEST_PASSWORD)
  return browser
}

describe('hires belong to their employer', () => {
  it("gives employer A a 404 for B's hire, checklist and PDFs, in the portal and the API", async () => {
    const browser = await loggedIn(a.member.email)
    expect((await browser.get(`/hires/${a.hireId}`)).status).toBe(200)
    for (const path of [`/hires/${b.hireId}`, `/hires/${b.hireId}/checklist`, `/hires/${b.hireId}/checklist.pdf`, `/vacancies/${b.vacancyId}/checklist.pdf`]) {
      expect((await browser.get(path)).status, path).toBe(404)
    }
    const before = await countRows(app.database, ['hire_steps'])
    expect((await browser.post(`/hires/${b.hireId}`, { intent: 'tick', stepKey: 'step.draft_contract', doneOn: '2026-11-01' })).status).toBe(404)
    expect(await countRows(app.database, ['hire_steps'])).toEqual(before)
    const list = await (await browser.get('/hires')).text()
    expect(list).not.toContain('AZC-B1')
    expect(list).toContain('Bemiddelaar: Mag deze persoon werken?')

    const api = apiClient(app.url, a.apiKey)
    for (const path of [`/api/v1/hires/${b.hireId}/twv-guidance`, `/api/v1/hires/${b.hireId}/twv-checklist.pdf`, `/api/v1/vacancies/${b.vacancyId}/twv-checklist.pdf`]) {
      const response = await fetch(new URL(path, app.url), { headers: { authorization: `Bearer ${a.apiKey}` } })
      expect(response.status, path).toBe(404)
    }
    const apiList = await api.get('/api/v1/hires')
    expect((apiList.json.data as { reference: string }[]).map((h) => h.reference)).toEqual(['AZC-A1'])
  })
})

describe('the guidance and its checklist', () => {
  it('serves the PDF with the organisation, reference, every step and the sources in the requested language', async () => {
    const guidance = await apiClient(app.url, a.apiKey).get(`/api/v1/hires/${a.hireId}/twv-guidance?lang=en`)
    expect(guidance.status).toBe(200)
    const steps = guidance.json.steps as { title: string }[]
    expect(steps.map((s) => s.title)).toContain('Apply for the TWV at UWV')
    expect((guidance.json.expected as { basis: string }).basis).toBe('pilot')

    const response = await fetch(new URL(`/api/v1/hires/${a.hireId}/twv-checklist.pdf?lang=en`, app.url), { headers: { authorization: `Bearer ${a.apiKey}` } })
    expect(response.headers.get('content-type')).toBe('application/pdf')
    const text = await pdfText(new Uint8Array(await response.arrayBuffer()))
    expect(text).toContain(a.organisation.name)
    expect(text).toContain('AZC-A1')
    for (const step of steps) expect(text).toContain(step.title)
    for (const rule of guidance.json.rulesUsed as { sources: { title: string }[] }[]) for (const source of rule.sources) expect(text.replace(/\s/g, '')).toContain(source.title.replace(/\s/g, ''))

    const browser = await loggedIn(a.owner.email)
    const dutch = await browser.get(`/hires/${a.hireId}/checklist.pdf?lang=nl`)
    expect(await pdfText(new Uint8Array(await dutch.arrayBuffer()))).toContain('TWV aanvragen bij UWV')
    const blank = await browser.get(`/vacancies/${a.vacancyId}/checklist.pdf`)
    const blankText = await pdfText(new Uint8Array(await blank.arrayBuffer()))
    expect(blankText).toContain('blanco')
    expect(blankText).toContain('Statushouder')
  })

  it('lets HR tick a step with a date, refuses a future date, and keeps facts to the intermediary', async () => {
    const hr = await loggedIn(a.member.email)
    const future = await hr.post(`/hires/${a.hireId}`, { intent: 'tick', stepKey: 'step.twv_application', doneOn: '2099-01-01' })
    expect(future.status).toBe(400)
    expect(await future.text()).toContain('Deze datum ligt in de toekomst.')
    const ticked = await hr.post(`/hires/${a.hireId}`, { intent: 'tick', stepKey: 'step.twv_application', doneOn: '2026-11-20' })
    expect(ticked.status).toBe(302)
    expect(await (await hr.get(`/hires/${a.hireId}`)).text()).toContain('Gedaan op vr 20 nov 2026')
    expect((await hr.post(`/hires/${a.hireId}`, { intent: 'facts', residenceStatus: 'status_holder' })).status).toBe(403)

    const intermediary = await loggedIn(staff.intermediary.email)
    const bad = await intermediary.post(`/hires/${a.hireId}`, { intent: 'facts', residenceStatus: 'asylum_seeker', asylumApplicationDate: '31-12-2025' })
    expect(bad.status).toBe(400)
    const dublin = await intermediary.post(`/hires/${a.hireId}`, { intent: 'facts', residenceStatus: 'asylum_seeker', isAdult: 'yes', asylumApplicationDate: '2026-01-05', wDocumentValidUntil: '2099-01-01', dublinClaimant: 'yes', medicalResidenceGround: 'no', hasBsn: 'no' })
    expect(dublin.status).toBe(302)
    const page = await (await hr.get(`/hires/${a.hireId}`)).text()
    expect(page).toContain('Deze persoon mag nu niet werken.')
    expect(page).toContain('Nog geen datum')
  })
})

describe('policy rules as data', () => {
  it('lets only the admin edit a rule, audits it, and the guidance follows', async () => {
    const hr = await loggedIn(a.owner.email)
    expect((await hr.get('/admin/policy')).status).toBe(403)
    const admin = await loggedIn(staff.admin.email)
    const page = await (await admin.get('/admin/policy')).text()
    expect(page).toContain('condition.application_period_pact')
    const form = {
      key: 'condition.application_period_pact',
      titleNl: 'Na 3 maanden (nu van kracht)',
      titleEn: 'After 3 months (now in force)',
      bodyNl: 'x',
      bodyEn: 'x',
      'sources.0.kind': 'official',
      'sources.0.title': 'Staatscourant (test)',
      'sources.0.url': 'https://zoek.officielebekendmakingen.nl/test',
      'sources.0.section': '',
      'sources.0.readOn': '2026-11-27',
      'sources.0.verified': 'on',
      'sources.1.kind': 'official',
      'sources.1.title': '',
      'sources.1.url': '',
      effectiveFrom: '2026-06-12',
      effectiveTo: '',
      reviewedOn: '2026-11-27',
      reviewBy: '2027-05-27',
      status: 'in_force',
      data: JSON.stringify({ months: 3, appliesTo: 'high_permit_chance' }),
    }
    const before = await countRows(app.database, ['audit_log', 'policy_rules', 'policy_rule_changes'])
    for (const bad of [
      { reviewedOn: 'gisteren' },
      { 'sources.0.url': 'http://insecure.example/' },
      { 'sources.0.url': '' },
      { data: '{"months": "drie"}' },
      { data: 'not json' },
      { bodyEn: 'After {months} months' },
      { 'sources.0.title': '' },
    ]) {
      const response = await admin.post('/admin/policy', { ...form, ...bad })
      expect(response.status, JSON.stringify(bad)).toBe(400)
      expect(await response.text()).toContain('error-summary')
    }
    expect(await countRows(app.database, ['audit_log', 'policy_rules', 'policy_rule_changes'])).toEqual(before)
    expect((await admin.post('/admin/policy', form)).status).toBe(302)
    const [audit] = await app.database.query<{ details: Record<string, { from: unknown; to: unknown }> }>(
      `select details from audit_log where action = 'policy_rule.updated' order by id desc limit 1`,
    )
    expect(audit!.details.status).toEqual({ from: 'announced', to: 'in_force' })
    const guidance = await apiClient(app.url, a.apiKey).get(`/api/v1/hires/${a.hireId}/twv-guidance`)
    const rule = (guidance.json.rulesUsed as { key: string; status: string; sources: { title: string; url: string }[] }[]).find((r) => r.key === 'condition.application_period_pact')
    expect(rule).toMatchObject({ status: 'in_force', sources: [{ title: 'Staatscourant (test)', url: 'https://zoek.officielebekendmakingen.nl/test' }] })
  })
})

describe('overdue steps', () => {
  it('emails the employer and the intermediary once when the TWV decision passes its legal term of five weeks', async () => {
    const c = await employerWithHire('AZC-C1')
    const hr = await loggedIn(c.owner.email)
    await hr.post(`/hires/${c.hireId}`, { intent: 'tick', stepKey: 'step.twv_application', doneOn: '2026-09-01' })
    // Day 30 was the old trigger (the 80th percentile of the pilot); the legal term is 35 days.
    expect(await sendStepReminders(app.database.db, app.url, '2026-10-01')).toBe(0)
    expect(await sendStepReminders(app.database.db, app.url, '2026-10-06')).toBe(0)
    expect(await sendStepReminders(app.database.db, app.url, '2026-10-07')).toBe(1)
    expect(await sendStepReminders(app.database.db, app.url, '2026-11-28')).toBe(0)
    await renderQueuedEmails(app.database)
    const mails = await app.database.query<{ to_address: string; subject: string }>(`select to_address, subject from email_outbox where template = 'step-overdue' and text like '%AZC-C1%'`)
    const to = mails.map((m) => m.to_address)
    expect(to).toContain(c.owner.email)
    expect(to).toContain(staff.intermediary.email)
    expect(mails[0]!.subject).toMatch(/UWV beslist over de TWV duurt lang voor AZC-C1/)
  })
})

describe("the consultant's list of matches", () => {
  it('shows open matches 25 at a time, newest first, without repeats; finished ones under "all"; a foreign cursor starts at the top', async () => {
    const employer = await createEmployerWithApiKey(app.database.db)
    const vacancyId = await createPublishedVacancy(app.database.db, employer.organisation.id, 'Heftruckchauffeur')
    for (let i = 0; i < 27; i++) {
      const candidateId = await createCandidate(app.database.db, consultant, { referenceCode: `LIST-${i}`, firstName: '', languages: '', experience: '' })
      await createHire(app.database.db, consultant, { vacancyId, candidateId, residenceStatus: 'status_holder' })
    }
    // One match never started: not open any more.
    await app.database.query(`update hires set not_started_on = current_date, not_started_reason = 'declined_job' where id = '${a.hireId}'`)
    const browser = await loggedIn(staff.intermediary.email)
    const idsOn = (html: string) => [...html.matchAll(/href="\/hires\/([0-9a-f-]{36})"/g)].map((m) => m[1]!)
    const nextOf = (html: string) => /href="(\/hires\?[^"]*after=[^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&')

    const first = await (await browser.get('/hires')).text()
    expect(idsOn(first)).toHaveLength(25)
    expect(first).toMatch(/aria-current="page"[^>]*>Lopend</)
    const second = await (await browser.get(nextOf(first)!)).text()
    const open = [...idsOn(first), ...idsOn(second)]
    const expected = await app.database.query<{ id: string }>(
      `select h.id from hires h join vacancies v on v.id = h.vacancy_id
       where v.intermediary_organisation_id = '${staff.organisation.id}' and h.ended_on is null and h.not_started_on is null and h.import_key is null
       order by h.created_at desc, h.id desc`,
    )
    // Newest first, each once, every open one (the 27 new, b's, …), and not a's, which never started.
    expect(open).toEqual(expected.map((r) => r.id))
    expect(open.length).toBeGreaterThanOrEqual(28)
    expect(open).toContain(b.hireId)
    expect(open).not.toContain(a.hireId)
    expect(nextOf(second)).toBeUndefined()
    expect(second).toContain('href="/hires">Terug naar de nieuwste')

    const all = await (await browser.get('/hires?show=all')).text()
    const allSecond = await (await browser.get(nextOf(all)!)).text()
    expect(nextOf(all)).toContain('show=all')
    expect([...idsOn(all), ...idsOn(allSecond)]).toContain(a.hireId)

    const foreign = await browser.get('/hires?after=bm90LWEtY3Vyc29y')
    expect(foreign.status).toBe(200)
    expect(idsOn(await foreign.text())).toEqual(idsOn(first))
    await app.database.query(`update hires set not_started_on = null, not_started_reason = null where id = '${a.hireId}'`)
  })
})

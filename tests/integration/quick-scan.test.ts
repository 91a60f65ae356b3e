import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../app/modules/authorisation/actor'
import { dispatchDueEmails, FORGOTTEN_RECIPIENT } from '../../app/modules/email/dispatcher.server'
import { createEmailTransport } from '../../app/modules/email/transport.server'
import { listPolicyRules } from '../../app/modules/policy/policy.server'
import { risksOfVacancy } from '../../app/modules/risks/risks.server'
import { employerFunnel } from '../../app/modules/scan/funnel.server'
import { employerFunnelFigures } from '../../app/modules/scan/funnel-figures'
import { createApiKey } from '../../app/modules/api-keys/api-keys.server'
import { translate } from '../../app/lib/i18n'
import { evaluateScan } from '../../app/modules/scan/scan'
import { asVacancyFields, type ScanAnswers } from '../../app/modules/scan/scan.schema'
import { createVacancy, getVacancy } from '../../app/modules/vacancies/vacancies.server'
import { todayInAmsterdam } from '../../app/lib/dates'
import { countRows } from '../support/db'
import { createEmployer, createStaff, TEST_PASSWORD } from '../support/factories'
import { startTestApp, type TestApp } from '../support/app'

let app: TestApp
let locations: { id: string }[]
let staff: Awaited<ReturnType<typeof createStaff>>
beforeAll(async () => {
  app = await startTestApp()
  staff = await createStaff(app.database.db)
  locations = await app.database.query<{ id: string }>('select id from reception_locations order by name')
})
afterAll(() => app.close())

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

/** The scan form as a browser without JavaScript posts it. */
function scanForm(answers: { hoursMin: string; hoursMax: string; shifts?: string[]; travel?: number[]; englishLevel?: string; startDate?: string; contractMonths?: string; title?: string }) {
  const body = new URLSearchParams({ title: answers.title ?? '', hoursMin: answers.hoursMin, hoursMax: answers.hoursMax, contractMonths: answers.contractMonths ?? '', englishLevel: answers.englishLevel ?? '', startDate: answers.startDate ?? '' })
  for (const shift of answers.shifts ?? []) body.append('shifts', shift)
  ;(answers.travel ?? []).forEach((minutes, i) => body.append(`travel-${locations[i]!.id}`, String(minutes)))
  return body
}

describe('the quick scan gives the same risks as a vacancy with the same answers', () => {
  const table: [string, Omit<ScanAnswers, 'travelTimes'> & { travel: number[] }][] = [
    ['a 16-hour weekend job', { title: 'Schoonmaker', hoursMin: 16, hoursMax: 16, contractMonths: 6, shifts: ['weekend'], travel: [45, 30], englishLevel: 'a_little', startDate: null }],
    ['full time, English needed, starting soon', { title: null, hoursMin: 38, hoursMax: 40, contractMonths: 12, shifts: ['day', 'evening'], travel: [20], englishLevel: 'good', startDate: inDays(10) }],
    ['24–32 hours, no commute entered', { title: 'Orderpicker', hoursMin: 24, hoursMax: 32, contractMonths: null, shifts: [], travel: [], englishLevel: null, startDate: inDays(120) }],
    ['8 hours, night, long commute', { title: 'Vakkenvuller', hoursMin: 8, hoursMax: 12, contractMonths: 3, shifts: ['night'], travel: [90, 75], englishLevel: 'none', startDate: null }],
  ]
  it.each(table)('%s', async (_name, { travel, ...rest }) => {
    const answers: ScanAnswers = { ...rest, travelTimes: travel.map((minutes, i) => ({ receptionLocationId: locations[i]!.id, minutes })) }
    const today = todayInAmsterdam()
    const rules = await listPolicyRules(app.database.db)
    const scanned = evaluateScan(answers, rules, today, 'nl').risks
    // The same answers as a vacancy, stored and read back the way the portal and the API do.
    const employer = await createEmployer(app.database.db)
    const owner: Actor = { userId: employer.owner.id, organisationId: employer.organisation.id, role: 'employer_owner' }
    const id = await createVacancy(app.database.db, owner, { fields: asVacancyFields({ ...answers, title: answers.title ?? 'Vacature' }), intermediaryOrganisationId: undefined })
    const vacancy = await getVacancy(app.database.db, owner, id)
    const stored = (await risksOfVacancy(app.database.db, owner, vacancy!, 'nl', today)).risks
    expect(scanned.map((r) => [r.code, r.severity, r.params])).toEqual(stored.map((r) => [r.code, r.severity, r.params]))
    expect(scanned.length).toBeGreaterThan(0)
  })
})

describe('the quick scan in the portal', () => {
  it('shows a 16-hour weekend job its linkage risk with the mitigation, what it did not ask as unknown, and ships no script', async () => {
    const browser = app.browser()
    const [{ started: before = 0 } = { started: 0 }] = await app.database.query<{ started: number }>(`select started from scan_counts where day = '${todayInAmsterdam()}'`)
    // Counted for people's browsers; robots (and a bare HTTP client) are not employers.
    await browser.get('/scan')
    const form = await browser.get('/scan', { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36' })
    expect(form.status).toBe(200)
    const formHtml = await form.text()
    expect(formHtml).not.toContain('<script')
    const [{ started }] = (await app.database.query<{ started: number }>(`select started from scan_counts where day = '${todayInAmsterdam()}'`)) as [{ started: number }]
    expect(started).toBe(before + 1)

    const posted = await browser.postForm('/scan', scanForm({ hoursMin: '16', hoursMax: '16', shifts: ['weekend'], travel: [40], title: 'Schoonmaker' }))
    expect(posted.status).toBe(302)
    const location = posted.headers.get('location')!
    expect(location).toMatch(/^\/scan\/[0-9a-f-]{36}$/)
    const html = (await (await browser.get(location)).text()).replace(/<!-- -->/g, '')
    expect(html).not.toContain('<script')
    expect(html).toContain('data-risk="municipal-linkage-24h"')
    const rules = await listPolicyRules(app.database.db)
    const linkage = rules.find((r) => r.key === 'risk.municipal-linkage-24h')! as { data: { mitigationNl: string } }
    expect(html).toContain(linkage.data.mitigationNl.replace(/'/g, '&#x27;').replace(/"/g, '&quot;').slice(0, 60))
    expect(html).toContain('data-testid="scan-not-asked"')
    expect(html).toMatch(/Asielzoeker[^<]*:<\/strong> rond/)
    // Who may do the job, each line with its sources: UWV for the TWV, COA for the BSN.
    const who = /data-testid="scan-who">([\s\S]*?)<\/ul><h2/.exec(html)?.[1] ?? ''
    expect(who).toContain('href="https://www.uwv.nl/werkgevers/werkvergunning/speciale-voorwaarden-per-categorie/detail/asielzoeker"')
    expect(who).toContain('href="https://coa.nl/nl/asielopvang/vertrek-uit-de-opvang/basisregistratie-personen"')
    // Only the job's answers are kept: no address, no name, nothing about the visitor.
    const [row] = await app.database.query<{ answers: Record<string, unknown> }>(`select answers from quick_scans where id = '${location.split('/').pop()}'`)
    expect(Object.keys(row!.answers).sort()).toEqual(['contractMonths', 'englishLevel', 'hoursMax', 'hoursMin', 'shifts', 'startDate', 'title', 'travelTimes'])
  })

  it('refuses impossible hours beside the field and keeps nothing', async () => {
    const before = await countRows(app.database, ['quick_scans'])
    const response = await app.browser().postForm('/scan', scanForm({ hoursMin: '60', hoursMax: '16' }))
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain('id="field-hoursMin-error"')
    expect(html).toContain('value="60"')
    expect(await countRows(app.database, ['quick_scans'])).toEqual(before)
  })

  it('mails the result to the address given and forgets the address once sent', async () => {
    const browser = app.browser()
    const location = (await browser.postForm('/scan', scanForm({ hoursMin: '24', hoursMax: '32', travel: [25] }))).headers.get('location')!
    expect((await browser.post(location, { email: 'niet-een-adres' })).status).toBe(400)
    const mailed = await browser.post(location, { email: 'hr@voorbeeld.example' })
    expect(mailed.status).toBe(302)
    const [queued] = await app.database.query<{ id: number; to_address: string; forget_recipient: boolean }>(`select id, to_address, forget_recipient from email_outbox where template = 'quick-scan' order by id desc limit 1`)
    expect(queued).toMatchObject({ to_address: 'hr@voorbeeld.example', forget_recipient: true })
    await dispatchDueEmails(app.database.db, createEmailTransport({ from: 'Werkbrug <no-reply@werkbrug.example>' }), { log: () => {} })
    const [sent] = await app.database.query<{ to_address: string; status: string; text: string }>(`select to_address, status, text from email_outbox where id = ${queued!.id}`)
    expect(sent).toMatchObject({ to_address: FORGOTTEN_RECIPIENT, status: 'sent' })
    expect(sent!.text).toContain(location)
  })

  it('registers from the scan with the chosen intermediary, and the confirmed employer lands on its pre-filled draft', async () => {
    const [intermediary] = await app.database.query<{ id: string }>(`select id from organisations where kind = 'intermediary' order by created_at limit 1`)
    const browser = app.browser()
    const location = (await browser.postForm('/scan', scanForm({ hoursMin: '16', hoursMax: '20', shifts: ['weekend'], travel: [35, 50], englishLevel: 'a_little', contractMonths: '6', title: 'Schoonmaker weekend' }))).headers.get('location')!
    const scanId = location.split('/').pop()!
    const page = await (await browser.get(`/register?scan=${scanId}&intermediary=${intermediary!.id}`)).text()
    expect(page).toContain(`name="scanId" value="${scanId}"`)
    const email = `scan-${Date.now()}@voorbeeld.example`
    const registered = await browser.post('/register', { organisationName: 'Schoon & Co', kvkNumber: String(Date.now()).slice(-8), contactName: 'Fatima', email, password: 'een lang genoeg wachtwoord', intermediaryOrganisationId: intermediary!.id, scanId })
    expect(registered.status).toBe(200)
    const [scan] = await app.database.query<{ vacancy_id: string; intermediary_organisation_id: string }>(`select vacancy_id, intermediary_organisation_id from quick_scans where id = '${scanId}'`)
    expect(scan!.intermediary_organisation_id).toBe(intermediary!.id)
    const [vacancy] = await app.database.query<{ title: string; hours_min: number; hours_max: number; shifts: string[]; contract_months: number; english_level: string; status: string; intermediary_organisation_id: string }>(
      `select title, hours_min, hours_max, shifts, contract_months, english_level, status, intermediary_organisation_id from vacancies where id = '${scan!.vacancy_id}'`,
    )
    expect(vacancy).toMatchObject({ title: 'Schoonmaker weekend', hours_min: 16, hours_max: 20, shifts: ['weekend'], contract_months: 6, english_level: 'a_little', status: 'draft', intermediary_organisation_id: intermediary!.id })
    const [{ n }] = (await app.database.query<{ n: number }>(`select count(*)::int as n from vacancy_travel_times where vacancy_id = '${scan!.vacancy_id}'`)) as [{ n: number }]
    expect(n).toBe(2)
    const [link] = await app.database.query<{ secret_links: string[] }>(`select secret_links from email_outbox where to_address = '${email}' and template = 'email-confirmation'`)
    const url = new URL(link!.secret_links[0]!)
    const confirmed = await browser.post(url.pathname + url.search, { token: url.searchParams.get('token')! })
    expect(confirmed.headers.get('location')).toBe(`/vacancies/${scan!.vacancy_id}/edit`)
    const form = await (await browser.get(`/vacancies/${scan!.vacancy_id}/edit`)).text()
    expect(form).toContain('value="Schoonmaker weekend"')
    // A scan carries into one registration only.
    expect(await (await app.browser().get(`/register?scan=${scanId}`)).text()).not.toContain('name="scanId"')

    // The intermediary's funnel counts it: a registration from a scan, with a draft (not yet a submitted vacancy).
    const today = todayInAmsterdam()
    const funnel = await employerFunnel(app.database.db, { userId: null, organisationId: intermediary!.id, role: 'intermediary' }, { from: today, to: today })
    const [counts] = await app.database.query<{ started: number; completed: number }>(`select started, completed from scan_counts where day = '${today}'`)
    expect(funnel).toEqual({ scansStarted: counts!.started, scansCompleted: counts!.completed, registered: 1, withSubmittedVacancy: 0, withSpeeddate: 0, withHire: 0 })
    expect(funnel.scansCompleted).toBeGreaterThanOrEqual(3)

    // The same rows reach the intermediary's own systems and its CSV (counts under five hidden there).
    expect(staff.organisation.id).toBe(intermediary!.id)
    const { key } = await createApiKey(app.database.db, { userId: staff.owner.id, organisationId: intermediary!.id, role: 'intermediary_owner' }, 'Rapportage')
    const api = await fetch(new URL(`/api/v1/reports/funnel?from=${today}&to=${today}`, app.url), { headers: { authorization: `Bearer ${key}` } })
    expect(api.status).toBe(200)
    expect(((await api.json()) as { quickScans: unknown }).quickScans).toEqual(funnel)
    const consultant = app.browser()
    await consultant.logIn(staff.intermediary.email, TEST_PASSWORD)
    const csv = await (await consultant.get(`/reports/funnel.csv?from=${today}&to=${today}`)).text()
    const rows = new Map((parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][]).map((cells) => [cells[0], cells[1]]))
    const shown = (n: number) => (n >= 1 && n <= 4 ? '< 5' : String(n))
    for (const figure of employerFunnelFigures(funnel)) expect(rows.get(translate('nl', figure.key)), figure.key).toBe(shown(figure.count))
    expect(rows.get(translate('nl', 'report.fromScan'))).toBe('< 5')
  })

  it('lists the public pages in a sitemap', async () => {
    const response = await fetch(new URL('/sitemap.xml', app.url))
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8')
    const xml = await response.text()
    for (const path of ['/', '/scan', '/register']) expect(xml).toContain(`<loc>${new URL(path, app.url).toString()}</loc>`)
  })
})

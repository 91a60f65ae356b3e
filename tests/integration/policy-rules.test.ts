import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderQueuedEmails } from '../support/outbox'
import { ruleToFormValues } from '../../app/modules/policy/policy-form'
import { listPolicyRules, syncPolicyDefaults } from '../../app/modules/policy/policy.server'
import { apiClient, fieldCodes } from '../support/api'
import { countRows } from '../support/db'
import { createCandidate } from '../../app/modules/speeddates/seats.server'
import { createHire } from '../../app/modules/twv/hires.server'
import { createEmployerWithApiKey, createPublishedVacancy, createStaff, TEST_PASSWORD, validVacancyBody } from '../support/factories'
import { startTestApp, type TestApp } from '../support/app'

let app: TestApp
let staff: Awaited<ReturnType<typeof createStaff>>

beforeAll(async () => {
  app = await startTestApp()
  staff = await createStaff(app.database.db)
})
afterAll(() => app.close())

async function loggedIn(email: string) {
  const browser = app.browser()
  await browser.logIn(email, TEST_PASSWORD)
  return browser
}

type ApiRule = {
  key: string
  kind: string
  title: string
  body: string
  status: string
  effectiveFrom: string | null
  reviewedOn: string
  reviewBy: string
  sources: { kind: string; title: string; url: string | null; section: string | null; readOn: string | null; verified: boolean }[]
}

async function formOf(key: string): Promise<Record<string, string>> {
  const rule = (await listPolicyRules(app.database.db)).find((r) => r.key === key)!
  return { key, ...ruleToFormValues(rule) }
}

describe('GET /api/v1/policy-rules (public)', () => {
  it('serves every rule without a key, each with an https source or one marked unverified, effective-from, review dates and a status', async () => {
    const response = await apiClient(app.url, null).get('/api/v1/policy-rules?lang=en')
    expect(response.status).toBe(200)
    expect(response.headers.get('ratelimit-limit')).not.toBeNull()
    const rules = response.json.data as ApiRule[]
    expect(rules.length).toBeGreaterThan(30)
    for (const rule of rules) {
      expect(rule.sources.length, rule.key).toBeGreaterThan(0)
      for (const source of rule.sources) {
        const checkable = source.url?.startsWith('https://') || (source.kind === 'report' && Boolean(source.section))
        expect(checkable || !source.verified, `${rule.key}: ${source.title}`).toBe(true)
      }
      expect(rule.effectiveFrom, rule.key).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(rule.reviewedOn, rule.key).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(['in_force', 'announced', 'struck_down']).toContain(rule.status)
      expect(`${rule.title} ${rule.body}`).not.toMatch(/[{}]/)
    }
    expect(rules.find((r) => r.key === 'risk.24-week-rule')).toMatchObject({ status: 'struck_down', title: 'The 24-week rule no longer applies' })
  })

  it('answers in the requested language and serves one rule by key', async () => {
    const api = apiClient(app.url, null)
    const nl = await api.get('/api/v1/policy-rules/risk.municipal-linkage-24h?lang=nl')
    expect(nl.status).toBe(200)
    expect(nl.json).toMatchObject({ key: 'risk.municipal-linkage-24h', kind: 'risk', mitigation: expect.stringContaining('24 uur per week'), data: { hoursThreshold: 24, severity: 'high' } })
    expect((nl.json as unknown as ApiRule).sources.map((s) => s.section)).toContain('§4.6')
    const en = await api.get('/api/v1/policy-rules/risk.municipal-linkage-24h', { 'accept-language': 'en' })
    expect(en.json.title).toMatch(/^Under 24 hours a week/)
  })

  it('answers an unknown key with a 404 and a bad language with a 400, both problem+json', async () => {
    const unknown = await fetch(new URL('/api/v1/policy-rules/risk.nope', app.url))
    expect(unknown.status).toBe(404)
    expect(unknown.headers.get('content-type')).toContain('application/problem+json')
    const bad = await apiClient(app.url, null).get('/api/v1/policy-rules?lang=fr')
    expect(bad.status).toBe(400)
    expect(fieldCodes(bad.json)).toEqual({ lang: 'invalidChoice' })
    expect((await apiClient(app.url, null).get('/api/v1/policy-rules?colour=blue')).status).toBe(400)
  })
})

describe('the rule pages', () => {
  it('show the linkage rule without a placeholder, with its sources as links and when it last changed', async () => {
    const employer = await createEmployerWithApiKey(app.database.db)
    for (const locale of ['nl', 'en'] as const) {
      const browser = await loggedIn(employer.owner.email)
      await browser.post('/language', { locale, redirectTo: '/' })
      const html = await (await browser.get('/risks/municipal-linkage-24h')).text()
      // What a reader sees (the hydration data may carry the rule's templates, the page may not).
      expect(html.replace(/<script[\s\S]*?<\/script>/g, '')).not.toMatch(/\{\w+\}/)
      expect(html).toContain('href="https://www.coa.nl/nl/huisvesting-van-statushouders"')
      expect(html).toContain('§4.6')
      expect(html).toContain(locale === 'nl' ? 'niet geverifieerd' : 'unverified')
      expect(html).toContain(locale === 'nl' ? 'Laatst gewijzigd' : 'Last changed')
    }
  })

  it('list for the admin what is due for review: the announced 3-month rule past its date and the missing July wage amounts', async () => {
    const admin = await loggedIn(staff.admin.email)
    const html = await (await admin.get('/admin/policy')).text()
    expect(html).toMatch(/data-rule="condition.application_period_pact" data-reason="announced_start_passed"/)
    expect(html).toMatch(/data-rule="minimum_wage" data-reason="minimum_wage_due"/)
    // Kinds by name, not by code.
    expect(html).toContain('Voorwaarden voor een TWV')
    expect(html).not.toMatch(/ — condition — /)
  })
})

describe('an admin edit of a rule', () => {
  it.each(['risk.municipal-linkage-24h', 'minimum_wage', 'lead.twv', 'step.bsn_registration', 'condition.application_period_pact'])(
    'changes nothing when %s is saved unchanged',
    async (key) => {
      const admin = await loggedIn(staff.admin.email)
      const before = await app.database.query(`select * from policy_rules where key = '${key}'`)
      const counts = await countRows(app.database, ['policy_rule_changes', 'policy_notices', 'audit_log', 'email_outbox'])
      expect((await admin.post('/admin/policy', await formOf(key))).status).toBe(302)
      expect(await app.database.query(`select * from policy_rules where key = '${key}'`)).toEqual(before)
      expect(await countRows(app.database, ['policy_rule_changes', 'policy_notices', 'audit_log', 'email_outbox'])).toEqual(counts)
    },
  )

  it('tells the employers whose open vacancies it changes, on the page and by email in their language', async () => {
    const employer = await createEmployerWithApiKey(app.database.db)
    await app.database.query(`update users set locale = 'en' where id = '${employer.member.id}'`)
    const api = apiClient(app.url, employer.apiKey)
    const created = await api.post('/api/v1/vacancies', await validVacancyBody(app.database.db, { title: 'Heftruckchauffeur', hoursMin: 28, hoursMax: 32, candidateStatus: 'status_holders_only' }))
    expect(created.status).toBe(201)
    const vacancyId = (created.json as { id: string }).id
    const codes = async () => ((await api.get(`/api/v1/vacancies/${vacancyId}/risks`)).json.data as { code: string }[]).map((r) => r.code)
    expect(await codes()).not.toContain('municipal-linkage-24h')

    const admin = await loggedIn(staff.admin.email)
    const form = await formOf('risk.municipal-linkage-24h')
    const data = JSON.parse(form.data!) as Record<string, unknown>
    const saved = await admin.post('/admin/policy', { ...form, data: JSON.stringify({ ...data, hoursThreshold: 32 }) })
    expect(saved.status).toBe(302)
    expect(saved.headers.get('location')).toMatch(/noticed=[1-9]/)

    expect(await codes()).toContain('municipal-linkage-24h')
    const owner = await loggedIn(employer.owner.email)
    const page = await (await owner.get(`/vacancies/${vacancyId}`)).text()
    expect(page).toContain('data-testid="policy-notices"')
    expect(page).toContain('dit risico geldt nu ook hier')
    await renderQueuedEmails(app.database)
    const mails = await app.database.query<{ to_address: string; subject: string; text: string }>(`select to_address, subject, text from email_outbox where template = 'policy-change'`)
    expect(mails.find((m) => m.to_address === employer.owner.email)?.subject).toMatch(/^Regel gewijzigd: Minder dan 24 uur/)
    expect(mails.find((m) => m.to_address === employer.member.email)?.subject).toMatch(/^Rule changed: Under 24 hours/)
    expect(mails.find((m) => m.to_address === employer.member.email)?.text).toContain(`/vacancies/${vacancyId}`)
    // Nobody else's vacancy, nobody else's inbox.
    expect(mails.every((m) => [employer.owner.email, employer.member.email].includes(m.to_address) || !m.text.includes(vacancyId))).toBe(true)

    // Back as it was: the risk goes, and the page says so.
    expect((await admin.post('/admin/policy', { ...form })).status).toBe(302)
    expect(await codes()).not.toContain('municipal-linkage-24h')
    expect(await (await owner.get(`/vacancies/${vacancyId}`)).text()).toContain('dit risico geldt hier niet meer')
  })
})

describe('a changed step', () => {
  it('shows on the pages of open matches on that path and reaches their employer', async () => {
    const employer = await createEmployerWithApiKey(app.database.db)
    const consultant = { userId: staff.intermediary.id, organisationId: staff.organisation.id, role: 'intermediary' as const }
    const vacancyId = await createPublishedVacancy(app.database.db, employer.organisation.id, 'Magazijnmedewerker')
    const candidateId = await createCandidate(app.database.db, consultant, { referenceCode: 'POL-1', firstName: 'Amal', languages: 'Engels', experience: '' })
    const hireId = await createHire(app.database.db, consultant, { vacancyId, candidateId, residenceStatus: 'asylum_seeker' })
    const admin = await loggedIn(staff.admin.email)
    const form = await formOf('step.twv_application')
    expect((await admin.post('/admin/policy', { ...form, bodyEn: `${form.bodyEn} Keep a copy of what you sent.` })).status).toBe(302)
    const owner = await loggedIn(employer.owner.email)
    const page = await (await owner.get(`/hires/${hireId}`)).text()
    expect(page).toContain('data-testid="policy-notices"')
    expect(page).toContain('de uitleg of de stappen zijn aangepast')
    await renderQueuedEmails(app.database)
    const [mail] = await app.database.query<{ text: string }>(`select text from email_outbox where template = 'policy-change' and to_address = '${employer.owner.email}'`)
    expect(mail!.text).toContain(`/hires/${hireId}`)
  })
})

describe('the minimum wage', () => {
  it('refuses a wage under the last known minimum for a start after a missing indexation, and says which period it used', async () => {
    const employer = await createEmployerWithApiKey(app.database.db)
    const api = apiClient(app.url, employer.apiKey)
    const before = await countRows(app.database, ['vacancies'])
    const refused = await api.post('/api/v1/vacancies', await validVacancyBody(app.database.db, { startDate: '2027-02-01', hourlyWageCents: 1450 }), { 'accept-language': 'en' })
    expect(refused.status).toBe(400)
    expect(fieldCodes(refused.json)).toEqual({ hourlyWageCents: 'wageBelowMinimumStale' })
    const message = refused.json.errors!.find((e) => e.field === 'hourlyWageCents')!.message
    expect(message).toContain('since Thu, 1 Jan 2026')
    expect(message).toContain('from Wed, 1 Jul 2026 have not been entered')
    expect(await countRows(app.database, ['vacancies'])).toEqual(before)
    expect((await api.post('/api/v1/vacancies', await validVacancyBody(app.database.db, { startDate: '2027-02-01', hourlyWageCents: 1480 }))).status).toBe(201)
  })
})

describe('corrected defaults', () => {
  it('replace a rule nobody edited and leave an admin’s edit alone', async () => {
    await app.database.query(`update policy_rules set title_en = 'Outdated', revision = 0, edited_at = null where key = 'risk.bsn-wait'`)
    await app.database.query(`update policy_rules set title_en = 'Edited by an admin', revision = 0, edited_at = now() where key = 'risk.azc-relocation'`)
    const updated = await syncPolicyDefaults(app.database.db)
    expect(updated).toEqual(['risk.bsn-wait'])
    const rows = await app.database.query<{ key: string; title_en: string }>(`select key, title_en from policy_rules where key in ('risk.bsn-wait', 'risk.azc-relocation') order by key`)
    expect(rows).toEqual([
      { key: 'risk.azc-relocation', title_en: 'Edited by an admin' },
      { key: 'risk.bsn-wait', title_en: 'Waiting for a BSN' },
    ])
    expect(await syncPolicyDefaults(app.database.db)).toEqual([])
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, demoLogins } from '../../db/seed'
import type { TestApp } from '../support/app'
import { startDemoApp } from '../support/demo'

// The query budget: no portal page runs more than 15 SQL statements per request on the demo data
// — a number that does not depend on the machine. The server reports its count per answer
// (Server-Timing, outside production); this test visits every page each demo person can open.

const BUDGET = 15
let app: TestApp

beforeAll(async () => {
  app = await startDemoApp()
}, 120_000)
afterAll(() => app.close())

const lists = ['/', '/dashboard', '/vacancies', '/vacancies/new', '/speeddates', '/speeddates/new', '/speeddates/week', '/hires', '/risks', '/payments', '/team', '/settings/security', '/settings/notifications', '/search?q=orderpicker', '/settings/api-keys', '/admin/policy', '/admin/fees', '/admin/staff', '/admin/locations', '/mailbox', '/api-docs', '/reports', '/candidates', '/candidates/new']

async function detailPages(email: string): Promise<string[]> {
  const [user] = await app.database.query<{ organisation_id: string }>(`select organisation_id from users where email = '${email}'`)
  const org = user!.organisation_id
  const ids = async (sql: string) => (await app.database.query<{ id: string }>(sql)).map((r) => r.id)
  const vacancies = await ids(`select id from vacancies where organisation_id = '${org}' or intermediary_organisation_id = '${org}' order by created_at limit 3`)
  const hires = await ids(`select h.id from hires h join vacancies v on v.id = h.vacancy_id where h.organisation_id = '${org}' or v.intermediary_organisation_id = '${org}' limit 2`)
  const slots = await ids(`select id from speeddate_slots where intermediary_organisation_id = '${org}' limit 2`)
  const payments = await ids(`select id from payments where payer_organisation_id = '${org}' or intermediary_organisation_id = '${org}' limit 2`)
  const candidates = await ids(`select id from candidates where intermediary_organisation_id = '${org}' order by reference_code limit 1`)
  // A placement with aftercare on its page (the demo's history has many).
  const placed = await ids(`select h.id from hires h join vacancies v on v.id = h.vacancy_id where v.intermediary_organisation_id = '${org}' and h.first_working_day is not null limit 1`)
  return [
    ...vacancies.flatMap((id) => [`/vacancies/${id}`, `/vacancies/${id}/edit`, `/vacancies/${id}/arrangements`]),
    ...hires.flatMap((id) => [`/hires/${id}`, `/hires/${id}/checklist`]),
    ...placed.map((id) => `/hires/${id}`),
    ...candidates.map((id) => `/candidates/${id}`),
    ...slots.map((id) => `/speeddates/${id}`),
    ...payments.map((id) => `/payments/${id}`),
    '/risks/municipal-linkage-24h',
  ]
}

describe('the query budget', () => {
  it(`keeps every page a demo person opens within ${BUDGET} SQL statements`, async () => {
    const table: { who: string; page: string; queries: number }[] = []
    for (const login of demoLogins) {
      const browser = app.browser()
      await browser.logIn(login.email, DEMO_PASSWORD)
      for (const page of [...lists, ...(await detailPages(login.email))]) {
        const response = await browser.get(page)
        if (response.status !== 200) continue
        const timing = response.headers.get('server-timing') ?? ''
        const queries = Number(/db;desc="(\d+) queries"/.exec(timing)?.[1] ?? NaN)
        table.push({ who: login.email, page: page.replace(/[0-9a-f-]{36}/g, ':id'), queries })
      }
    }
    table.sort((a, b) => b.queries - a.queries)
    console.log(['SQL statements per page (demo data):', ...table.slice(0, 25).map((r) => `  ${String(r.queries).padStart(3)}  ${r.page}  (${r.who})`)].join('\n'))
    expect(table.length).toBeGreaterThan(60)
    expect(table.every((r) => Number.isFinite(r.queries))).toBe(true)
    expect(table.filter((r) => r.queries > BUDGET)).toEqual([])
  }, 120_000)
})

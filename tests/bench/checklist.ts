// The TWV checklist: PDF through the API and the printable HTML view through the portal, one
// request at a time, on the benchmark's running app. Target: PDF median under 300 ms.
import type postgres from 'postgres'
import { hashPassword } from '../../app/lib/passwords.server'
import { createApiKey } from '../../app/modules/api-keys/api-keys.server'
import type { DatabaseHandle } from '../../db/client.server'

const RUNS = 40

export async function benchChecklist(options: { handle: DatabaseHandle; sql: postgres.Sql; appUrl: string }) {
  const { sql, handle, appUrl } = options
  const [org] = await sql<{ id: string }[]>`insert into organisations (kind, name, kvk_number) values ('employer', 'Checklist BV', '30000001') returning id`
  const [intermediary] = await sql<{ id: string }[]>`insert into organisations (kind, name) values ('intermediary', 'Checklist bemiddeling') returning id`
  const password = 'checklist bench password'
  await sql`insert into users (organisation_id, email, name, password_hash, role) values (${org!.id}, 'hr@checklist.example', 'HR', ${await hashPassword(password)}, 'employer_owner')`
  await sql`insert into employer_intermediaries (employer_organisation_id, intermediary_organisation_id) values (${org!.id}, ${intermediary!.id})`
  const [vacancy] = await sql<{ id: string }[]>`insert into vacancies (organisation_id, intermediary_organisation_id, title, status) values (${org!.id}, ${intermediary!.id}, 'Orderpicker', 'published') returning id`
  const [candidate] = await sql<{ id: string }[]>`insert into candidates (intermediary_organisation_id, reference_code, first_name, languages) values (${intermediary!.id}, 'BENCH-1', 'Samir', 'Engels') returning id`
  const [hire] = await sql<{ id: string }[]>`
    insert into hires (organisation_id, vacancy_id, candidate_id, residence_status, is_adult, asylum_application_date, w_document_valid_until, dublin_claimant, medical_residence_ground)
    values (${org!.id}, ${vacancy!.id}, ${candidate!.id}, 'asylum_seeker', true, '2026-01-01', '2099-01-01', false, false) returning id`
  const { key } = await createApiKey(handle.db, { userId: null, organisationId: org!.id, role: 'employer_owner' }, 'bench')

  const login = await fetch(`${appUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: appUrl, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: 'hr@checklist.example', password }),
  })
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')

  const time = async (url: string, headers: Record<string, string>, expectType: string) => {
    const durations: number[] = []
    for (let i = 0; i < RUNS + 5; i++) {
      const started = performance.now()
      const response = await fetch(url, { headers })
      const body = await response.arrayBuffer()
      if (response.status !== 200 || !response.headers.get('content-type')?.startsWith(expectType) || body.byteLength === 0) {
        throw new Error(`${url}: ${response.status} ${response.headers.get('content-type')}`)
      }
      if (i >= 5) durations.push(performance.now() - started)
    }
    durations.sort((a, b) => a - b)
    return { p50: durations[Math.floor(durations.length / 2)]!, p95: durations[Math.floor(durations.length * 0.95)]! }
  }
  const pdf = await time(`${appUrl}/api/v1/hires/${hire!.id}/twv-checklist.pdf`, { authorization: `Bearer ${key}` }, 'application/pdf')
  const html = await time(`${appUrl}/hires/${hire!.id}/checklist`, { cookie }, 'text/html')
  console.log(`\n${'TWV checklist, PDF (API)'.padEnd(45)} p50 ${pdf.p50.toFixed(1)} ms   p95 ${pdf.p95.toFixed(1)} ms`)
  console.log(`${'TWV checklist, printable HTML (portal)'.padEnd(45)} p50 ${html.p50.toFixed(1)} ms   p95 ${html.p95.toFixed(1)} ms`)
  return { pdf, html }
}

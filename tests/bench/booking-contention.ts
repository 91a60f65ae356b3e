// Many employers race for 50 speeddate slots through the real API, and through a bare
// node:http + postgres.js handler doing the same lock-check-insert. Overbookings must be 0.
import type postgres from 'postgres'
import { createApiKey } from '../../app/modules/api-keys/api-keys.server'
import type { DatabaseHandle } from '../../db/client.server'
import { runLoad, type LoadRequest } from './load'

const EMPLOYERS = 300
const SLOTS = 50

export async function benchBookingContention(options: {
  handle: DatabaseHandle
  sql: postgres.Sql
  appUrl: string
  baselineUrl: string
  load: { concurrency: number; requests: number; warmup: number }
}) {
  const { sql, handle } = options
  console.log(`\nSeeding ${EMPLOYERS} employers racing for ${SLOTS} slots…`)
  const [intermediary] = await sql<{ id: string }[]>`insert into organisations (kind, name) values ('intermediary', 'Bench bemiddeling') returning id`
  const [consultant] = await sql<{ id: string }[]>`
    insert into users (organisation_id, email, name, password_hash, role)
    values (${intermediary!.id}, 'bench-consultant@werkbrug.example', 'Bench', 'x', 'intermediary') returning id`
  const employers = await sql<{ id: string; vacancy: string }[]>`
    with orgs as (
      insert into organisations (kind, name, kvk_number)
      select 'employer', 'Race werkgever ' || g, (20000000 + g)::text from generate_series(1, ${EMPLOYERS}::int) g
      returning id),
    links as (insert into employer_intermediaries (employer_organisation_id, intermediary_organisation_id) select id, ${intermediary!.id} from orgs)
    insert into vacancies (organisation_id, intermediary_organisation_id, title, status)
    select id, ${intermediary!.id}, 'Race vacature', 'published' from orgs
    returning organisation_id as id, id as vacancy`
  const keys: { key: string; vacancy: string; organisationId: string }[] = []
  for (const employer of employers) {
    const { key } = await createApiKey(handle.db, { userId: null, organisationId: employer.id, role: 'employer_owner' }, 'race')
    keys.push({ key, vacancy: employer.vacancy, organisationId: employer.id })
  }
  const slots = await sql<{ id: string }[]>`
    insert into speeddate_slots (intermediary_organisation_id, consultant_user_id, starts_at, ends_at, place_kind, place_address, seats)
    select ${intermediary!.id}, ${consultant!.id}, now() + make_interval(days => 10, hours => g), now() + make_interval(days => 10, hours => g, mins => 45),
           'employer_site', 'Racebaan ' || g, 8
    from generate_series(1, ${SLOTS}::int) g returning id`

  const pick = (i: number) => ({ employer: keys[(i * 7919) % keys.length]!, slot: slots[(i * 104729) % slots.length]!.id })
  type Result = Awaited<ReturnType<typeof runLoad>> & { overbooked: number; held: number }
  // Three rounds, app and baseline taking turns (as the list's rounds do): one race is a couple of
  // seconds, and a slow moment of the machine would otherwise decide the ratio.
  const rounds: Record<'app' | 'baseline', Result>[] = []
  for (let round = 1; round <= 3; round++) {
    const results: Record<string, Result> = {}
    for (const target of ['app', 'baseline'] as const) {
      await sql`delete from speeddate_bookings`
      const result = await runLoad(
        (i): LoadRequest => {
          const { employer, slot } = pick(i)
          return target === 'app'
            ? {
                url: `${options.appUrl}/api/v1/speeddate-slots/${slot}/bookings`,
                method: 'POST',
                headers: { authorization: `Bearer ${employer.key}`, 'content-type': 'application/json' },
                body: JSON.stringify({ vacancyId: employer.vacancy }),
              }
            : {
                url: `${options.baselineUrl}/book?slot=${slot}&organisation=${employer.organisationId}&vacancy=${employer.vacancy}`,
                method: 'POST',
                headers: { authorization: `Bearer ${employer.key}` },
              }
        },
        {},
        { ...options.load, warmup: 0, okStatuses: [201, 409] },
      )
      if (result.errors > 0) throw new Error(`booking race (${target}): ${result.errors} unexpected answers, first: ${result.firstError}`)
      const [counts] = await sql<{ overbooked: number; held: number }[]>`
        select count(*) filter (where n > 1)::int as overbooked, count(*)::int as held
        from (select slot_id, count(*) as n from speeddate_bookings where status in ('requested', 'approved') group by slot_id) s`
      results[target] = { ...result, ...counts! }
      console.log(
        `${`booking race, ${target} (${round})`.padEnd(45)} ${result.rps.toFixed(0).padStart(6)} req/s   p50 ${result.p50.toFixed(2)} ms   p95 ${result.p95.toFixed(2)} ms   ` +
          `201: ${result.statuses[201] ?? 0}, 409: ${result.statuses[409] ?? 0}, slots held: ${counts!.held}/${SLOTS}, overbooked: ${counts!.overbooked}`,
      )
    }
    rounds.push(results as Record<'app' | 'baseline', Result>)
  }
  return rounds
}

// The intermediary's risk portfolio: 10 000 vacancies read and evaluated, against the bare read
// of the same rows as the baseline. Target: under 1 s.
import type postgres from 'postgres'
import type { DatabaseHandle } from '../../db/client.server'
import { riskPortfolio } from '../../app/modules/risks/risks.server'

export async function benchRiskPortfolio(options: { handle: DatabaseHandle; sql: postgres.Sql }) {
  const [org] = await options.sql<{ id: string }[]>`select id from organisations where name = 'Bench portefeuille'`
  const actor = { userId: null, organisationId: org!.id, role: 'intermediary' as const }
  const median = async (run: () => Promise<unknown>) => {
    const times: number[] = []
    for (let i = 0; i < 6; i++) {
      const started = performance.now()
      await run()
      if (i > 0) times.push(performance.now() - started)
    }
    return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!
  }
  let evaluated = 0
  const app = await median(async () => {
    evaluated = (await riskPortfolio(options.handle.db, actor, 'nl', undefined, 10_000)).length
  })
  // The same rows and columns the portfolio reads, without evaluating them.
  const baseline = await median(() => options.sql`
    select v.id, v.title, v.status, o.name, v.hours_min, v.hours_max, v.candidate_status, v.english_level, v.dutch_level,
           v.start_date, v.trial_placement_offered,
           exists (select 1 from vacancy_travel_times t where t.vacancy_id = v.id and t.minutes > 0) as has_commute,
           a.travel_mode, a.travel_payer, a.travel_amount_cents, a.travel_amount_unit, a.travel_paid, a.travel_paid_days_after,
           a.travel_distance_km, a.travel_fare_cents_per_day, a.coach_provider, a.coach_hours_per_week, a.coach_weeks,
           a.coach_contact, a.language_support, a.language_payer, a.trial_kind
    from vacancies v join organisations o on o.id = v.organisation_id
    left join arrangements a on a.vacancy_id = v.id and a.hire_id is null
    where v.intermediary_organisation_id = ${org!.id} and v.status not in ('closed', 'filled') limit 10000`)
  console.log(`\n${`risk portfolio, ${evaluated} vacancies`.padEnd(45)} median ${app.toFixed(0)} ms   (bare read of the rows: ${baseline.toFixed(0)} ms)`)
  return { app, baseline, evaluated }
}

import { sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import type { Actor } from '~/modules/authorisation'
import { assertCan } from '~/modules/authorisation'
import type { EmployerFunnel } from './funnel-figures'

export type { EmployerFunnel } from './funnel-figures'


/**
 * The employer side of the funnel, from counts and records only: scans started and completed (per
 * day, no cookies), registrations that came from a scan and chose this intermediary, and how many
 * of those organisations went on to submit a vacancy, have a speeddate approved, and hire. One read.
 */
export async function employerFunnel(db: Db, actor: Actor, period: { from: string; to: string }): Promise<EmployerFunnel> {
  assertCan(actor, 'pipeline:view')
  const result = await db.execute(sql`
    with registered as (
      select registered_organisation_id as org from quick_scans
      where intermediary_organisation_id = ${actor.organisationId} and registered_organisation_id is not null
        and (created_at at time zone 'Europe/Amsterdam')::date between ${period.from}::date and ${period.to}::date
    )
    select
      (select coalesce(sum(started), 0) from scan_counts where day between ${period.from}::date and ${period.to}::date)::int as scans_started,
      (select coalesce(sum(completed), 0) from scan_counts where day between ${period.from}::date and ${period.to}::date)::int as scans_completed,
      (select count(*) from registered)::int as registered,
      (select count(*) from registered r where exists (select 1 from vacancies v where v.organisation_id = r.org and v.status <> 'draft'))::int as with_submitted_vacancy,
      (select count(*) from registered r where exists (select 1 from speeddate_bookings b where b.organisation_id = r.org and b.status = 'approved'))::int as with_speeddate,
      (select count(*) from registered r where exists (select 1 from hires h where h.organisation_id = r.org))::int as with_hire`)
  const [row] = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, number>[]
  return {
    scansStarted: Number(row!.scans_started),
    scansCompleted: Number(row!.scans_completed),
    registered: Number(row!.registered),
    withSubmittedVacancy: Number(row!.with_submitted_vacancy),
    withSpeeddate: Number(row!.with_speeddate),
    withHire: Number(row!.with_hire),
  }
}

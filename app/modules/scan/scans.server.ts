import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { quickScans, scanCounts } from '#db/schema'
import { todayInAmsterdam } from '~/lib/dates'
import { translate, type Locale } from '~/lib/i18n'
import type { Actor } from '~/modules/authorisation'
import { createVacancy } from '~/modules/vacancies/index.server'
import { asVacancyFields, scanAnswersSchema, type ScanAnswers } from './scan.schema'

/** One more scan form opened today: a count, nothing about who. */
export async function countScanStarted(db: Db, day = todayInAmsterdam()) {
  await db
    .insert(scanCounts)
    .values({ day, started: 1 })
    .onConflictDoUpdate({ target: scanCounts.day, set: { started: sql`${scanCounts.started} + 1` } })
}

/** Keeps a completed scan's answers (and counts it), so its result has an address of its own. */
export async function saveScan(db: Db, answers: ScanAnswers, day = todayInAmsterdam()): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(quickScans).values({ answers }).returning({ id: quickScans.id })
    await tx
      .insert(scanCounts)
      .values({ day, completed: 1 })
      .onConflictDoUpdate({ target: scanCounts.day, set: { completed: sql`${scanCounts.completed} + 1` } })
    return row!.id
  })
}

/** A scan's answers, read back through the schema (rules may have changed since; the answers still are the answers). */
export async function getScan(db: Db, id: string): Promise<{ id: string; answers: ScanAnswers; registered: boolean } | null> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null
  const [row] = await db.select({ id: quickScans.id, answers: quickScans.answers, registeredOrganisationId: quickScans.registeredOrganisationId }).from(quickScans).where(eq(quickScans.id, id))
  if (!row) return null
  // A start date that has passed since is no reason to lose the scan: it is dropped, not refused.
  const parsed = scanAnswersSchema.safeParse(row.answers)
  const answers = parsed.success ? parsed.data : scanAnswersSchema.safeParse({ ...row.answers, startDate: null }).data
  if (!answers) return null
  return { id: row.id, answers, registered: row.registeredOrganisationId !== null }
}

type FeeLine = { amountCents: number; vatBasisPoints: number } | null
export type ServingIntermediary = { id: string; name: string; locations: { id: string; name: string; municipality: string }[]; bookingFee: FeeLine; placementFee: FeeLine }

/**
 * Every intermediary with the reception locations it serves and what it charges today. "Serves"
 * is read from its own records — speeddates it ran or plans there in the last year, and its
 * candidates living there — not typed in by anyone; a fee of 0 or none set is "no fee".
 */
export async function servingIntermediaries(db: Db, today = todayInAmsterdam()): Promise<ServingIntermediary[]> {
  const rows = await db.execute(sql`
    with served as (
      select intermediary_organisation_id as org, reception_location_id as location from speeddate_slots
        where reception_location_id is not null and starts_at > now() - interval '365 days'
      union
      select intermediary_organisation_id, reception_location_id from candidates where reception_location_id is not null
    ),
    current_fees as (
      select distinct on (intermediary_organisation_id, kind) intermediary_organisation_id as org, kind, amount_cents, vat_basis_points
      from fees where effective_from <= ${today}::date
      order by intermediary_organisation_id, kind, effective_from desc, created_at desc
    )
    select o.id, o.name,
      coalesce((select json_agg(json_build_object('id', l.id, 'name', l.name, 'municipality', l.municipality) order by l.name)
        from reception_locations l where l.id in (select location from served where served.org = o.id)), '[]'::json) as locations,
      (select json_build_object('amountCents', amount_cents, 'vatBasisPoints', vat_basis_points) from current_fees f where f.org = o.id and f.kind = 'speeddate_booking' and amount_cents > 0) as booking_fee,
      (select json_build_object('amountCents', amount_cents, 'vatBasisPoints', vat_basis_points) from current_fees f where f.org = o.id and f.kind = 'placement' and amount_cents > 0) as placement_fee
    from organisations o where o.kind = 'intermediary' order by o.name`)
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { id: string; name: string; locations: ServingIntermediary['locations'] | string; booking_fee: FeeLine | string; placement_fee: FeeLine | string }[]
  const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value)
  return list.map((r) => ({ id: r.id, name: r.name, locations: json(r.locations), bookingFee: json(r.booking_fee), placementFee: json(r.placement_fee) }))
}

/**
 * Registration from a scan: the answers become the new employer's draft vacancy (with the
 * intermediary it chose), and the scan remembers it led to a registration — once.
 */
export async function draftFromScan(tx: Db, scanId: string, actor: Actor, intermediaryOrganisationId: string, locale: Locale): Promise<string | null> {
  const scan = await getScan(tx, scanId)
  if (!scan || scan.registered) return null
  const fields = asVacancyFields({ ...scan.answers, title: scan.answers.title && scan.answers.title.length >= 3 ? scan.answers.title : translate(locale, 'scan.draftTitle') })
  const vacancyId = await createVacancy(tx, actor, { fields, intermediaryOrganisationId })
  const [claimed] = await tx
    .update(quickScans)
    .set({ registeredOrganisationId: actor.organisationId, intermediaryOrganisationId, vacancyId })
    .where(and(eq(quickScans.id, scanId), isNull(quickScans.registeredOrganisationId)))
    .returning({ id: quickScans.id })
  // Two registrations from one scan at once: the second keeps its account, not the scan's draft.
  if (!claimed) throw new Error('scan already used')
  return vacancyId
}

/** Where a newly confirmed employer from a scan goes first: its draft vacancy's form. */
export async function draftOfOrganisation(db: Db, organisationId: string): Promise<string | null> {
  const [row] = await db.select({ vacancyId: quickScans.vacancyId }).from(quickScans).where(eq(quickScans.registeredOrganisationId, organisationId)).limit(1)
  return row?.vacancyId ?? null
}

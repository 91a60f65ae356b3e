import { and, asc, desc, eq, gte, ilike, inArray, lte, sql, type SQL } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { prepared, slot } from '#db/prepared.server'
import { organisations, receptionLocations, users, vacancies, vacancyEvents, vacancyTravelTimes } from '#db/schema'
import type { Actor } from '~/modules/authorisation'
import { scopeOf } from '~/modules/authorisation/index.server'
import type { VacancyFields, VacancyListFilters } from './vacancies.schema'

// Travel times come along in the same query, as JSON, so a list page is one round trip.
const travelTimesJson = sql<{ receptionLocationId: string; minutes: number }[]>`coalesce((
  select json_agg(json_build_object('receptionLocationId', t.reception_location_id, 'minutes', t.minutes) order by t.reception_location_id)
  from ${vacancyTravelTimes} t where t.vacancy_id = ${vacancies.id}
), '[]'::json)`

export const vacancyColumns = {
  id: vacancies.id,
  organisationId: vacancies.organisationId,
  organisationName: sql<string>`(select o.name from ${organisations} o where o.id = ${vacancies.organisationId})`,
  intermediaryOrganisationId: vacancies.intermediaryOrganisationId,
  intermediaryName: sql<string>`(select o.name from ${organisations} o where o.id = ${vacancies.intermediaryOrganisationId})`,
  status: vacancies.status,
  title: vacancies.title,
  sector: vacancies.sector,
  tasks: vacancies.tasks,
  address: vacancies.address,
  postcode: vacancies.postcode,
  municipality: vacancies.municipality,
  travelTimes: travelTimesJson,
  hoursMin: vacancies.hoursMin,
  hoursMax: vacancies.hoursMax,
  contractType: vacancies.contractType,
  contractMonths: vacancies.contractMonths,
  shifts: vacancies.shifts,
  hourlyWageCents: vacancies.hourlyWageCents,
  forWorkersUnder21: vacancies.forWorkersUnder21,
  youngestAge: vacancies.youngestAge,
  startDate: vacancies.startDate,
  positions: vacancies.positions,
  englishLevel: vacancies.englishLevel,
  dutchLevel: vacancies.dutchLevel,
  physicalDemands: vacancies.physicalDemands,
  requirements: vacancies.requirements,
  candidateStatus: vacancies.candidateStatus,
  trialPlacementOffered: vacancies.trialPlacementOffered,
  trialPlacementWeeks: vacancies.trialPlacementWeeks,
  reviewComment: vacancies.reviewComment,
  createdAt: vacancies.createdAt,
  updatedAt: vacancies.updatedAt,
  submittedAt: vacancies.submittedAt,
  publishedAt: vacancies.publishedAt,
}

export async function selectVacancy(db: Db, actor: Actor, id: string, forUpdate = false) {
  const query = db
    .select(vacancyColumns)
    .from(vacancies)
    .where(and(eq(vacancies.id, id), scopeOf(actor).vacancies()))
  const [row] = forUpdate ? await query.for('update', { of: vacancies }) : await query
  return row
}

export type VacancyRow = NonNullable<Awaited<ReturnType<typeof selectVacancy>>>

/** Keyset paging, newest first: no OFFSET, so page 2000 costs what page 1 costs. */
export function vacancyPageQuery(
  db: Db,
  actor: Actor,
  filters: VacancyListFilters,
  after: { createdAt: Date | string; id: string } | null,
  rows: number,
) {
  const conditions: (SQL | undefined)[] = [
    scopeOf(actor).vacancies(),
    filters.status ? eq(vacancies.status, filters.status) : undefined,
    filters.sector ? eq(vacancies.sector, filters.sector) : undefined,
    filters.municipality ? ilike(vacancies.municipality, filters.municipality) : undefined,
    filters.startFrom ? gte(vacancies.startDate, filters.startFrom) : undefined,
    filters.startTo ? lte(vacancies.startDate, filters.startTo) : undefined,
    after ? sql`(${vacancies.createdAt}, ${vacancies.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)` : undefined,
  ]
  return db
    .select(vacancyColumns)
    .from(vacancies)
    .where(and(...conditions))
    .orderBy(desc(vacancies.createdAt), desc(vacancies.id))
    .limit(rows)
}

/**
 * One page of the list (one row more than asked, to know whether there is a next page). The
 * hottest read of the API: prepared once per shape of filters and run with their values.
 */
export function selectVacancyPage(db: Db, actor: Actor, filters: VacancyListFilters, after: { createdAt: Date; id: string } | null) {
  const present = (['status', 'sector', 'municipality', 'startFrom', 'startTo'] as const).filter((name) => filters[name] !== undefined)
  const shape = `vacancy_page:${actor.role}:${present.join(',')}:${after ? 'after' : 'first'}`
  const query = prepared(db, shape, () =>
    vacancyPageQuery(
      db,
      { ...actor, organisationId: slot('organisationId') },
      { ...Object.fromEntries(present.map((name) => [name, slot(name)])), limit: 0 } as VacancyListFilters,
      after ? { createdAt: slot('afterCreatedAt'), id: slot('afterId') } : null,
      slot('rows'),
    ),
  )
  return query.execute({
    organisationId: actor.organisationId,
    ...filters,
    municipality: filters.municipality === undefined ? undefined : escapeLike(filters.municipality),
    rows: filters.limit + 1,
    afterCreatedAt: after?.createdAt.toISOString(),
    afterId: after?.id,
  })
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`)
}

export async function insertVacancy(
  tx: Db,
  values: VacancyFields & { organisationId: string; intermediaryOrganisationId: string; createdByUserId: string | null },
) {
  const { travelTimes, ...columns } = values
  const [row] = await tx.insert(vacancies).values(columns).returning({ id: vacancies.id })
  await replaceTravelTimes(tx, row!.id, travelTimes)
  return row!.id
}

export async function updateVacancyColumns(tx: Db, id: string, fields: Partial<VacancyFields> & Record<string, unknown>) {
  const { travelTimes, ...columns } = fields
  await tx.update(vacancies).set({ ...columns, updatedAt: new Date() }).where(eq(vacancies.id, id))
  if (travelTimes) await replaceTravelTimes(tx, id, travelTimes)
}

async function replaceTravelTimes(tx: Db, vacancyId: string, travelTimes: VacancyFields['travelTimes']) {
  await tx.delete(vacancyTravelTimes).where(eq(vacancyTravelTimes.vacancyId, vacancyId))
  if (travelTimes.length > 0) {
    await tx.insert(vacancyTravelTimes).values(travelTimes.map((t) => ({ vacancyId, ...t })))
  }
}

export async function insertVacancyEvent(
  tx: Db,
  actor: Actor,
  event: {
    vacancyId: string
    organisationId: string
    action: string
    fromStatus?: VacancyRow['status'] | null
    toStatus?: VacancyRow['status'] | null
    comment?: string | null
    changedFields?: string[]
  },
) {
  await tx.insert(vacancyEvents).values({
    ...event,
    actorUserId: actor.userId,
    actorApiKeyId: actor.apiKeyId ?? null,
  })
}

export function selectVacancyEvents(db: Db, vacancyId: string) {
  return db
    .select({
      id: vacancyEvents.id,
      action: vacancyEvents.action,
      fromStatus: vacancyEvents.fromStatus,
      toStatus: vacancyEvents.toStatus,
      comment: vacancyEvents.comment,
      changedFields: vacancyEvents.changedFields,
      actorName: users.name,
      viaApiKey: sql<boolean>`${vacancyEvents.actorApiKeyId} is not null`,
      createdAt: vacancyEvents.createdAt,
    })
    .from(vacancyEvents)
    .leftJoin(users, eq(users.id, vacancyEvents.actorUserId))
    .where(eq(vacancyEvents.vacancyId, vacancyId))
    .orderBy(asc(vacancyEvents.id))
}

export function selectReceptionLocations(db: Db) {
  return db
    .select({ id: receptionLocations.id, name: receptionLocations.name, municipality: receptionLocations.municipality })
    .from(receptionLocations)
    .orderBy(asc(receptionLocations.name))
}

export async function existingReceptionLocationIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await db
    .select({ id: receptionLocations.id })
    .from(receptionLocations)
    .where(inArray(receptionLocations.id, ids))
  return new Set(rows.map((r) => r.id))
}

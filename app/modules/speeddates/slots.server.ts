import { and, asc, eq, gt, gte, lt, sql, type SQL } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { organisations, receptionLocations, speeddateBookings, speeddateSeats, speeddateSlots, users, vacancies } from '#db/schema'
import { amsterdamLocalToUtc } from '~/lib/dates'
import { FieldValidationError } from '~/lib/errors.server'
import type { FieldErrors, FieldMessage } from '~/lib/forms'
import type { Actor } from '~/modules/authorisation'
import { scopeOf } from '~/modules/authorisation/index.server'
import type { SlotInput, SlotListFilters } from './speeddates.schema'

const MAX_SLOT_MS = 8 * 60 * 60 * 1000

/**
 * A speeddate's wall-clock times in Amsterdam, checked: both must exist (not the hour skipped in
 * spring), the start must be ahead, the end after the start, and at most 8 hours later. Used for
 * offered slots and for employers' own proposals alike.
 */
export function checkSlotTimes(startLocal: string, endLocal: string, now: Date) {
  const startsAt = amsterdamLocalToUtc(startLocal)
  const endsAt = amsterdamLocalToUtc(endLocal)
  let startError: FieldMessage | undefined
  let endError: FieldMessage | undefined
  if (!startsAt) startError = { key: 'errors.timeDoesNotExist' }
  else if (startsAt <= now) startError = { key: 'errors.slotInPast' }
  if (!endsAt) endError = { key: 'errors.timeDoesNotExist' }
  else if (startsAt && endsAt <= startsAt) endError = { key: 'errors.endBeforeStart' }
  else if (startsAt && endsAt.getTime() - startsAt.getTime() > MAX_SLOT_MS) endError = { key: 'errors.slotTooLong' }
  return { startsAt, endsAt, startError, endError }
}

/**
 * Publishes a slot for the acting consultant. The consultant's user row is locked while we look
 * for overlaps, so two slots created at once for the same person cannot both pass the check.
 */
export async function createSlot(db: Db, actor: Actor, input: SlotInput, now: Date = new Date()): Promise<string> {
  const times = checkSlotTimes(input.startsAt, input.endsAt, now)
  const errors: FieldErrors = {}
  if (times.startError) errors.startsAt = times.startError
  if (times.endError) errors.endsAt = times.endError
  const { startsAt, endsAt } = times
  if (input.receptionLocationId && input.placeKind === 'reception_location') {
    const [location] = await db.select({ id: receptionLocations.id }).from(receptionLocations).where(eq(receptionLocations.id, input.receptionLocationId))
    if (!location) errors.receptionLocationId = { key: 'errors.unknownLocation' }
  }
  if (Object.keys(errors).length > 0) throw new FieldValidationError(errors)

  return db.transaction(async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.userId!)).for('update')
    const [overlap] = await tx
      .select({ id: speeddateSlots.id })
      .from(speeddateSlots)
      .where(
        and(
          eq(speeddateSlots.consultantUserId, actor.userId!),
          eq(speeddateSlots.status, 'open'),
          lt(speeddateSlots.startsAt, endsAt!),
          gt(speeddateSlots.endsAt, startsAt!),
        ),
      )
      .limit(1)
    if (overlap) throw new FieldValidationError({ startsAt: { key: 'errors.slotOverlaps' } })
    const [slot] = await tx
      .insert(speeddateSlots)
      .values({
        intermediaryOrganisationId: actor.organisationId,
        consultantUserId: actor.userId!,
        startsAt: startsAt!,
        endsAt: endsAt!,
        placeKind: input.placeKind,
        receptionLocationId: input.placeKind === 'reception_location' ? input.receptionLocationId : null,
        placeAddress: input.placeKind === 'employer_site' ? input.placeAddress : null,
        seats: input.seats,
        note: input.note || null,
      })
      .returning({ id: speeddateSlots.id })
    return slot!.id
  })
}

const activeBooking = sql`${speeddateBookings.status} in ('awaiting_payment', 'requested', 'approved')`

export const slotColumns = {
  id: speeddateSlots.id,
  startsAt: speeddateSlots.startsAt,
  endsAt: speeddateSlots.endsAt,
  placeKind: speeddateSlots.placeKind,
  receptionLocationId: speeddateSlots.receptionLocationId,
  place: sql<string>`coalesce(${receptionLocations.name}, ${speeddateSlots.placeAddress}, '')`,
  // What a visitor needs at a reception location (admin's list); an employer's site has its address above.
  locationAddress: receptionLocations.address,
  locationPostcode: receptionLocations.postcode,
  locationMunicipality: receptionLocations.municipality,
  locationArrival: receptionLocations.arrival,
  locationContact: receptionLocations.contact,
  locationAccessibility: receptionLocations.accessibility,
  seats: speeddateSlots.seats,
  seatsFilled: sql<number>`(select count(*)::int from ${speeddateSeats} s where s.slot_id = ${speeddateSlots.id})`,
  note: speeddateSlots.note,
  status: speeddateSlots.status,
  consultantName: users.name,
  intermediaryOrganisationId: speeddateSlots.intermediaryOrganisationId,
}

/**
 * Slots as the actor may see them. Employers see open future slots nobody holds, plus the slots
 * they hold themselves; the intermediary sees its organisation's slots with whoever holds them.
 */
export async function listSlots(db: Db, actor: Actor, filters: SlotListFilters & { freeOnly?: boolean }, now = new Date()) {
  const scope = scopeOf(actor)
  const employer = scope.party === 'employer'
  const conditions: (SQL | undefined)[] = [
    scope.slots(),
    filters.from ? gte(speeddateSlots.startsAt, amsterdamLocalToUtc(`${filters.from}T00:00`) ?? new Date(filters.from)) : undefined,
    filters.to ? lt(speeddateSlots.startsAt, new Date(new Date(amsterdamLocalToUtc(`${filters.to}T00:00`) ?? filters.to).getTime() + 86_400_000)) : undefined,
    filters.receptionLocationId ? eq(speeddateSlots.receptionLocationId, filters.receptionLocationId) : undefined,
    filters.placeKind ? eq(speeddateSlots.placeKind, filters.placeKind) : undefined,
  ]
  if (employer || filters.freeOnly) {
    const free = and(
      eq(speeddateSlots.status, 'open'),
      gt(speeddateSlots.startsAt, now),
      sql`not exists (select 1 from ${speeddateBookings} b where b.slot_id = ${speeddateSlots.id} and b.status in ('awaiting_payment', 'requested', 'approved'))`,
    )
    conditions.push(filters.freeOnly || !employer ? free : sql`(${free} or ${speeddateSlots.id} in (select b.slot_id from ${speeddateBookings} b where b.organisation_id = ${actor.organisationId}))`)
  }
  return db
    .select({
      ...slotColumns,
      bookingId: speeddateBookings.id,
      bookingStatus: speeddateBookings.status,
      bookingOrganisationId: speeddateBookings.organisationId,
      bookingEmployer: organisations.name,
      bookingVacancy: vacancies.title,
    })
    .from(speeddateSlots)
    .innerJoin(users, eq(users.id, speeddateSlots.consultantUserId))
    .leftJoin(receptionLocations, eq(receptionLocations.id, speeddateSlots.receptionLocationId))
    .leftJoin(speeddateBookings, and(eq(speeddateBookings.slotId, speeddateSlots.id), activeBooking))
    .leftJoin(organisations, eq(organisations.id, speeddateBookings.organisationId))
    .leftJoin(vacancies, eq(vacancies.id, speeddateBookings.vacancyId))
    .where(and(...conditions))
    .orderBy(asc(speeddateSlots.startsAt))
    .limit(200)
}

/** One slot, if the actor may see it: employers only open slots or ones they (once) booked. */
export async function getSlot(db: Db, actor: Actor, id: string) {
  const [slot] = await db
    .select(slotColumns)
    .from(speeddateSlots)
    .innerJoin(users, eq(users.id, speeddateSlots.consultantUserId))
    .leftJoin(receptionLocations, eq(receptionLocations.id, speeddateSlots.receptionLocationId))
    .where(and(eq(speeddateSlots.id, id), scopeOf(actor).slots()))
  if (!slot) return undefined
  if (scopeOf(actor).party === 'employer') {
    const [own] = await db
      .select({ id: speeddateBookings.id })
      .from(speeddateBookings)
      .where(and(eq(speeddateBookings.slotId, id), eq(speeddateBookings.organisationId, actor.organisationId)))
      .limit(1)
    if (own) return slot
    // Anyone else's slot is visible only while it is on offer: open, ahead, and held by nobody.
    const [held] = await db
      .select({ id: speeddateBookings.id })
      .from(speeddateBookings)
      .where(and(eq(speeddateBookings.slotId, id), activeBooking))
      .limit(1)
    return slot.status === 'open' && slot.startsAt > new Date() && !held ? slot : undefined
  }
  return slot
}

export type SlotRow = NonNullable<Awaited<ReturnType<typeof getSlot>>>

/** The employer's own published vacancies, to book a speeddate for. */
export function bookableVacancies(db: Db, actor: Actor) {
  return db
    .select({ id: vacancies.id, title: vacancies.title })
    .from(vacancies)
    .where(and(scopeOf(actor).vacancies(), eq(vacancies.status, 'published')))
    .orderBy(asc(vacancies.title))
}


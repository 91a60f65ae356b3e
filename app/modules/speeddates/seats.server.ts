import { and, asc, count, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { candidates, hires, speeddateBookings, speeddateSeats, speeddateSlots } from '#db/schema'
import { FieldValidationError, isUniqueViolation, StateConflictError } from '~/lib/errors.server'
import type { Actor } from '~/modules/authorisation'
import { can } from '~/modules/authorisation'
import { scopeOf } from '~/modules/authorisation/index.server'
import { createHire } from '~/modules/twv/index.server'
import type { CandidateInput } from './speeddates.schema'
import { policyRule } from '~/modules/policy/index.server'

export async function createCandidate(db: Db, actor: Actor, input: CandidateInput): Promise<string> {
  try {
    const [row] = await db
      .insert(candidates)
      .values({ intermediaryOrganisationId: actor.organisationId, ...input, experience: input.experience || null })
      .returning({ id: candidates.id })
    return row!.id
  } catch (error) {
    if (isUniqueViolation(error, 'candidates_reference_key')) {
      throw new FieldValidationError({ referenceCode: { key: 'errors.referenceCodeTaken' } })
    }
    throw error
  }
}

export function listCandidates(db: Db, actor: Actor) {
  return db
    .select({ id: candidates.id, referenceCode: candidates.referenceCode, firstName: candidates.firstName })
    .from(candidates)
    // Erased people and those who left the location are not offered for seats or matches.
    .where(and(scopeOf(actor).candidates(), isNull(candidates.erasedAt), isNull(candidates.movedOutOn)))
    .orderBy(asc(candidates.referenceCode))
}

/**
 * Gives a candidate a seat. The slot row is locked while seats are counted and the new one is
 * written, so a 10-seat slot ends with at most 10 seats however many assignments race.
 */
export async function assignSeat(db: Db, actor: Actor, slotId: string, candidateId: string): Promise<string | null> {
  if (!can(actor.role, 'speeddates:manage')) return null
  try {
    return await db.transaction(async (tx) => {
      const [slot] = await tx
        .select({ seats: speeddateSlots.seats, organisationId: speeddateSlots.intermediaryOrganisationId })
        .from(speeddateSlots)
        .where(and(eq(speeddateSlots.id, slotId), scopeOf(actor).slots()))
        .for('update')
      if (!slot) return null
      const [candidate] = await tx
        .select({ id: candidates.id })
        .from(candidates)
        .where(and(eq(candidates.id, candidateId), eq(candidates.intermediaryOrganisationId, slot.organisationId)))
      if (!candidate) throw new FieldValidationError({ candidateId: { key: 'errors.invalid' } })
      const [filled] = await tx.select({ n: count() }).from(speeddateSeats).where(eq(speeddateSeats.slotId, slotId))
      if (filled!.n >= slot.seats) throw new StateConflictError('errors.slotFull')
      const [seat] = await tx.insert(speeddateSeats).values({ slotId, candidateId }).returning({ id: speeddateSeats.id })
      return seat!.id
    })
  } catch (error) {
    if (isUniqueViolation(error, 'speeddate_seats_candidate_key')) throw new FieldValidationError({ candidateId: { key: 'errors.alreadySeated' } })
    throw error
  }
}

/**
 * The candidates in a slot, as the pseudonymous profile a speeddate needs: code, first name,
 * languages, experience, hours wanted — the only candidate data an employer ever sees.
 */
export function listSeats(db: Db, slotId: string) {
  return db
    .select({
      id: speeddateSeats.id,
      referenceCode: candidates.referenceCode,
      firstName: candidates.firstName,
      languages: candidates.languages,
      experience: candidates.experience,
      hoursWanted: candidates.hoursWanted,
      attendance: speeddateSeats.attendance,
      outcome: speeddateSeats.outcome,
      employerWish: speeddateSeats.employerWish,
    })
    .from(speeddateSeats)
    .innerJoin(candidates, eq(candidates.id, speeddateSeats.candidateId))
    .where(eq(speeddateSeats.slotId, slotId))
    .orderBy(asc(candidates.referenceCode))
}

/**
 * After the session has started, the employer of the slot's approved booking says with whom it
 * wants to go on. Returns false when the seat is not on such a slot of the employer's.
 */
export async function recordEmployerWish(db: Db, actor: Actor, input: { seatId: string; wish: 'continue' | 'stop' }, now = new Date()): Promise<boolean> {
  if (!can(actor.role, 'speeddates:book')) return false
  const [seat] = await db
    .select({ id: speeddateSeats.id, startsAt: speeddateSlots.startsAt, wish: speeddateSeats.employerWish })
    .from(speeddateSeats)
    .innerJoin(speeddateSlots, eq(speeddateSlots.id, speeddateSeats.slotId))
    .innerJoin(
      speeddateBookings,
      and(eq(speeddateBookings.slotId, speeddateSeats.slotId), eq(speeddateBookings.status, 'approved'), eq(speeddateBookings.organisationId, actor.organisationId)),
    )
    .where(eq(speeddateSeats.id, input.seatId))
  if (!seat) return false
  if (seat.startsAt > now) throw new StateConflictError('errors.sessionNotStarted')
  if (seat.wish === input.wish) return true
  await db.update(speeddateSeats).set({ employerWish: input.wish, employerWishAt: now }).where(eq(speeddateSeats.id, input.seatId))
  return true
}

/** After the session has started: who came, and what came of it. */
export async function recordSeatResult(
  db: Db,
  actor: Actor,
  input: { seatId: string; attendance: 'attended' | 'no_show'; outcome: 'no_interest' | 'second_talk' | 'match' | null },
  now = new Date(),
): Promise<boolean> {
  const [seat] = await db
    .select({ id: speeddateSeats.id, startsAt: speeddateSlots.startsAt, organisationId: speeddateSlots.intermediaryOrganisationId })
    .from(speeddateSeats)
    .innerJoin(speeddateSlots, eq(speeddateSlots.id, speeddateSeats.slotId))
    .where(and(eq(speeddateSeats.id, input.seatId), scopeOf(actor).slots()))
  if (!seat || !can(actor.role, 'speeddates:manage')) return false
  if (seat.startsAt > now) throw new StateConflictError('errors.sessionNotStarted')
  const outcome = input.attendance === 'attended' ? input.outcome : null
  await db.update(speeddateSeats).set({ attendance: input.attendance, outcome }).where(eq(speeddateSeats.id, input.seatId))
  if (outcome === 'match') await hireFromMatch(db, actor, input.seatId)
  return true
}

/** A match at a speeddate is a hire in the making: one per seat, for the booked vacancy. */
async function hireFromMatch(db: Db, actor: Actor, seatId: string) {
  const [existing] = await db.select({ id: hires.id }).from(hires).where(eq(hires.seatId, seatId))
  if (existing) return
  const [seat] = await db
    .select({ candidateId: speeddateSeats.candidateId, vacancyId: speeddateBookings.vacancyId })
    .from(speeddateSeats)
    .innerJoin(speeddateBookings, and(eq(speeddateBookings.slotId, speeddateSeats.slotId), eq(speeddateBookings.status, 'approved')))
    .where(eq(speeddateSeats.id, seatId))
  if (!seat) return
  await createHire(db, actor, { vacancyId: seat.vacancyId, candidateId: seat.candidateId, residenceStatus: 'unknown', seatId })
}

export const MIN_OWN_SAMPLE = 20

/**
 * The show-up rate the intermediary can plan with: its own recorded attendance once there are
 * enough records, the pilot's single event otherwise (rule `parameter.speeddate_show_up`), and how
 * many to invite to fill the seats.
 */
export async function showUpAdvice(db: Db, actor: Actor, seats: number, now = new Date()) {
  const pilot = (await policyRule(db, 'parameter.speeddate_show_up', 'parameter'))?.data ?? null
  const [row] = await db
    .select({
      recorded: count(),
      attended: sql<number>`count(*) filter (where ${speeddateSeats.attendance} = 'attended')::int`,
    })
    .from(speeddateSeats)
    .innerJoin(speeddateSlots, eq(speeddateSlots.id, speeddateSeats.slotId))
    .where(and(scopeOf(actor).slots(), isNotNull(speeddateSeats.attendance), lt(speeddateSlots.startsAt, now)))
  const recorded = Number(row?.recorded ?? 0)
  const attended = Number(row?.attended ?? 0)
  const own = recorded >= MIN_OWN_SAMPLE || !pilot
  const rate = own ? (recorded > 0 ? attended / recorded : 1) : pilot.attended / pilot.announced
  return { source: own ? ('own' as const) : ('pilot' as const), recorded, attended, rate, invite: suggestedInvites(seats, rate), pilot }
}

export function suggestedInvites(seats: number, rate: number): number {
  if (rate <= 0) return seats * 3
  return Math.min(seats * 3, Math.ceil(seats / rate))
}

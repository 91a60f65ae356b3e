import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import type Stripe from 'stripe'
import type { Db } from '#db/client.server'
import { prepared, slot } from '#db/prepared.server'
import {
  activeBookingStatuses,
  speeddateBookingEvents,
  speeddateBookings,
  speeddateSlots,
  users,
  vacancies,
} from '#db/schema'
import { todayInAmsterdam, utcToAmsterdamLocal } from '~/lib/dates'
import { FieldValidationError, isUniqueViolation, StateConflictError } from '~/lib/errors.server'
import type { Actor } from '~/modules/authorisation'
import { can, may } from '~/modules/authorisation'
import { scopeOf } from '~/modules/authorisation/index.server'
import { cancellationPolicyInForce } from '~/modules/payments/index.server'
import { employerCancellationRefund } from '~/modules/payments'
import {
  BOOKING_PAYMENT_WINDOW_MS,
  cancelOpenCharge,
  createCharge,
  lockBookingPayment,
  noFollowUps,
  requestRefund,
  type StripeFollowUps,
} from '~/modules/payments/index.server'
import { chargeableFee } from '~/modules/payments/index.server'
import { settleFollowUps } from '~/modules/payments/index.server'
import { emitBookingEvent, notify } from './booking-notices.server'
import { selectBookings } from './booking-queries.server'

export class BookingConflictError extends StateConflictError {}

/**
 * Links in emails point at the portal's public address. `stripe` is set when payments are on:
 * then a slot with a fee is booked as awaiting payment, and refunds go through it.
 */
export type BookingOptions = { appUrl: string; now?: Date; stripe?: Stripe | null }

const active: BookingStatus[] = [...activeBookingStatuses]

type BookingStatus = (typeof speeddateBookings.$inferSelect)['status']

export async function getBooking(db: Db, actor: Actor, id: string) {
  const [booking] = await selectBookings(db).where(and(eq(speeddateBookings.id, id), scopeOf(actor).bookings()))
  return booking
}

export type BookingRow = NonNullable<Awaited<ReturnType<typeof getBooking>>>

export function listBookings(db: Db, actor: Actor, slotId?: string) {
  return selectBookings(db)
    .where(and(scopeOf(actor).bookings(), slotId ? eq(speeddateBookings.slotId, slotId) : undefined))
    .orderBy(desc(speeddateBookings.createdAt))
    .limit(200)
}

export function bookingHistory(db: Db, bookingIds: string[]) {
  if (bookingIds.length === 0) return Promise.resolve([])
  return db
    .select({
      id: speeddateBookingEvents.id,
      bookingId: speeddateBookingEvents.bookingId,
      action: speeddateBookingEvents.action,
      reason: speeddateBookingEvents.reason,
      actorName: users.name,
      createdAt: speeddateBookingEvents.createdAt,
    })
    .from(speeddateBookingEvents)
    .leftJoin(users, eq(users.id, speeddateBookingEvents.actorUserId))
    .where(inArray(speeddateBookingEvents.bookingId, bookingIds))
    .orderBy(asc(speeddateBookingEvents.id))
}

/** Locks the slot row: every booking decision on a slot happens one at a time. */
export async function lockSlot(tx: Db, slotId: string) {
  const [slot] = await tx.select().from(speeddateSlots).where(eq(speeddateSlots.id, slotId)).for('update')
  return slot
}

async function lockBooking(tx: Db, actor: Actor, bookingId: string) {
  const booking = await getBooking(tx, actor, bookingId)
  if (!booking) return undefined
  // Slot first, then booking: the same order as booking a slot, so no deadlock between them.
  await lockSlot(tx, booking.slotId)
  const [row] = await tx.select({ status: speeddateBookings.status, icsSequence: speeddateBookings.icsSequence }).from(speeddateBookings).where(eq(speeddateBookings.id, bookingId)).for('update')
  return { ...booking, status: row!.status, icsSequence: row!.icsSequence }
}

/**
 * Requests a free slot for one of the employer's published vacancies. The slot row is locked
 * while we check and insert; the partial unique index on active bookings is the last word, so
 * of any number of simultaneous requests exactly one holds the slot and the rest get a conflict.
 */
export async function bookSlot(db: Db, actor: Actor, slotId: string, vacancyId: string, options: BookingOptions): Promise<string | null> {
  const now = options.now ?? new Date()
  // Checks that need no lock come first: whose vacancy it is, and whether the slot is already
  // held. Most losers of a race stop here without queueing for the slot's lock.
  if (!can(actor.role, 'speeddates:book')) return null
  const [found] = await bookableSlot(db, actor).execute({ slotId, vacancyId, organisationId: actor.organisationId })
  // Only the slots of the employer's own intermediaries exist for it.
  if (!found) return null
  if (!found.vacancyId) throw new FieldValidationError({ vacancyId: { key: 'errors.vacancyNotBookable' } })
  // The intermediary that reviews the vacancy is the one that runs its speeddates.
  if (found.vacancyIntermediaryOrganisationId !== found.intermediaryOrganisationId) {
    throw new FieldValidationError({ vacancyId: { key: 'errors.vacancyOtherIntermediary' } })
  }
  if (found.held) throw new BookingConflictError('errors.slotTaken')
  try {
    return await db.transaction(async (tx) => {
      const slot = await lockSlot(tx, slotId)
      if (!slot) return null
      if (slot.status !== 'open' || slot.startsAt <= now) throw new BookingConflictError('errors.slotNotBookable')
      const [taken] = await tx
        .select({ id: speeddateBookings.id })
        .from(speeddateBookings)
        .where(and(eq(speeddateBookings.slotId, slotId), inArray(speeddateBookings.status, active)))
      if (taken) throw new BookingConflictError('errors.slotTaken')
      // A decline is an answer: the same employer does not ask for the same slot again.
      const [declined] = await tx
        .select({ id: speeddateBookings.id })
        .from(speeddateBookings)
        .where(and(eq(speeddateBookings.slotId, slotId), eq(speeddateBookings.organisationId, actor.organisationId), eq(speeddateBookings.status, 'declined')))
      if (declined) throw new BookingConflictError('errors.slotDeclinedForYou')
      // With payments on, a slot with a fee is held for the employer while it pays; the
      // consultant hears of the booking once the money is in.
      const fee = options.stripe ? await chargeableFee(tx, slot.intermediaryOrganisationId, 'speeddate_booking', todayInAmsterdam(now)) : null
      const status: BookingStatus = fee ? 'awaiting_payment' : 'requested'
      const [booking] = await tx
        .insert(speeddateBookings)
        .values({
          slotId,
          organisationId: actor.organisationId,
          vacancyId,
          status,
          requestedByUserId: actor.userId,
          icsUid: `${crypto.randomUUID()}@werkbrug`,
        })
        .returning({ id: speeddateBookings.id })
      await recordEvent(tx, actor, booking!.id, status, null, status, slotId)
      if (fee) {
        await createCharge(tx, {
          kind: 'speeddate_booking',
          payerOrganisationId: actor.organisationId,
          intermediaryOrganisationId: slot.intermediaryOrganisationId,
          bookingId: booking!.id,
          description: `Speeddate ${utcToAmsterdamLocal(slot.startsAt).replace('T', ' ')} — ${found.vacancyTitle}`,
          fee,
          holdUntil: new Date(now.getTime() + BOOKING_PAYMENT_WINDOW_MS),
        })
      } else {
        await notify(tx, booking!.id, { consultant: 'requested' }, options.appUrl)
      }
      await emitBookingEvent(tx, booking!.id, 'booking.requested')
      return booking!.id
    })
  } catch (error) {
    if (isUniqueViolation(error, 'speeddate_bookings_active_slot_key')) throw new BookingConflictError('errors.slotTaken')
    throw error
  }
}

/**
 * One statement: the slot as the employer may see it, its vacancy if it is the employer's and
 * published, and whether someone already holds the slot. Every request in a race for a slot runs
 * it, so it is prepared once per kind of actor (decision 015).
 */
function bookableSlot(db: Db, actor: Actor) {
  return prepared(db, `bookable_slot:${actor.role}`, () => {
    const scope = scopeOf({ ...actor, organisationId: slot('organisationId') })
    return db
      .select({
        intermediaryOrganisationId: speeddateSlots.intermediaryOrganisationId,
        vacancyIntermediaryOrganisationId: vacancies.intermediaryOrganisationId,
        vacancyId: vacancies.id,
        vacancyTitle: vacancies.title,
        held: sql<boolean>`exists (select 1 from ${speeddateBookings} where ${speeddateBookings.slotId} = ${speeddateSlots.id} and ${inArray(speeddateBookings.status, active)})`,
      })
      .from(speeddateSlots)
      .leftJoin(vacancies, and(eq(vacancies.id, slot('vacancyId')), scope.vacancies(), eq(vacancies.status, 'published')))
      .where(and(eq(speeddateSlots.id, slot('slotId')), scope.slots()))
  })
}

/** The intermediary approves or declines a requested booking; a second decision is a conflict. */
export async function decideBooking(
  db: Db,
  actor: Actor,
  bookingId: string,
  decision: 'approve' | 'decline',
  reason: string | undefined,
  options: BookingOptions,
): Promise<BookingRow | null> {
  if (!can(actor.role, 'speeddates:manage')) throw new BookingConflictError('errors.transitionNotAllowed')
  if (decision === 'decline' && !reason?.trim()) throw new FieldValidationError({ reason: { key: 'errors.required' } })
  const followUps = noFollowUps()
  const result = await db.transaction(async (tx) => {
    const booking = await lockBooking(tx, actor, bookingId)
    if (!booking) return null
    if (booking.status !== 'requested') throw new BookingConflictError('errors.transitionNotAllowed')
    // A paid booking moved by the employer comes back for approval; declining it refunds it.
    if (decision === 'decline') await refundOnEnd(tx, bookingId, 'intermediary', booking.startsAt, options, followUps)
    const to: BookingStatus = decision === 'approve' ? 'approved' : 'declined'
    await tx
      .update(speeddateBookings)
      .set({ status: to, reason: reason?.trim() || null, updatedAt: new Date(), icsSequence: booking.icsSequence + 1 })
      .where(eq(speeddateBookings.id, bookingId))
    await recordEvent(tx, actor, bookingId, decision === 'approve' ? 'approved' : 'declined', booking.status, to, booking.slotId, reason)
    await notify(tx, bookingId, { employer: to === 'approved' ? 'approved' : 'declined' }, options.appUrl)
    await emitBookingEvent(tx, bookingId, to === 'approved' ? 'booking.approved' : 'booking.declined')
    return (await getBooking(tx, actor, bookingId))!
  })
  await settleFollowUps(db, options.stripe ?? null, followUps, options)
  return result
}

/**
 * What happens to the money when a booking ends: an unpaid charge is voided (and its checkout
 * closed); a paid one is refunded — in full when the intermediary ends it, by the intermediary's
 * cancellation policy when the employer does.
 */
async function refundOnEnd(tx: Db, bookingId: string, by: 'employer' | 'intermediary', startsAt: Date, options: BookingOptions, followUps: StripeFollowUps) {
  const payment = await lockBookingPayment(tx, bookingId)
  if (!payment) return
  if (payment.status === 'open') return cancelOpenCharge(tx, payment, followUps)
  if (payment.status !== 'paid') return
  const now = options.now ?? new Date()
  const cents =
    by === 'intermediary'
      ? payment.grossCents
      : employerCancellationRefund(await cancellationPolicyInForce(tx, payment.intermediaryOrganisationId, todayInAmsterdam(now)), payment.grossCents, startsAt, now)
  if (await requestRefund(tx, payment.id, cents, by === 'intermediary' ? 'cancelled_by_intermediary' : 'cancelled_by_employer')) {
    followUps.refundPaymentIds.push(payment.id)
  }
}

/**
 * Cancels a requested or approved booking and frees the slot. The intermediary gives a reason;
 * the other side is told, with a calendar cancellation (same UID, higher SEQUENCE).
 */
export async function cancelBooking(
  db: Db,
  actor: Actor,
  bookingId: string,
  reason: string | undefined,
  options: BookingOptions,
): Promise<BookingRow | null> {
  const employer = scopeOf(actor).party === 'employer'
  if (!employer && !reason?.trim()) throw new FieldValidationError({ reason: { key: 'errors.required' } })
  const followUps = noFollowUps()
  const result = await db.transaction(async (tx) => {
    const booking = await lockBooking(tx, actor, bookingId)
    if (!booking) return null
    if (!active.includes(booking.status)) throw new BookingConflictError('errors.transitionNotAllowed')
    await refundOnEnd(tx, bookingId, employer ? 'employer' : 'intermediary', booking.startsAt, options, followUps)
    await tx
      .update(speeddateBookings)
      .set({ status: 'cancelled', reason: reason?.trim() || null, updatedAt: new Date(), icsSequence: booking.icsSequence + 1 })
      .where(eq(speeddateBookings.id, bookingId))
    await recordEvent(tx, actor, bookingId, 'cancelled', booking.status, 'cancelled', booking.slotId, reason)
    // The consultant never heard of a booking that was not paid yet.
    const told = employer ? (booking.status === 'awaiting_payment' ? {} : { consultant: 'cancelled' as const }) : { employer: 'cancelled' as const }
    await notify(tx, bookingId, told, options.appUrl)
    await emitBookingEvent(tx, bookingId, 'booking.cancelled')
    return (await getBooking(tx, actor, bookingId))!
  })
  await settleFollowUps(db, options.stripe ?? null, followUps, options)
  return result
}

/**
 * Moves a booking to another free slot, keeping its calendar UID. Both slots are locked in id
 * order. An employer's move needs approval again; the intermediary's keeps the booking approved.
 */
export async function rescheduleBooking(
  db: Db,
  actor: Actor,
  bookingId: string,
  toSlotId: string,
  options: BookingOptions,
): Promise<BookingRow | null> {
  const now = options.now ?? new Date()
  const employer = scopeOf(actor).party === 'employer'
  try {
    return await db.transaction(async (tx) => {
      const current = await getBooking(tx, actor, bookingId)
      if (!current) return null
      for (const id of [current.slotId, toSlotId].sort()) await lockSlot(tx, id)
      const [row] = await tx.select().from(speeddateBookings).where(eq(speeddateBookings.id, bookingId)).for('update')
      if (row!.status !== 'requested' && row!.status !== 'approved') throw new BookingConflictError('errors.transitionNotAllowed')
      const [target] = await tx.select().from(speeddateSlots).where(eq(speeddateSlots.id, toSlotId))
      if (!target || target.id === current.slotId) throw new FieldValidationError({ slotId: { key: 'errors.invalid' } })
      if (target.status !== 'open' || target.startsAt <= now) throw new BookingConflictError('errors.slotNotBookable')
      // The booking stays with its intermediary: another intermediary's slot is no place to move it.
      if (target.intermediaryOrganisationId !== current.intermediaryOrganisationId) {
        throw new FieldValidationError({ slotId: { key: 'errors.invalid' } })
      }
      const [taken] = await tx
        .select({ id: speeddateBookings.id })
        .from(speeddateBookings)
        .where(and(eq(speeddateBookings.slotId, toSlotId), inArray(speeddateBookings.status, active)))
      if (taken) throw new BookingConflictError('errors.slotTaken')
      const to: BookingStatus = employer ? 'requested' : row!.status
      await tx
        .update(speeddateBookings)
        .set({ slotId: toSlotId, status: to, updatedAt: new Date(), icsSequence: row!.icsSequence + 1, reminderSentAt: null })
        .where(eq(speeddateBookings.id, bookingId))
      await recordEvent(tx, actor, bookingId, 'rescheduled', row!.status, to, toSlotId)
      await notify(tx, bookingId, employer ? { consultant: 'rescheduled' } : { employer: 'rescheduled' }, options.appUrl)
      await emitBookingEvent(tx, bookingId, 'booking.moved')
      return (await getBooking(tx, actor, bookingId))!
    })
  } catch (error) {
    if (isUniqueViolation(error, 'speeddate_bookings_active_slot_key')) throw new BookingConflictError('errors.slotTaken')
    throw error
  }
}

/** One line of a booking's history; `actor` is null for what Stripe or the clock decided. */
export async function recordEvent(
  tx: Db,
  actor: Actor | null,
  bookingId: string,
  action: string,
  fromStatus: BookingStatus | null,
  toStatus: BookingStatus,
  slotId: string,
  reason?: string,
) {
  await tx.insert(speeddateBookingEvents).values({
    bookingId,
    action,
    fromStatus,
    toStatus,
    slotId,
    reason: reason?.trim() || null,
    actorUserId: actor?.userId ?? null,
    actorApiKeyId: actor?.apiKeyId ?? null,
  })
}

/**
 * The intermediary withdraws a slot: it is no longer offered, and a booking on it is cancelled
 * with the reason, which the employer receives with a calendar cancellation.
 */
export async function cancelSlot(db: Db, actor: Actor, slotId: string, reason: string, options: BookingOptions): Promise<boolean> {
  if (!can(actor.role, 'speeddates:manage')) return false
  if (!reason.trim()) throw new FieldValidationError({ reason: { key: 'errors.required' } })
  const followUps = noFollowUps()
  const result = await db.transaction(async (tx) => {
    const slot = await lockSlot(tx, slotId)
    if (!slot || !may(actor, 'speeddates:manage', { employerOrganisationId: null, intermediaryOrganisationId: slot.intermediaryOrganisationId })) return false
    if (slot.status === 'cancelled') throw new BookingConflictError('errors.transitionNotAllowed')
    await tx.update(speeddateSlots).set({ status: 'cancelled' }).where(eq(speeddateSlots.id, slotId))
    const activeBookings = await tx
      .select({ id: speeddateBookings.id, status: speeddateBookings.status, icsSequence: speeddateBookings.icsSequence })
      .from(speeddateBookings)
      .where(and(eq(speeddateBookings.slotId, slotId), inArray(speeddateBookings.status, active)))
      .for('update')
    for (const booking of activeBookings) {
      await refundOnEnd(tx, booking.id, 'intermediary', slot.startsAt, options, followUps)
      await tx
        .update(speeddateBookings)
        .set({ status: 'cancelled', reason: reason.trim(), updatedAt: new Date(), icsSequence: booking.icsSequence + 1 })
        .where(eq(speeddateBookings.id, booking.id))
      await recordEvent(tx, actor, booking.id, 'cancelled', booking.status, 'cancelled', slotId, reason)
      await notify(tx, booking.id, { employer: 'cancelled' }, options.appUrl)
      await emitBookingEvent(tx, booking.id, 'booking.cancelled')
    }
    return true
  })
  await settleFollowUps(db, options.stripe ?? null, followUps, options)
  return result
}

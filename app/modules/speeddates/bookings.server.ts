import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type Stripe from 'stripe'
import type { Db } from '#db/client.server'
import {
  activeBookingStatuses,
  organisations,
  payments,
  receptionLocations,
  speeddateBookingEvents,
  speeddateBookings,
  speeddateSlots,
  users,
  vacancies,
} from '#db/schema'
import type { BookingNoticeKind } from '#emails/booking-notice'
import { todayInAmsterdam, utcToAmsterdamLocal } from '~/lib/dates'
import { FieldValidationError, isUniqueViolation, StateConflictError } from '~/lib/errors.server'
import type { Actor } from '~/modules/authorisation/actor'
import { can, may } from '~/modules/authorisation/policy'
import { scopeOf } from '~/modules/authorisation/scope.server'
import { employerOwners } from '../accounts/accounts.queries.server'
import { placeLine } from '../places/places.server'
import { enqueueEmail } from '../email/outbox.server'
import { cancellationPolicyInForce } from '../payments/cancellation-policy.server'
import { employerCancellationRefund } from '../payments/cancellation'
import {
  BOOKING_PAYMENT_WINDOW_MS,
  cancelOpenCharge,
  createCharge,
  lockBookingPayment,
  noFollowUps,
  requestRefund,
  type StripeFollowUps,
} from '../payments/charges.server'
import { chargeableFee } from '../payments/fees.server'
import { settleFollowUps } from '../payments/settlement.server'
import { speeddateIcs } from './ics.server'

export class BookingConflictError extends StateConflictError {}

/**
 * Links in emails point at the portal's public address. `stripe` is set when payments are on:
 * then a slot with a fee is booked as awaiting payment, and refunds go through it.
 */
export type BookingOptions = { appUrl: string; now?: Date; stripe?: Stripe | null }

const active: BookingStatus[] = [...activeBookingStatuses]

type BookingStatus = (typeof speeddateBookings.$inferSelect)['status']

const bookingColumns = {
  id: speeddateBookings.id,
  slotId: speeddateBookings.slotId,
  organisationId: speeddateBookings.organisationId,
  employerName: organisations.name,
  vacancyId: speeddateBookings.vacancyId,
  vacancyTitle: vacancies.title,
  status: speeddateBookings.status,
  reason: speeddateBookings.reason,
  requestedByUserId: speeddateBookings.requestedByUserId,
  icsUid: speeddateBookings.icsUid,
  icsSequence: speeddateBookings.icsSequence,
  createdAt: speeddateBookings.createdAt,
  updatedAt: speeddateBookings.updatedAt,
  startsAt: speeddateSlots.startsAt,
  endsAt: speeddateSlots.endsAt,
  intermediaryOrganisationId: speeddateSlots.intermediaryOrganisationId,
  consultantUserId: speeddateSlots.consultantUserId,
  placeName: receptionLocations.name,
  placeAddress: speeddateSlots.placeAddress,
  locationAddress: receptionLocations.address,
  locationPostcode: receptionLocations.postcode,
  locationMunicipality: receptionLocations.municipality,
  locationArrival: receptionLocations.arrival,
  locationContact: receptionLocations.contact,
  paymentId: payments.id,
  paymentStatus: payments.status,
  paymentGrossCents: payments.grossCents,
  paymentVatCents: payments.vatCents,
  paymentDueBy: payments.checkoutExpiresAt,
}

function selectBookings(db: Db) {
  return db
    .select(bookingColumns)
    .from(speeddateBookings)
    .innerJoin(speeddateSlots, eq(speeddateSlots.id, speeddateBookings.slotId))
    .innerJoin(organisations, eq(organisations.id, speeddateBookings.organisationId))
    .innerJoin(vacancies, eq(vacancies.id, speeddateBookings.vacancyId))
    .leftJoin(receptionLocations, eq(receptionLocations.id, speeddateSlots.receptionLocationId))
    .leftJoin(payments, eq(payments.bookingId, speeddateBookings.id))
}


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
  // One statement: the slot as the employer may see it, its vacancy if it is the employer's and
  // published, and whether someone already holds the slot.
  const [found] = await db
    .select({
      intermediaryOrganisationId: speeddateSlots.intermediaryOrganisationId,
      vacancyIntermediaryOrganisationId: vacancies.intermediaryOrganisationId,
      vacancyId: vacancies.id,
      vacancyTitle: vacancies.title,
      held: sql<boolean>`exists (select 1 from ${speeddateBookings} where ${speeddateBookings.slotId} = ${speeddateSlots.id} and ${inArray(speeddateBookings.status, active)})`,
    })
    .from(speeddateSlots)
    .leftJoin(vacancies, and(eq(vacancies.id, vacancyId), scopeOf(actor).vacancies(), eq(vacancies.status, 'published')))
    .where(and(eq(speeddateSlots.id, slotId), scopeOf(actor).slots()))
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
        await notify(tx, booking!.id, 'requested', 'consultant', options.appUrl)
      }
      return booking!.id
    })
  } catch (error) {
    if (isUniqueViolation(error, 'speeddate_bookings_active_slot_key')) throw new BookingConflictError('errors.slotTaken')
    throw error
  }
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
      .set({ status: to, reason: reason?.trim() || null, updatedAt: new Date(), icsSequence: booking.icsSequence + (to === 'approved' ? 1 : 0) })
      .where(eq(speeddateBookings.id, bookingId))
    await recordEvent(tx, actor, bookingId, decision === 'approve' ? 'approved' : 'declined', booking.status, to, booking.slotId, reason)
    await notify(tx, bookingId, to === 'approved' ? 'approved' : 'declined', 'employer', options.appUrl)
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
    if (!(employer && booking.status === 'awaiting_payment')) await notify(tx, bookingId, 'cancelled', employer ? 'consultant' : 'employer', options.appUrl)
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
      await notify(tx, bookingId, 'rescheduled', employer ? 'consultant' : 'employer', options.appUrl)
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

// Accepting or declining in a calendar app mails the organizer; Werkbrug never sees it.
const CALENDAR_REPLIES =
  'Antwoorden via uw agenda (accepteren, afwijzen) gaan naar de consultant en veranderen niets in Werkbrug: wijzig of annuleer de speeddate in Werkbrug. / Replies from your calendar (accept, decline) go to the consultant and change nothing in Werkbrug: change or cancel the speeddate in Werkbrug.'

/** Who hears of a change: the consultant of the slot, or the people of the employer. */
async function recipients(tx: Db, booking: BookingRow, side: 'employer' | 'consultant') {
  if (side === 'consultant') {
    return tx.select({ name: users.name, email: users.email, locale: users.locale }).from(users).where(and(eq(users.id, booking.consultantUserId), isNull(users.disabledAt)))
  }
  if (booking.requestedByUserId) {
    const requester = await tx
      .select({ name: users.name, email: users.email, locale: users.locale })
      .from(users)
      .where(and(eq(users.id, booking.requestedByUserId), isNull(users.disabledAt)))
    if (requester.length > 0) return requester
  }
  // Booked through the API, or the requester left: the organisation's owners.
  return employerOwners(tx, booking.organisationId)
}

/** Queues the notification for a booking change, with its calendar file, in the same transaction. */
export async function notify(tx: Db, bookingId: string, kind: BookingNoticeKind, side: 'employer' | 'consultant', appUrl: string) {
  const [booking] = await selectBookings(tx).where(eq(speeddateBookings.id, bookingId))
  if (!booking) return
  // The calendar's LOCATION and the email's "where": a reception location with its address, or the employer's site.
  const place = booking.placeName
    ? placeLine({ name: booking.placeName, address: booking.locationAddress, postcode: booking.locationPostcode, municipality: booking.locationMunicipality })
    : (booking.placeAddress ?? '')
  const method = kind === 'cancelled' ? 'CANCEL' : 'REQUEST'
  const withCalendar = kind !== 'declined'
  // The consultant organises the session; the employer's people attend it.
  const [organizer] = await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, booking.consultantUserId))
  const attendees = withCalendar ? await recipients(tx, booking, 'employer') : []
  const ics = withCalendar
    ? speeddateIcs({
        uid: booking.icsUid,
        sequence: booking.icsSequence,
        method,
        status: kind === 'cancelled' ? 'CANCELLED' : booking.status === 'approved' ? 'CONFIRMED' : 'TENTATIVE',
        startsAt: booking.startsAt,
        endsAt: booking.endsAt,
        title: `Speeddate ${booking.employerName} — ${booking.vacancyTitle}`,
        location: place,
        description: `Werkbrug speeddate: ${booking.vacancyTitle}. ${CALENDAR_REPLIES}`,
        organizer: { name: organizer?.name ?? 'Werkbrug', email: organizer?.email ?? 'noreply@werkbrug.invalid' },
        attendees: attendees.map((a) => ({ name: a.name, email: a.email })),
      })
    : null
  for (const recipient of await recipients(tx, booking, side)) {
    await enqueueEmail(tx, {
      template: 'booking-notice',
      to: recipient.email,
      locale: recipient.locale,
      props: {
        kind,
        employer: booking.employerName,
        vacancy: booking.vacancyTitle,
        startsAt: booking.startsAt.toISOString(),
        endsAt: booking.endsAt.toISOString(),
        place,
        arrival: booking.locationArrival,
        contact: booking.locationContact,
        reason: booking.reason,
        url: new URL(`/speeddates/${booking.slotId}`, appUrl).toString(),
      },
      attachments: ics
        ? [{ filename: 'speeddate.ics', contentType: `text/calendar; charset=utf-8; method=${method}`, content: Buffer.from(ics).toString('base64') }]
        : [],
    })
  }
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
      await notify(tx, booking.id, 'cancelled', 'employer', options.appUrl)
    }
    return true
  })
  await settleFollowUps(db, options.stripe ?? null, followUps, options)
  return result
}

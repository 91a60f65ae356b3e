import { and, desc, eq, isNull } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { organisations, receptionLocations, speeddateBookingEvents, speeddateBookings, speeddateProposals, users, vacancies } from '#db/schema'
import { amsterdamLocalToUtc } from '~/lib/dates'
import { FieldValidationError } from '~/lib/errors.server'
import type { FieldErrors } from '~/lib/forms'
import type { Actor } from '~/modules/authorisation'
import { can } from '~/modules/authorisation'
import { scopeOf } from '~/modules/authorisation/index.server'
import { enqueueEmail } from '~/modules/email/index.server'
import { emitBookingEvent, notify } from './booking-notices.server'
import { BookingConflictError, type BookingOptions } from './bookings.server'
import { checkSlotTimes, createSlot } from './slots.server'
import type { ProposalInput } from './speeddates.schema'

/** Proposes up to three times; each must be a real Dutch time, ahead, and at most 8 hours long. */
export async function proposeTimes(db: Db, actor: Actor, input: ProposalInput, options: BookingOptions): Promise<string> {
  const now = options.now ?? new Date()
  const errors: FieldErrors = {}
  const times: { startsAt: string; endsAt: string }[] = []
  for (const n of [1, 2, 3] as const) {
    const startText = input[`time${n}Start`]
    const endText = input[`time${n}End`]
    if (!startText || !endText) continue
    const checked = checkSlotTimes(startText, endText, now)
    if (checked.startError) errors[`time${n}Start`] = checked.startError
    if (checked.endError) errors[`time${n}End`] = checked.endError
    times.push({ startsAt: startText, endsAt: endText })
  }
  const [vacancy] = await db
    .select({ id: vacancies.id, title: vacancies.title, intermediaryOrganisationId: vacancies.intermediaryOrganisationId })
    .from(vacancies)
    .where(and(eq(vacancies.id, input.vacancyId), scopeOf(actor).vacancies(), eq(vacancies.status, 'published')))
  if (!vacancy || !can(actor.role, 'speeddates:book')) errors.vacancyId = { key: 'errors.vacancyNotBookable' }
  if (Object.keys(errors).length > 0) throw new FieldValidationError(errors)

  return db.transaction(async (tx) => {
    const [proposal] = await tx
      .insert(speeddateProposals)
      .values({
        organisationId: actor.organisationId,
        vacancyId: input.vacancyId,
        requestedByUserId: actor.userId,
        times,
        placeKind: input.placeKind,
        receptionLocationId: input.placeKind === 'reception_location' ? input.receptionLocationId : null,
        placeAddress: input.placeKind === 'employer_site' ? input.placeAddress : null,
        note: input.note || null,
      })
      .returning({ id: speeddateProposals.id })
    // No consultant owns a proposal yet: the staff of the vacancy's intermediary hear of it.
    const [employer] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, actor.organisationId))
    const intermediaries = await tx
      .select({ email: users.email, locale: users.locale })
      .from(users)
      .where(and(eq(users.organisationId, vacancy!.intermediaryOrganisationId), isNull(users.disabledAt)))
    const first = times[0]!
    for (const recipient of intermediaries) {
      await enqueueEmail(tx, {
        template: 'booking-notice',
        to: recipient.email,
        locale: recipient.locale,
        props: {
          kind: 'requested',
          employer: employer!.name,
          vacancy: vacancy!.title,
          startsAt: amsterdamLocalToUtc(first.startsAt)!.toISOString(),
          endsAt: amsterdamLocalToUtc(first.endsAt)!.toISOString(),
          place: await placeName(tx, input.receptionLocationId, input.placeAddress),
          reason: null,
          url: new URL('/speeddates', options.appUrl).toString(),
        },
      })
    }
    return proposal!.id
  })
}

async function placeName(db: Db, receptionLocationId: string | null, placeAddress: string | null) {
  if (!receptionLocationId) return placeAddress ?? ''
  const [location] = await db.select({ name: receptionLocations.name }).from(receptionLocations).where(eq(receptionLocations.id, receptionLocationId))
  return location?.name ?? ''
}

export function listProposals(db: Db, actor: Actor) {
  return db
    .select({
      id: speeddateProposals.id,
      employerName: organisations.name,
      vacancyTitle: vacancies.title,
      times: speeddateProposals.times,
      placeKind: speeddateProposals.placeKind,
      place: receptionLocations.name,
      placeAddress: speeddateProposals.placeAddress,
      note: speeddateProposals.note,
      status: speeddateProposals.status,
      reason: speeddateProposals.reason,
      bookingId: speeddateProposals.bookingId,
      createdAt: speeddateProposals.createdAt,
    })
    .from(speeddateProposals)
    .innerJoin(organisations, eq(organisations.id, speeddateProposals.organisationId))
    .innerJoin(vacancies, eq(vacancies.id, speeddateProposals.vacancyId))
    .leftJoin(receptionLocations, eq(receptionLocations.id, speeddateProposals.receptionLocationId))
    .where(scopeOf(actor).proposals())
    .orderBy(desc(speeddateProposals.createdAt))
    .limit(50)
}

async function lockOpenProposal(tx: Db, actor: Actor, id: string) {
  const [proposal] = await tx.select().from(speeddateProposals).where(and(eq(speeddateProposals.id, id), scopeOf(actor).proposals())).for('update')
  if (!proposal) return null
  if (proposal.status !== 'open') throw new BookingConflictError('errors.transitionNotAllowed')
  return proposal
}

/**
 * The intermediary takes one of the proposed times: it becomes the consultant's slot with an
 * approved booking, all in one transaction (the consultant's overlap check included).
 */
export async function acceptProposal(
  db: Db,
  actor: Actor,
  proposalId: string,
  choice: { timeIndex: number; seats: number },
  options: BookingOptions,
): Promise<string | null> {
  if (!can(actor.role, 'speeddates:manage')) return null
  return db.transaction(async (tx) => {
    const proposal = await lockOpenProposal(tx, actor, proposalId)
    if (!proposal) return null
    const time = proposal.times[choice.timeIndex]
    if (!time) throw new FieldValidationError({ timeIndex: { key: 'errors.invalidChoice' } })
    const slotId = await createSlot(
      tx,
      actor,
      {
        startsAt: time.startsAt,
        endsAt: time.endsAt,
        placeKind: proposal.placeKind,
        receptionLocationId: proposal.receptionLocationId,
        placeAddress: proposal.placeAddress,
        seats: choice.seats,
        note: proposal.note,
      },
      options.now,
    )
    const [booking] = await tx
      .insert(speeddateBookings)
      .values({
        slotId,
        organisationId: proposal.organisationId,
        vacancyId: proposal.vacancyId,
        requestedByUserId: proposal.requestedByUserId,
        status: 'approved',
        icsUid: `${crypto.randomUUID()}@werkbrug`,
        icsSequence: 1,
      })
      .returning({ id: speeddateBookings.id })
    await tx.insert(speeddateBookingEvents).values({ bookingId: booking!.id, action: 'approved', toStatus: 'approved', slotId, actorUserId: actor.userId })
    await tx
      .update(speeddateProposals)
      .set({ status: 'accepted', bookingId: booking!.id, decidedByUserId: actor.userId })
      .where(eq(speeddateProposals.id, proposalId))
    await notify(tx, booking!.id, { employer: 'approved' }, options.appUrl)
    await emitBookingEvent(tx, booking!.id, 'booking.approved')
    return slotId
  })
}

export async function declineProposal(db: Db, actor: Actor, proposalId: string, reason: string, options: BookingOptions): Promise<boolean> {
  if (!can(actor.role, 'speeddates:manage')) return false
  if (!reason.trim()) throw new FieldValidationError({ reason: { key: 'errors.required' } })
  return db.transaction(async (tx) => {
    const proposal = await lockOpenProposal(tx, actor, proposalId)
    if (!proposal) return false
    await tx
      .update(speeddateProposals)
      .set({ status: 'declined', reason: reason.trim(), decidedByUserId: actor.userId })
      .where(eq(speeddateProposals.id, proposalId))
    const [details] = await tx
      .select({ employer: organisations.name, vacancy: vacancies.title })
      .from(vacancies)
      .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
      .where(eq(vacancies.id, proposal.vacancyId))
    const recipients = await tx
      .select({ email: users.email, locale: users.locale })
      .from(users)
      .where(
        and(
          proposal.requestedByUserId ? eq(users.id, proposal.requestedByUserId) : eq(users.role, 'employer_owner'),
          eq(users.organisationId, proposal.organisationId),
          isNull(users.disabledAt),
        ),
      )
    const first = proposal.times[0]!
    for (const recipient of recipients) {
      await enqueueEmail(tx, {
        template: 'booking-notice',
        to: recipient.email,
        locale: recipient.locale,
        props: {
          kind: 'declined',
          employer: details!.employer,
          vacancy: details!.vacancy,
          startsAt: amsterdamLocalToUtc(first.startsAt)!.toISOString(),
          endsAt: amsterdamLocalToUtc(first.endsAt)!.toISOString(),
          place: await placeName(tx, proposal.receptionLocationId, proposal.placeAddress),
          reason: reason.trim(),
          url: new URL('/speeddates', options.appUrl).toString(),
        },
      })
    }
    return true
  })
}

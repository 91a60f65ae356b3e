import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { speeddateBookings, users } from '#db/schema'
import type { BookingNoticeKind, CalendarState } from '#emails/booking-notice'
import type { Locale } from '~/lib/i18n'
import { employerOwners } from '~/modules/accounts/index.server'
import { enqueueEmail } from '~/modules/email/index.server'
import { emitWebhookEvent } from '~/modules/webhooks/index.server'
import { selectBookings, sessionPlace } from './booking-queries.server'
import { speeddateIcs } from './ics.server'

type Side = 'employer' | 'consultant'
/** What each side is told about a change; a side left out only gets its calendar brought up to date. */
export type BookingNotices = Partial<Record<Side, BookingNoticeKind>>
type Person = { id: string; name: string; email: string; locale: Locale }

// Accepting or declining in a calendar app mails the organizer; Werkbrug never sees it.
const CALENDAR_REPLIES =
  'Antwoorden via uw agenda (accepteren, afwijzen) gaan naar de consultant en veranderen niets in Werkbrug: wijzig of annuleer de speeddate in Werkbrug. / Replies from your calendar (accept, decline) go to the consultant and change nothing in Werkbrug: change or cancel the speeddate in Werkbrug.'

const person = { id: users.id, name: users.name, email: users.email, locale: users.locale }

/** The employer's people for a booking: who asked for it, or (booked through the API, or that person left) the owners. */
async function employerPeople(tx: Db, booking: { requestedByUserId: string | null; organisationId: string }): Promise<Person[]> {
  if (booking.requestedByUserId) {
    const requester = await tx.select(person).from(users).where(and(eq(users.id, booking.requestedByUserId), isNull(users.disabledAt)))
    if (requester.length > 0) return requester
  }
  return employerOwners(tx, booking.organisationId)
}

/**
 * Queues the emails for a booking change, with their calendar files, in the same transaction.
 *
 * The told sides get the notice. Beside that, every person who was ever sent the event keeps a
 * calendar that matches the booking: whoever holds it and is not told gets a short calendar
 * update (the consultant who declined, the employer who cancelled), and when the booking ends
 * every holder gets the cancellation — same UID, higher SEQUENCE. The consultant holds the event
 * from the request on (tentative), the employer's people from the approval on.
 */
export async function notify(tx: Db, bookingId: string, told: BookingNotices, appUrl: string) {
  const [booking] = await selectBookings(tx).where(eq(speeddateBookings.id, bookingId))
  if (!booking) return
  const [{ holders: previous } = { holders: [] as string[] }] = await tx
    .select({ holders: speeddateBookings.calendarHolderUserIds })
    .from(speeddateBookings)
    .where(eq(speeddateBookings.id, bookingId))
  const [organizer] = await tx.select({ ...person, disabledAt: users.disabledAt }).from(users).where(eq(users.id, booking.consultantUserId))
  const consultant = organizer && !organizer.disabledAt ? organizer : undefined
  const attendees = await employerPeople(tx, booking)
  const live = booking.status === 'requested' || booking.status === 'approved'
  const holders = new Set(live ? previous : [])
  if (live && consultant) holders.add(consultant.id)
  if (booking.status === 'approved') for (const a of attendees) holders.add(a.id)

  // The calendar's LOCATION and the email's "where": a reception location with its address, or the employer's site.
  const place = sessionPlace(booking)
  const state: CalendarState = !live ? 'CANCELLED' : booking.status === 'approved' ? 'CONFIRMED' : 'TENTATIVE'
  const calendarFor = (userId: string) => {
    const method = holders.has(userId) ? 'REQUEST' : previous.includes(userId) ? 'CANCEL' : null
    if (!method) return []
    const ics = speeddateIcs({
      uid: booking.icsUid,
      sequence: booking.icsSequence,
      method,
      status: method === 'CANCEL' ? 'CANCELLED' : state,
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      title: `Speeddate ${booking.employerName} — ${booking.vacancyTitle}`,
      location: place,
      description: `Werkbrug speeddate: ${booking.vacancyTitle}. ${CALENDAR_REPLIES}`,
      // The consultant organises the session; the employer's people attend it.
      organizer: { name: organizer?.name ?? 'Werkbrug', email: organizer?.email ?? 'noreply@werkbrug.invalid' },
      attendees: attendees.map((a) => ({ name: a.name, email: a.email })),
    })
    return [{ filename: 'speeddate.ics', contentType: `text/calendar; charset=utf-8; method=${method}`, content: Buffer.from(ics).toString('base64') }]
  }
  const props = {
    employer: booking.employerName,
    vacancy: booking.vacancyTitle,
    startsAt: booking.startsAt.toISOString(),
    endsAt: booking.endsAt.toISOString(),
    place,
    arrival: booking.locationArrival,
    contact: booking.locationContact,
    reason: booking.reason,
    url: new URL(`/speeddates/${booking.slotId}`, appUrl).toString(),
  }

  const reached = new Set<string>()
  for (const side of ['employer', 'consultant'] as const) {
    const kind = told[side]
    if (!kind) continue
    for (const recipient of side === 'consultant' ? (consultant ? [consultant] : []) : attendees) {
      reached.add(recipient.id)
      await enqueueEmail(tx, { template: 'booking-notice', to: recipient.email, locale: recipient.locale, props: { kind, ...props }, attachments: calendarFor(recipient.id) })
    }
  }
  // A reminder changes nothing in anyone's calendar.
  const changed = Object.values(told).some((kind) => kind !== 'reminder')
  const others = changed ? [...new Set([...previous, ...holders])].filter((id) => !reached.has(id)) : []
  if (others.length > 0) {
    const people = await tx.select(person).from(users).where(and(inArray(users.id, others), isNull(users.disabledAt)))
    for (const holder of people) {
      await enqueueEmail(tx, {
        template: 'booking-notice',
        to: holder.email,
        locale: holder.locale,
        props: { kind: 'calendar', calendar: holders.has(holder.id) ? state : 'CANCELLED', ...props },
        attachments: calendarFor(holder.id),
      })
    }
  }
  await tx
    .update(speeddateBookings)
    .set({ calendarHolderUserIds: [...holders] })
    .where(eq(speeddateBookings.id, bookingId))
}

type BookingEventType = 'booking.requested' | 'booking.approved' | 'booking.declined' | 'booking.cancelled' | 'booking.moved' | 'booking.expired'

/** Tells the employer's own systems (webhooks) of a booking change, in the change's transaction. */
export async function emitBookingEvent(tx: Db, bookingId: string, type: BookingEventType) {
  const [booking] = await selectBookings(tx).where(eq(speeddateBookings.id, bookingId))
  if (!booking) return
  await emitWebhookEvent(tx, booking.organisationId, type, {
    bookingId: booking.id,
    vacancyId: booking.vacancyId,
    slotId: booking.slotId,
    status: booking.status,
    startsAt: booking.startsAt.toISOString(),
    endsAt: booking.endsAt.toISOString(),
    reason: booking.reason,
  })
}

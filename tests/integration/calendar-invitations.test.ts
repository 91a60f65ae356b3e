import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../app/modules/authorisation/actor'
import { bookSlot, cancelBooking, cancelSlot, decideBooking, rescheduleBooking } from '../../app/modules/speeddates/bookings.server'
import { createSlot } from '../../app/modules/speeddates/slots.server'
import { slotCreateSchema } from '../../app/modules/speeddates/speeddates.schema'
import { parseWithSchema } from '../../app/lib/forms'
import { apiClient } from '../support/api'
import { createEmployerWithApiKey, createPublishedVacancy, createStaff, localInDays } from '../support/factories'
import { startTestApp, type TestApp } from '../support/app'

/**
 * Every booking flow, every person: each email's calendar file is read with a real parser
 * (Mozilla's ical.js) and applied to that person's calendar as a client does (RFC 5546: a REQUEST
 * with a SEQUENCE at least the stored one replaces the event, a CANCEL removes it). After every
 * step the calendars must match the booking.
 */

let app: TestApp
let staff: Awaited<ReturnType<typeof createStaff>>
let consultant: Actor
let location: string
let hour = 6
const options = () => ({ appUrl: app.url })

beforeAll(async () => {
  app = await startTestApp()
  staff = await createStaff(app.database.db)
  consultant = { userId: staff.intermediary.id, organisationId: staff.organisation.id, role: 'intermediary' }
  const [row] = await app.database.query<{ id: string }>('select id from reception_locations order by name limit 1')
  location = row!.id
})
afterAll(() => app.close())

async function newSlot() {
  hour++
  const input = parseWithSchema(slotCreateSchema, {
    startsAt: localInDays(12 + Math.floor(hour / 20), hour % 20),
    endsAt: localInDays(12 + Math.floor(hour / 20), (hour % 20) + 1),
    placeKind: 'reception_location',
    receptionLocationId: location,
    seats: '6',
  })
  if (!input.success) throw new Error(JSON.stringify(input.fieldErrors))
  return createSlot(app.database.db, consultant, input.data)
}

type Event = { sequence: number; status: string; start: number; end: number }
type Calendar = Map<string, Event>

/** The people's calendars, fed with every calendar file queued since the flow began. */
class Calendars {
  private readonly byAddress = new Map<string, Calendar>()
  private readonly received = new Map<string, number[]>()
  private lastOutboxId = 0

  async catchUp(uid: string) {
    const rows = await app.database.query<{ id: number; to_address: string; attachments: { contentType: string; content: string }[] }>(
      `select id, to_address, attachments from email_outbox where id > ${this.lastOutboxId} order by id`,
    )
    for (const row of rows) {
      this.lastOutboxId = row.id
      for (const attachment of row.attachments.filter((a) => a.contentType.startsWith('text/calendar'))) {
        const vcalendar = new ICAL.Component(ICAL.parse(Buffer.from(attachment.content, 'base64').toString('utf8')))
        const vevent = vcalendar.getFirstSubcomponent('vevent')!
        if (vevent.getFirstPropertyValue('uid') !== uid) continue
        const method = String(vcalendar.getFirstPropertyValue('method'))
        expect(attachment.contentType).toContain(`method=${method}`)
        const event: Event = {
          sequence: Number(vevent.getFirstPropertyValue('sequence')),
          status: String(vevent.getFirstPropertyValue('status')),
          start: (vevent.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().getTime(),
          end: (vevent.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().getTime(),
        }
        // RFC 5546 asks both of a REQUEST and a CANCEL.
        expect(String(vevent.getFirstPropertyValue('organizer')).toLowerCase()).toBe(`mailto:${staff.intermediary.email}`)
        expect(vevent.getAllProperties('attendee').length).toBeGreaterThan(0)
        const sequences = this.received.get(row.to_address) ?? []
        expect(event.sequence).toBeGreaterThanOrEqual(sequences.at(-1) ?? 0)
        this.received.set(row.to_address, [...sequences, event.sequence])
        const calendar = this.byAddress.get(row.to_address) ?? new Map<string, Event>()
        this.byAddress.set(row.to_address, calendar)
        const stored = calendar.get(uid)
        if (stored && event.sequence < stored.sequence) continue
        if (method === 'CANCEL') calendar.delete(uid)
        else if (method === 'REQUEST') calendar.set(uid, event)
        else throw new Error(`unexpected METHOD ${method}`)
      }
    }
  }

  /** What the person's calendar shows for the booking, or undefined. */
  of(address: string, uid: string) {
    return this.byAddress.get(address)?.get(uid)
  }

  everReceived(address: string) {
    return this.received.has(address)
  }
}

/** Checks every person's calendar against the booking as it is now in the database. */
async function expectCalendarsMatch(calendars: Calendars, bookingId: string, employerAddresses: string[]) {
  const [booking] = await app.database.query<{ status: string; ics_uid: string; starts_at: Date; ends_at: Date }>(
    `select b.status, b.ics_uid, s.starts_at, s.ends_at from speeddate_bookings b join speeddate_slots s on s.id = b.slot_id where b.id = '${bookingId}'`,
  )
  await calendars.catchUp(booking!.ics_uid)
  const live = booking!.status === 'requested' || booking!.status === 'approved'
  const expected = booking!.status === 'approved' ? 'CONFIRMED' : 'TENTATIVE'
  const matches = (event: Event | undefined) => {
    expect(event, `${booking!.status}`).toBeDefined()
    expect(event!.status).toBe(expected)
    expect(event!.start).toBe(new Date(booking!.starts_at).getTime())
    expect(event!.end).toBe(new Date(booking!.ends_at).getTime())
  }
  const uid = booking!.ics_uid
  if (live) {
    matches(calendars.of(staff.intermediary.email, uid))
    for (const address of employerAddresses) {
      // The employer's people hold the event from its approval on; before that they may not have it.
      if (booking!.status === 'approved' || calendars.of(address, uid)) matches(calendars.of(address, uid))
    }
  } else {
    for (const address of [staff.intermediary.email, ...employerAddresses]) expect(calendars.of(address, uid), `${address} after ${booking!.status}`).toBeUndefined()
  }
}

async function bookThroughApi(employer: Awaited<ReturnType<typeof createEmployerWithApiKey>>, slot: string) {
  const vacancy = await createPublishedVacancy(app.database.db, employer.organisation.id)
  const created = await apiClient(app.url, employer.apiKey).post(`/api/v1/speeddate-slots/${slot}/bookings`, { vacancyId: vacancy })
  expect(created.status).toBe(201)
  return created.json.id as string
}

function ownerActor(employer: Awaited<ReturnType<typeof createEmployerWithApiKey>>): Actor {
  return { userId: employer.owner.id, organisationId: employer.organisation.id, role: 'employer_owner' }
}

describe('calendar invitations stay right for every party', () => {
  it('request, approval, a move by the consultant and a cancellation by the employer through the API', async () => {
    const calendars = new Calendars()
    const employer = await createEmployerWithApiKey(app.database.db)
    // Booked through the API: the owners are the employer's people.
    const people = [employer.owner.email]
    const [first, second] = [await newSlot(), await newSlot()]
    const booking = await bookThroughApi(employer, first)
    await expectCalendarsMatch(calendars, booking, people)
    expect(calendars.everReceived(staff.intermediary.email)).toBe(true)
    await decideBooking(app.database.db, consultant, booking, 'approve', undefined, options())
    await expectCalendarsMatch(calendars, booking, people)
    await rescheduleBooking(app.database.db, consultant, booking, second, options())
    await expectCalendarsMatch(calendars, booking, people)
    const cancelled = await apiClient(app.url, employer.apiKey).post(`/api/v1/bookings/${booking}/cancel`)
    expect(cancelled.json.status).toBe('cancelled')
    await expectCalendarsMatch(calendars, booking, people)
    // The employer's own calendar lost the confirmed event, not only the consultant's.
    expect(calendars.everReceived(employer.owner.email)).toBe(true)
  })

  it('a request the consultant declines leaves no tentative event behind', async () => {
    const calendars = new Calendars()
    const employer = await createEmployerWithApiKey(app.database.db)
    const booking = await bookThroughApi(employer, await newSlot())
    await expectCalendarsMatch(calendars, booking, [employer.owner.email])
    await decideBooking(app.database.db, consultant, booking, 'decline', 'Vol', options())
    await expectCalendarsMatch(calendars, booking, [employer.owner.email])
  })

  it("an employer's move goes back for approval, and withdrawing the slot cancels it everywhere", async () => {
    const calendars = new Calendars()
    const employer = await createEmployerWithApiKey(app.database.db)
    const people = [employer.owner.email]
    const [first, second] = [await newSlot(), await newSlot()]
    const booking = await bookThroughApi(employer, first)
    await decideBooking(app.database.db, consultant, booking, 'approve', undefined, options())
    await expectCalendarsMatch(calendars, booking, people)
    await rescheduleBooking(app.database.db, ownerActor(employer), booking, second, options())
    // Back to tentative, at the new time, for both sides.
    expect(calendars.of(employer.owner.email, await uidOf(booking))).toBeDefined()
    await expectCalendarsMatch(calendars, booking, people)
    await decideBooking(app.database.db, consultant, booking, 'approve', undefined, options())
    await expectCalendarsMatch(calendars, booking, people)
    expect(await cancelSlot(app.database.db, consultant, second, 'Locatie gesloten', options())).toBe(true)
    await expectCalendarsMatch(calendars, booking, people)
  })

  it('an employer withdrawing its request, and a consultant cancelling an approved one', async () => {
    const employer = await createEmployerWithApiKey(app.database.db)
    const people = [employer.owner.email]
    const withdrawn = new Calendars()
    const a = await bookThroughApi(employer, await newSlot())
    await cancelBooking(app.database.db, ownerActor(employer), a, undefined, options())
    await expectCalendarsMatch(withdrawn, a, people)
    const cancelled = new Calendars()
    const b = await bookSlot(app.database.db, ownerActor(employer), await newSlot(), await createPublishedVacancy(app.database.db, employer.organisation.id), options())
    await decideBooking(app.database.db, consultant, b!, 'approve', undefined, options())
    await cancelBooking(app.database.db, consultant, b!, 'Ziekte', options())
    await expectCalendarsMatch(cancelled, b!, people)
    expect(cancelled.everReceived(staff.intermediary.email)).toBe(true)
  })
})

async function uidOf(bookingId: string) {
  const [row] = await app.database.query<{ ics_uid: string }>(`select ics_uid from speeddate_bookings where id = '${bookingId}'`)
  return row!.ics_uid
}

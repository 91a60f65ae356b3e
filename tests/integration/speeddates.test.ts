import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../app/modules/authorisation/actor'
import { bookSlot, cancelBooking, cancelSlot, decideBooking, rescheduleBooking } from '../../app/modules/speeddates/bookings.server'
import { assignSeat, createCandidate } from '../../app/modules/speeddates/seats.server'
import { createSlot } from '../../app/modules/speeddates/slots.server'
import { slotCreateSchema } from '../../app/modules/speeddates/speeddates.schema'
import { dispatchDueEmails } from '../../app/modules/email/dispatcher.server'
import { createEmailTransport } from '../../app/modules/email/transport.server'
import { parseWithSchema } from '../../app/lib/forms'
import { apiClient } from '../support/api'
import { countRows } from '../support/db'
import { createEmployer, createEmployerWithApiKey, createPublishedVacancy, createStaff, localInDays } from '../support/factories'
import { startSmtpServer } from '../support/smtp'
import { startTestApp, type TestApp } from '../support/app'

let app: TestApp
let staff: Awaited<ReturnType<typeof createStaff>>
let consultant: Actor
let location: string
const options = () => ({ appUrl: app.url })
let hour = 6

beforeAll(async () => {
  app = await startTestApp()
  staff = await createStaff(app.database.db)
  consultant = { userId: staff.intermediary.id, organisationId: staff.organisation.id, role: 'intermediary' }
  const [row] = await app.database.query<{ id: string }>('select id from reception_locations order by name limit 1')
  location = row!.id
})
afterAll(() => app.close())

/** A fresh slot for the consultant; each gets its own hour so none overlap. */
async function newSlot(seats = 8, day = 10) {
  hour++
  const input = parseWithSchema(slotCreateSchema, {
    startsAt: localInDays(day + Math.floor(hour / 20), hour % 20),
    endsAt: localInDays(day + Math.floor(hour / 20), (hour % 20) + 1),
    placeKind: 'reception_location',
    receptionLocationId: location,
    seats: String(seats),
  })
  if (!input.success) throw new Error(JSON.stringify(input.fieldErrors))
  return createSlot(app.database.db, consultant, input.data)
}

function employerActor(employer: Awaited<ReturnType<typeof createEmployer>>): Actor {
  return { userId: employer.owner.id, organisationId: employer.organisation.id, role: 'employer_owner' }
}

describe('booking a slot under contention', () => {
  it('gives 200 simultaneous employers exactly one requested booking; the rest get 409 problem+json', async () => {
    const slotId = await newSlot()
    const employers = await Promise.all(
      Array.from({ length: 200 }, async () => {
        const employer = await createEmployerWithApiKey(app.database.db)
        return { key: employer.apiKey, vacancyId: await createPublishedVacancy(app.database.db, employer.organisation.id) }
      }),
    )
    const responses = await Promise.all(
      employers.map((e) => apiClient(app.url, e.key).post(`/api/v1/speeddate-slots/${slotId}/bookings`, { vacancyId: e.vacancyId })),
    )
    const statuses = responses.map((r) => r.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(1)
    expect(statuses.filter((s) => s === 409)).toHaveLength(199)
    const conflict = responses.find((r) => r.status === 409)!
    expect(conflict.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(conflict.json).toMatchObject({ status: 409, detail: 'Dit moment is al door een andere werkgever aangevraagd of geboekt.' })
    const [row] = await app.database.query<{ n: number }>(`select count(*)::int as n from speeddate_bookings where slot_id = '${slotId}'`)
    expect(row!.n).toBe(1)
  })

  it('fills a 10-seat slot with exactly 10 of 100 simultaneous assignments', async () => {
    const slotId = await newSlot(10)
    const candidateIds = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        createCandidate(app.database.db, consultant, { referenceCode: `C-${hour}-${i}`, firstName: `Kandidaat ${i}`, languages: 'Engels', experience: '' }),
      ),
    )
    const results = await Promise.allSettled(candidateIds.map((id) => assignSeat(app.database.db, consultant, slotId, id)))
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10)
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    expect(refused).toHaveLength(90)
    expect(refused.every((r) => (r.reason as { key?: string }).key === 'errors.slotFull')).toBe(true)
    const [row] = await app.database.query<{ n: number }>(`select count(*)::int as n from speeddate_seats where slot_id = '${slotId}'`)
    expect(row!.n).toBe(10)
  })
})

describe('refused input changes nothing', () => {
  const slotTables = ['speeddate_slots']
  const bookingTables = ['speeddate_bookings', 'speeddate_booking_events', 'email_outbox']

  it.each([
    ['an end before the start', { startsAt: localInDays(20, 11), endsAt: localInDays(20, 10) }, 'endsAt', 'errors.endBeforeStart'],
    ['a slot in the past', { startsAt: '2024-05-01T10:00', endsAt: '2024-05-01T11:00' }, 'startsAt', 'errors.slotInPast'],
    ['0 seats', { seats: '0' }, 'seats', 'errors.seatsRange'],
    ['500 seats', { seats: '500' }, 'seats', 'errors.seatsRange'],
    ['a time skipped by daylight saving', { startsAt: '2027-03-28T02:30', endsAt: '2027-03-28T04:00' }, 'startsAt', 'errors.timeDoesNotExist'],
  ])('refuses a slot with %s', async (_name, override, field, key) => {
    const before = await countRows(app.database, slotTables)
    const form = { startsAt: localInDays(21, 10), endsAt: localInDays(21, 11), placeKind: 'reception_location', receptionLocationId: location, seats: '6', ...override }
    const parsed = parseWithSchema(slotCreateSchema, form)
    const error = parsed.success
      ? await createSlot(app.database.db, consultant, parsed.data).then(() => null, (e: { fieldErrors: Record<string, { key: string }> }) => e.fieldErrors)
      : parsed.fieldErrors
    expect(error?.[field]?.key).toBe(key)
    expect(await countRows(app.database, slotTables)).toEqual(before)
  })

  it('refuses an overlapping slot for the same consultant', async () => {
    const input = parseWithSchema(slotCreateSchema, { startsAt: localInDays(30, 10), endsAt: localInDays(30, 12), placeKind: 'reception_location', receptionLocationId: location, seats: '6' })
    if (!input.success) throw new Error('fixture')
    await createSlot(app.database.db, consultant, input.data)
    const overlapping = { ...input.data, startsAt: localInDays(30, 11), endsAt: localInDays(30, 13) }
    const before = await countRows(app.database, slotTables)
    await expect(createSlot(app.database.db, consultant, overlapping)).rejects.toMatchObject({ fieldErrors: { startsAt: { key: 'errors.slotOverlaps' } } })
    expect(await countRows(app.database, slotTables)).toEqual(before)
  })

  it('refuses booking a taken, cancelled, declined or past slot, or with another organisation’s vacancy', async () => {
    const a = await createEmployer(app.database.db)
    const b = await createEmployer(app.database.db)
    const vacancyA = await createPublishedVacancy(app.database.db, a.organisation.id)
    const vacancyB = await createPublishedVacancy(app.database.db, b.organisation.id)
    const slot = await newSlot()

    let before = await countRows(app.database, bookingTables)
    await expect(bookSlot(app.database.db, employerActor(a), slot, vacancyB, options())).rejects.toMatchObject({ fieldErrors: { vacancyId: { key: 'errors.vacancyNotBookable' } } })
    expect(await countRows(app.database, bookingTables)).toEqual(before)

    const booking = await bookSlot(app.database.db, employerActor(a), slot, vacancyA, options())
    before = await countRows(app.database, bookingTables)
    await expect(bookSlot(app.database.db, employerActor(b), slot, vacancyB, options())).rejects.toMatchObject({ key: 'errors.slotTaken' })
    expect(await countRows(app.database, bookingTables)).toEqual(before)

    await decideBooking(app.database.db, consultant, booking!, 'decline', 'Deze week vol', options())
    before = await countRows(app.database, bookingTables)
    await expect(bookSlot(app.database.db, employerActor(a), slot, vacancyA, options())).rejects.toMatchObject({ key: 'errors.slotDeclinedForYou' })
    await expect(decideBooking(app.database.db, consultant, booking!, 'approve', undefined, options())).rejects.toMatchObject({ key: 'errors.transitionNotAllowed' })
    expect(await countRows(app.database, bookingTables)).toEqual(before)

    const cancelled = await newSlot()
    await cancelSlot(app.database.db, consultant, cancelled, 'Locatie niet beschikbaar', options())
    before = await countRows(app.database, bookingTables)
    await expect(bookSlot(app.database.db, employerActor(b), cancelled, vacancyB, options())).rejects.toMatchObject({ key: 'errors.slotNotBookable' })
    const past = await newSlot()
    await app.database.query(`update speeddate_slots set starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' where id = '${past}'`)
    await expect(bookSlot(app.database.db, employerActor(b), past, vacancyB, options())).rejects.toMatchObject({ key: 'errors.slotNotBookable' })
    expect(await countRows(app.database, bookingTables)).toEqual(before)
  })

  it('refuses approving twice with 409', async () => {
    const a = await createEmployer(app.database.db)
    const slot = await newSlot()
    const booking = await bookSlot(app.database.db, employerActor(a), slot, await createPublishedVacancy(app.database.db, a.organisation.id), options())
    await decideBooking(app.database.db, consultant, booking!, 'approve', undefined, options())
    const before = await countRows(app.database, bookingTables)
    await expect(decideBooking(app.database.db, consultant, booking!, 'approve', undefined, options())).rejects.toMatchObject({ key: 'errors.transitionNotAllowed' })
    expect(await countRows(app.database, bookingTables)).toEqual(before)
  })

  it("hides one employer's booking from another in the API", async () => {
    const a = await createEmployerWithApiKey(app.database.db)
    const b = await createEmployerWithApiKey(app.database.db)
    const slot = await newSlot()
    const created = await apiClient(app.url, a.apiKey).post(`/api/v1/speeddate-slots/${slot}/bookings`, { vacancyId: await createPublishedVacancy(app.database.db, a.organisation.id) })
    expect(created.status).toBe(201)
    const id = created.json.id as string
    expect((await apiClient(app.url, b.apiKey).get(`/api/v1/bookings/${id}`)).status).toBe(404)
    expect((await apiClient(app.url, b.apiKey).post(`/api/v1/bookings/${id}/cancel`)).status).toBe(404)
    expect((await apiClient(app.url, a.apiKey).get(`/api/v1/bookings/${id}`)).json.status).toBe('requested')
    const free = await apiClient(app.url, b.apiKey).get('/api/v1/speeddate-slots')
    expect((free.json.data as { id: string }[]).map((s) => s.id)).not.toContain(slot)
    const cancelled = await apiClient(app.url, a.apiKey).post(`/api/v1/bookings/${id}/cancel`)
    expect(cancelled.json.status).toBe('cancelled')
    const again = await apiClient(app.url, b.apiKey).get('/api/v1/speeddate-slots')
    expect((again.json.data as { id: string }[]).map((s) => s.id)).toContain(slot)
  })
})

describe('notifications with calendar files', () => {
  it('sends approve, reschedule and cancel over SMTP with one UID, rising SEQUENCE and right times across DST', async () => {
    const smtp = await startSmtpServer()
    try {
      const employer = await createEmployer(app.database.db)
      const vacancy = await createPublishedVacancy(app.database.db, employer.organisation.id, 'Orderpicker')
      const slot = (startsAt: string, endsAt: string) => {
        const parsed = parseWithSchema(slotCreateSchema, { startsAt, endsAt, placeKind: 'reception_location', receptionLocationId: location, seats: '5' })
        if (!parsed.success) throw new Error('fixture')
        return createSlot(app.database.db, consultant, parsed.data)
      }
      // Around the next spring clock change (last Sunday of March): Friday before, Monday after.
      const change = nextSpringForward()
      const friday = shiftDay(change, -2)
      const monday = shiftDay(change, 1)
      const winter = await slot(`${friday}T10:00`, `${friday}T11:30`)
      const summer = await slot(`${monday}T10:00`, `${monday}T11:30`)
      const booking = await bookSlot(app.database.db, employerActor(employer), winter, vacancy, options())
      await decideBooking(app.database.db, consultant, booking!, 'approve', undefined, options())
      await rescheduleBooking(app.database.db, consultant, booking!, summer, options())
      await cancelBooking(app.database.db, consultant, booking!, 'Ziekte', options())

      const transport = createEmailTransport({ smtpUrl: smtp.url, from: 'Werkbrug <no-reply@werkbrug.example>' })
      await dispatchDueEmails(app.database.db, transport, { log: () => {} })
      transport.close()

      const consultantMail = smtp.received.filter((m) => m.to.includes(staff.intermediary.email))
      expect(consultantMail.some((m) => m.subject.startsWith('Speeddate aangevraagd door'))).toBe(true)
      const employerMail = smtp.received.filter((m) => m.to.includes(employer.owner.email))
      expect(employerMail.map((m) => m.subject)).toEqual([
        expect.stringMatching(/^Speeddate bevestigd op (ma|di|wo|do|vr|za|zo) \d+ mrt \d{4}, 10:00$/),
        expect.stringMatching(/^Speeddate verplaatst naar (ma|di|wo|do|vr|za|zo) \d+ mrt \d{4}, 10:00$/),
        expect.stringMatching(/^Speeddate op (ma|di|wo|do|vr|za|zo) \d+ mrt \d{4}, 10:00 geannuleerd$/),
      ])
      const calendars = employerMail.map((m) => m.ics!)
      const field = (ics: string, name: string) => ics.match(new RegExp(`^${name}:(.*)$`, 'm'))?.[1]?.trim()
      // 10:00 in Amsterdam is 09:00 UTC in winter time and 08:00 UTC in summer time.
      expect(field(calendars[0]!, 'DTSTART')).toBe(`${friday.replace(/-/g, '')}T090000Z`)
      expect(field(calendars[1]!, 'DTSTART')).toBe(`${monday.replace(/-/g, '')}T080000Z`)
      expect(field(calendars[1]!, 'DTEND')).toBe(`${monday.replace(/-/g, '')}T093000Z`)
      expect(new Set(calendars.map((c) => field(c, 'UID'))).size).toBe(1)
      expect(calendars.map((c) => Number(field(c, 'SEQUENCE')))).toEqual([1, 2, 3])
      expect(calendars.map((c) => field(c, 'METHOD'))).toEqual(['REQUEST', 'REQUEST', 'CANCEL'])
      expect(employerMail[2]!.text).toContain('Ziekte')
      // Mail clients see an invitation: the event as an inline text/calendar part with its METHOD, beside the attachment.
      for (const [index, method] of ['REQUEST', 'REQUEST', 'CANCEL'].entries()) {
        const inline = employerMail[index]!.calendarParts.filter((p) => p.inline)
        expect(inline.map((p) => p.contentType)).toEqual([expect.stringContaining(`method=${method}`)])
        expect(inline[0]!.content).toContain(`METHOD:${method}`)
        expect(employerMail[index]!.calendarParts.some((p) => !p.inline)).toBe(true)
      }
      expect(employerMail.every((m) => m.headers.get('auto-submitted') === 'auto-generated')).toBe(true)
      // The consultant made the changes: its calendar follows with short updates, ending in the cancellation.
      const uid = field(calendars[0]!, 'UID')
      const consultantCalendar = consultantMail.filter((m) => m.ics && field(m.ics, 'UID') === uid).slice(1)
      expect(consultantCalendar.map((m) => m.subject)).toEqual(Array(3).fill(expect.stringMatching(/^Agenda bijgewerkt: speeddate /)))
      expect(consultantCalendar.map((m) => field(m.ics!, 'METHOD'))).toEqual(['REQUEST', 'REQUEST', 'CANCEL'])
      expect(consultantCalendar[2]!.text).toContain('gaat niet door')
    } finally {
      await smtp.close()
    }
  })
})

/** The last Sunday of March still ahead (at least a week away), as YYYY-MM-DD. */
function nextSpringForward(): string {
  const now = new Date()
  for (let year = now.getUTCFullYear(); ; year++) {
    const lastOfMarch = new Date(Date.UTC(year, 2, 31))
    const sunday = new Date(lastOfMarch.getTime() - lastOfMarch.getUTCDay() * 86_400_000)
    if (sunday.getTime() - now.getTime() > 7 * 86_400_000) return sunday.toISOString().slice(0, 10)
  }
}

function shiftDay(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

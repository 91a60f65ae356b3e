import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../app/modules/authorisation/actor'
import { bookSlot, decideBooking } from '../../app/modules/speeddates/bookings.server'
import { countRows } from '../support/db'
import { startTestApp, type TestApp } from '../support/app'
import { createEmployer, createPublishedVacancy, createStaff, TEST_PASSWORD } from '../support/factories'
import { renderQueuedEmails } from '../support/outbox'

/**
 * A reception location carries what a visitor needs — address, arrival, contact, accessibility —
 * to the slot page, the confirmation email and the calendar file's LOCATION; and a session on a
 * weekend or a public holiday says so.
 */
let app: TestApp
let staff: Awaited<ReturnType<typeof createStaff>>
let employer: Awaited<ReturnType<typeof createEmployer>>
let location: { id: string; name: string }

beforeAll(async () => {
  app = await startTestApp()
  staff = await createStaff(app.database.db)
  employer = await createEmployer(app.database.db)
  const [row] = await app.database.query<{ id: string; name: string }>(`select id, name from reception_locations where name = 'Almere Markerkant'`)
  location = row!
})
afterAll(() => app.close())

async function loggedIn(email: string) {
  const browser = app.browser()
  await browser.logIn(email, TEST_PASSWORD)
  return browser
}

const place = (overrides: Record<string, string> = {}) => ({
  intent: 'update',
  placeId: location.id,
  name: location.name,
  municipality: 'Almere',
  address: 'Markerkant 10-03',
  postcode: '1314an',
  arrival: 'Meld u bij de receptie in het hoofdgebouw.',
  contact: 'Receptie, 036 000 0000',
  accessibility: 'Ingang en spreekkamers zijn rolstoeltoegankelijk.',
  ...overrides,
})

describe('reception locations', () => {
  it('refuses a bad postcode beside the field and saves a good one as 1234 AB, field by field in the audit log', async () => {
    const admin = await loggedIn(staff.admin.email)
    const before = await countRows(app.database, ['reception_locations', 'audit_log'])
    const bad = await admin.post('/admin/locations', place({ postcode: '0123 A' }))
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('Vul een postcode in zoals 1311 AB.')
    expect(await countRows(app.database, ['reception_locations', 'audit_log'])).toEqual(before)

    expect((await admin.post('/admin/locations', place())).status).toBe(302)
    const [saved] = await app.database.query<{ postcode: string; arrival: string }>(`select postcode, arrival from reception_locations where id = '${location.id}'`)
    expect(saved!.postcode).toBe('1314 AN')
    const [audit] = await app.database.query<{ details: Record<string, unknown> }>(`select details from audit_log where action = 'place.updated' and subject_id = '${location.id}' order by id desc limit 1`)
    expect(Object.keys(audit!.details).sort()).toEqual(['accessibility', 'address', 'arrival', 'contact', 'postcode'])
    // A second location with the same name is refused.
    const twin = await admin.post('/admin/locations', { ...place(), intent: 'create' })
    expect(twin.status).toBe(400)
    expect(await twin.text()).toContain('Er is al een locatie met deze naam.')
  })

  it('shows the address and arrival on the slot page, in the confirmation and as the calendar LOCATION; a Christmas session is flagged', async () => {
    const consultant: Actor = { userId: staff.intermediary.id, organisationId: staff.organisation.id, role: 'intermediary' }
    const intermediary = await loggedIn(staff.intermediary.email)
    const year = new Date().getUTCFullYear() + 1
    const created = await intermediary.post('/speeddates/new', { startsAt: `${year}-12-25T10:00`, endsAt: `${year}-12-25T11:00`, placeKind: 'reception_location', receptionLocationId: location.id, placeAddress: '', seats: '4', note: '' })
    expect(created.status).toBe(302)
    const slotId = created.headers.get('location')!.match(/\/speeddates\/([0-9a-f-]{36})/)![1]!

    const page = (await (await intermediary.get(`/speeddates/${slotId}`)).text()).replace(/<!-- -->/g, '')
    expect(page).toContain('Markerkant 10-03, 1314 AN Almere')
    expect(page).toContain('Meld u bij de receptie in het hoofdgebouw.')
    expect(page).toContain('Ingang en spreekkamers zijn rolstoeltoegankelijk.')
    expect(page).toContain('Let op: dit valt op Eerste kerstdag, een officiële feestdag.')

    const vacancyId = await createPublishedVacancy(app.database.db, employer.organisation.id, 'Kerstpakketten inpakken')
    const owner: Actor = { userId: employer.owner.id, organisationId: employer.organisation.id, role: 'employer_owner' }
    const bookingId = (await bookSlot(app.database.db, owner, slotId, vacancyId, { appUrl: app.url }))!
    await decideBooking(app.database.db, consultant, bookingId, 'approve', '', { appUrl: app.url })
    await renderQueuedEmails(app.database)
    const [mail] = await app.database.query<{ id: number; text: string; attachments: { content: string }[] }>(
      `select id, text, attachments from email_outbox where to_address = '${employer.owner.email}' and template = 'booking-notice' order by id desc limit 1`,
    )
    expect(mail!.text).toContain('Aankomst: Meld u bij de receptie in het hoofdgebouw.')
    expect(mail!.text).toContain('Contact op de dag: Receptie, 036 000 0000')
    const calendar = new ICAL.Component(ICAL.parse(Buffer.from(mail!.attachments[0]!.content, 'base64').toString('utf8')))
    const event = calendar.getFirstSubcomponent('vevent')!
    expect(event.getFirstPropertyValue('location')).toBe('Almere Markerkant, Markerkant 10-03, 1314 AN Almere')
    // An invitation names its organizer (the consultant) and its attendees (the employer's people).
    expect(String(event.getFirstPropertyValue('organizer')).toLowerCase()).toBe(`mailto:${staff.intermediary.email}`)
    expect(event.getAllProperties('attendee').map((p) => String(p.getFirstValue()).toLowerCase())).toContain(`mailto:${employer.owner.email}`)
    expect(String(event.getFirstPropertyValue('description'))).toContain('veranderen niets in Werkbrug')

    // The demo mailbox shows what went with the email, and hands out the file as it was sent.
    const admin = await loggedIn(staff.admin.email)
    const message = await (await admin.get(`/mailbox/${mail!.id}`)).text()
    expect(message).toContain('speeddate.ics')
    const download = await admin.get(`/mailbox/${mail!.id}/attachments/0`)
    expect(download.status).toBe(200)
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="speeddate.ics"')
    expect(Buffer.from(await download.arrayBuffer()).toString('base64')).toBe(mail!.attachments[0]!.content)
    expect((await admin.get(`/mailbox/${mail!.id}/attachments/1`)).status).toBe(404)
    expect((await (await loggedIn(employer.owner.email)).get(`/mailbox/${mail!.id}/attachments/0`)).status).toBe(403)
  })
})

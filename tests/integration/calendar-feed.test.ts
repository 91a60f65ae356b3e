import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../app/modules/authorisation/actor'
import { bookSlot, cancelBooking, decideBooking } from '../../app/modules/speeddates/bookings.server'
import { createSlot } from '../../app/modules/speeddates/slots.server'
import { slotCreateSchema } from '../../app/modules/speeddates/speeddates.schema'
import { parseWithSchema } from '../../app/lib/forms'
import { countRows } from '../support/db'
import { createEmployer, createPublishedVacancy, createStaff, localInDays, TEST_PASSWORD } from '../support/factories'
import { startTestApp, type TestApp } from '../support/app'

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
    startsAt: localInDays(20, hour % 20),
    endsAt: localInDays(20, (hour % 20) + 1),
    placeKind: 'reception_location',
    receptionLocationId: location,
    seats: '4',
  })
  if (!input.success) throw new Error(JSON.stringify(input.fieldErrors))
  return createSlot(app.database.db, consultant, input.data)
}

async function signedIn(email: string) {
  const browser = app.browser()
  await browser.logIn(email, TEST_PASSWORD)
  return browser
}

/** Opens (or replaces) the person's feed through the settings form; the address is on the answer page only. */
async function openFeed(browser: ReturnType<TestApp['browser']>) {
  const response = await browser.post('/settings/calendar', { intent: 'open' })
  expect(response.status).toBe(200)
  const html = await response.text()
  const address = /data-testid="calendar-feed-address">([^<]+)</.exec(html)?.[1]
  expect(address).toMatch(/^http:\/\/.+\/calendar\/[A-Za-z0-9_-]{43}\.ics$/)
  expect(html).toContain('webcal://')
  return address!
}

/** Fetches the feed as a calendar app does: no cookie, and parses it with ical.js. */
async function subscribe(address: string) {
  const response = await fetch(address)
  if (response.status !== 200) return { status: response.status, events: [] }
  expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
  const calendar = new ICAL.Component(ICAL.parse(await response.text()))
  expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
  const events = calendar.getAllSubcomponents('vevent').map((e) => ({
    uid: String(e.getFirstPropertyValue('uid')),
    status: String(e.getFirstPropertyValue('status')),
    summary: String(e.getFirstPropertyValue('summary')),
    start: (e.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().getTime(),
  }))
  return { status: 200, events }
}

async function uidOf(bookingId: string) {
  const [row] = await app.database.query<{ ics_uid: string }>(`select ics_uid from speeddate_bookings where id = '${bookingId}'`)
  return row!.ics_uid
}

describe('private calendar feeds', () => {
  it("the employer's feed follows its bookings, with the invitations' UIDs, and shows no one else's", async () => {
    const employer = await createEmployer(app.database.db)
    const other = await createEmployer(app.database.db)
    const actor: Actor = { userId: employer.owner.id, organisationId: employer.organisation.id, role: 'employer_owner' }
    const booking = (await bookSlot(app.database.db, actor, await newSlot(), await createPublishedVacancy(app.database.db, employer.organisation.id, 'Heftruckchauffeur'), options()))!
    const othersBooking = (await bookSlot(
      app.database.db,
      { userId: other.owner.id, organisationId: other.organisation.id, role: 'employer_owner' },
      await newSlot(),
      await createPublishedVacancy(app.database.db, other.organisation.id),
      options(),
    ))!
    // The HR member subscribes: the organisation's speeddates, not only the ones it booked itself.
    const member = await signedIn(employer.member.email)
    const address = await openFeed(member)
    let feed = await subscribe(address)
    expect(feed.events.map((e) => [e.uid, e.status])).toEqual([[await uidOf(booking), 'TENTATIVE']])
    expect(feed.events.map((e) => e.uid)).not.toContain(await uidOf(othersBooking))
    await decideBooking(app.database.db, consultant, booking, 'approve', undefined, options())
    feed = await subscribe(address)
    expect(feed.events.map((e) => e.status)).toEqual(['CONFIRMED'])
    expect(feed.events[0]!.summary).toContain('Heftruckchauffeur')
    await cancelBooking(app.database.db, actor, booking, undefined, options())
    expect((await subscribe(address)).events).toEqual([])
    // Shown once: the settings page afterwards says a feed is active, without the address.
    const page = await (await member.get('/settings/calendar')).text()
    expect(page).toContain('data-testid="calendar-feed-status"')
    expect(page).not.toContain(new URL(address).pathname)
  })

  it("the consultant's feed holds the sessions it runs, booked or still free", async () => {
    const employer = await createEmployer(app.database.db)
    const free = await newSlot()
    const booked = await newSlot()
    const booking = (await bookSlot(
      app.database.db,
      { userId: employer.owner.id, organisationId: employer.organisation.id, role: 'employer_owner' },
      booked,
      await createPublishedVacancy(app.database.db, employer.organisation.id),
      options(),
    ))!
    const address = await openFeed(await signedIn(staff.intermediary.email))
    const { events } = await subscribe(address)
    expect(events.map((e) => e.uid)).toContain(`slot-${free}@werkbrug`)
    expect(events.map((e) => e.uid)).toContain(await uidOf(booking))
    expect(events.find((e) => e.uid === `slot-${free}@werkbrug`)!.summary).toBe('Speeddate-tijdvak (nog niet geboekt)')
  })

  it('a new address revokes the old one; stopping revokes it; a disabled person has none', async () => {
    const employer = await createEmployer(app.database.db)
    const browser = await signedIn(employer.owner.email)
    const first = await openFeed(browser)
    expect((await subscribe(first)).status).toBe(200)
    const second = await openFeed(browser)
    expect((await subscribe(first)).status).toBe(404)
    expect((await subscribe(second)).status).toBe(200)
    expect((await browser.post('/settings/calendar', { intent: 'close' })).status).toBe(200)
    expect((await subscribe(second)).status).toBe(404)
    const third = await openFeed(browser)
    await app.database.query(`update users set disabled_at = now() where id = '${employer.owner.id}'`)
    expect((await subscribe(third)).status).toBe(404)
    const audit = await app.database.query<{ action: string }>(`select action from audit_log where subject_id = '${employer.owner.id}' and action like 'calendar_feed.%' order by id`)
    expect(audit.map((a) => a.action)).toEqual(['calendar_feed.opened', 'calendar_feed.replaced', 'calendar_feed.closed', 'calendar_feed.opened'])
  })

  it('the admin has no speeddates to subscribe to, and an unknown intent changes nothing', async () => {
    const admin = await signedIn(staff.admin.email)
    expect((await admin.get('/settings/calendar')).status).toBe(403)
    const employer = await createEmployer(app.database.db)
    const browser = await signedIn(employer.owner.email)
    const before = await countRows(app.database, ['calendar_feeds', 'audit_log'])
    expect((await browser.post('/settings/calendar', { intent: 'everything' })).status).toBe(400)
    expect(await countRows(app.database, ['calendar_feeds', 'audit_log'])).toEqual(before)
  })
})

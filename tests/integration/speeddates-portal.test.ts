import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../app/modules/authorisation/actor'
import { bookSlot, decideBooking } from '../../app/modules/speeddates/bookings.server'
import { sendDueReminders } from '../../app/modules/speeddates/reminders.server'
import { assignSeat, createCandidate, showUpAdvice, suggestedInvites } from '../../app/modules/speeddates/seats.server'
import { createSlot } from '../../app/modules/speeddates/slots.server'
import { amsterdamLocalToUtc } from '../../app/lib/dates'
import { countRows } from '../support/db'
import { createEmployer, createPublishedVacancy, createStaff, localInDays, TEST_PASSWORD } from '../support/factories'
import { startTestApp, type TestApp } from '../support/app'

let app: TestApp
let staff: Awaited<ReturnType<typeof createStaff>>
let consultant: Actor
let location: string
let hourOffset = 0

beforeAll(async () => {
  app = await startTestApp()
  staff = await createStaff(app.database.db)
  consultant = { userId: staff.intermediary.id, organisationId: staff.organisation.id, role: 'intermediary' }
  const [row] = await app.database.query<{ id: string }>('select id from reception_locations order by name limit 1')
  location = row!.id
})
afterAll(() => app.close())

async function loggedIn(email: string) {
  const browser = app.browser()
  await browser.logIn(email, TEST_PASSWORD)
  return browser
}

/** Publishes a slot through the portal form, as the intermediary does. */
async function publishSlot(days = 12) {
  hourOffset++
  const intermediary = await loggedIn(staff.intermediary.email)
  const response = await intermediary.post('/speeddates/new', {
    startsAt: localInDays(days, 6 + hourOffset),
    endsAt: localInDays(days, 7 + hourOffset),
    placeKind: 'reception_location',
    receptionLocationId: location,
    placeAddress: '',
    seats: '4',
    note: '',
  })
  expect(response.status).toBe(302)
  return response.headers.get('location')!.match(/\/speeddates\/([0-9a-f-]{36})/)![1]!
}

describe('speeddates in the portal', () => {
  it('refuses a bad slot beside the field and writes nothing', async () => {
    const intermediary = await loggedIn(staff.intermediary.email)
    const before = await countRows(app.database, ['speeddate_slots'])
    const response = await intermediary.post('/speeddates/new', {
      startsAt: localInDays(12, 11),
      endsAt: localInDays(12, 10),
      placeKind: 'reception_location',
      receptionLocationId: location,
      seats: '500',
    })
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain('Het aantal plaatsen ligt tussen 1 en 50.')
    expect(await countRows(app.database, ['speeddate_slots'])).toEqual(before)
  })

  it('lets an employer request a free slot and hides the held slot from other employers', async () => {
    const slot = await publishSlot()
    const a = await createEmployer(app.database.db)
    const b = await createEmployer(app.database.db)
    const vacancy = await createPublishedVacancy(app.database.db, a.organisation.id, 'Magazijnmedewerker')
    const browserA = await loggedIn(a.owner.email)
    expect(await (await browserA.get('/speeddates')).text()).toContain(slot)
    const request = await browserA.post('/speeddates', { slotId: slot, vacancyId: vacancy })
    expect(request.status).toBe(302)
    expect(await (await browserA.get(`/speeddates/${slot}`)).text()).toContain('Aangevraagd')

    const browserB = await loggedIn(b.owner.email)
    expect(await (await browserB.get('/speeddates')).text()).not.toContain(slot)
    const taken = await browserB.post('/speeddates', { slotId: slot, vacancyId: await createPublishedVacancy(app.database.db, b.organisation.id) })
    expect(taken.status).toBe(409)
    expect(await taken.text()).toContain('al door een andere werkgever aangevraagd')
    // An employer cannot act for the intermediary.
    const [booking] = await app.database.query<{ id: string }>(`select id from speeddate_bookings where slot_id = '${slot}'`)
    expect((await browserA.post(`/speeddates/${slot}`, { intent: 'approve', bookingId: booking!.id })).status).toBe(403)
    expect((await browserA.get('/speeddates/new')).status).toBe(403)
  })

  it('makes the intermediary give a reason to decline, and the employer sees it', async () => {
    const slot = await publishSlot()
    const a = await createEmployer(app.database.db)
    const browserA = await loggedIn(a.owner.email)
    await browserA.post('/speeddates', { slotId: slot, vacancyId: await createPublishedVacancy(app.database.db, a.organisation.id) })
    const [booking] = await app.database.query<{ id: string }>(`select id from speeddate_bookings where slot_id = '${slot}'`)
    const intermediary = await loggedIn(staff.intermediary.email)
    const noReason = await intermediary.post(`/speeddates/${slot}`, { intent: 'decline', bookingId: booking!.id, declineReason: '' })
    expect(noReason.status).toBe(400)
    expect(await noReason.text()).toContain('id="field-declineReason-error"')
    const declined = await intermediary.post(`/speeddates/${slot}`, { intent: 'decline', bookingId: booking!.id, declineReason: 'Te weinig kandidaten die week' })
    expect(declined.status).toBe(302)
    expect(await (await browserA.get(`/speeddates/${slot}`)).text()).toContain('Te weinig kandidaten die week')
  })

  it('shows the employer how many candidates come and their profiles before, and attendance and outcomes afterwards', async () => {
    const slot = await publishSlot()
    const a = await createEmployer(app.database.db)
    const employer: Actor = { userId: a.owner.id, organisationId: a.organisation.id, role: 'employer_owner' }
    const booking = await bookSlot(app.database.db, employer, slot, await createPublishedVacancy(app.database.db, a.organisation.id), { appUrl: app.url })
    await decideBooking(app.database.db, consultant, booking!, 'approve', undefined, { appUrl: app.url })
    const intermediary = await loggedIn(staff.intermediary.email)
    const seated = await intermediary.post(`/speeddates/${slot}`, { intent: 'candidate', referenceCode: `R-${slot.slice(0, 6)}`, firstName: 'Samir', languages: 'Arabisch, Engels', experience: 'Magazijn' })
    expect(seated.status).toBe(302)

    const browserA = await loggedIn(a.owner.email)
    const before = await (await browserA.get(`/speeddates/${slot}`)).text()
    expect(before).toContain('Verwacht aantal kandidaten: 1')
    // The pseudonymous profile of whom it will meet (issue 16): code, first name, languages, experience.
    expect(before).toContain('Samir')
    expect(before).toContain('Arabisch, Engels')

    // Results can only be recorded once the session has started.
    const [seat] = await app.database.query<{ id: string }>(`select id from speeddate_seats where slot_id = '${slot}'`)
    const early = await intermediary.post(`/speeddates/${slot}`, { intent: 'result', seatId: seat!.id, attendance: 'attended', outcome: 'match' })
    expect(early.status).toBe(409)
    await app.database.query(`update speeddate_slots set starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' where id = '${slot}'`)
    expect((await intermediary.post(`/speeddates/${slot}`, { intent: 'result', seatId: seat!.id, attendance: 'attended', outcome: 'match' })).status).toBe(302)
    const after = await (await browserA.get(`/speeddates/${slot}`)).text()
    expect(after).toContain('Samir')
    expect(after).toContain('Match')
    // A match is a hire in the making, on the booked vacancy.
    const [hire] = await app.database.query<{ n: number }>(`select count(*)::int as n from hires h join speeddate_seats s on s.id = h.seat_id where s.slot_id = '${slot}'`)
    expect(hire!.n).toBe(1)

    const other = await createEmployer(app.database.db)
    expect((await (await loggedIn(other.owner.email)).get(`/speeddates/${slot}`)).status).toBe(404)
  })
})

describe('reminders and show-up advice', () => {
  it('sends the 24-hour reminder once, with the calendar entry', async () => {
    const slot = await publishSlot(5)
    const a = await createEmployer(app.database.db)
    const employer: Actor = { userId: a.owner.id, organisationId: a.organisation.id, role: 'employer_owner' }
    const booking = await bookSlot(app.database.db, employer, slot, await createPublishedVacancy(app.database.db, a.organisation.id), { appUrl: app.url })
    await decideBooking(app.database.db, consultant, booking!, 'approve', undefined, { appUrl: app.url })
    const [startsAt] = await app.database.query<{ starts_at: Date }>(`select starts_at from speeddate_slots where id = '${slot}'`)
    const dayBefore = new Date(new Date(startsAt!.starts_at).getTime() - 20 * 3_600_000)
    expect(await sendDueReminders(app.database.db, app.url, new Date(dayBefore.getTime() - 6 * 3_600_000))).toBe(0)
    expect(await sendDueReminders(app.database.db, app.url, dayBefore)).toBe(1)
    expect(await sendDueReminders(app.database.db, app.url, dayBefore)).toBe(0)
    const [mail] = await app.database.query<{ subject: string; attachments: { filename: string }[] }>(
      `select subject, attachments from email_outbox where to_address = '${a.owner.email}' and subject like 'Herinnering%'`,
    )
    expect(mail!.attachments[0]!.filename).toBe('speeddate.ics')
  })

  it('plans with the pilot’s show-up until there are enough own records', async () => {
    const other = await createStaff(app.database.db)
    const consultant: Actor = { userId: other.intermediary.id, organisationId: other.organisation.id, role: 'intermediary' }
    const advice = await showUpAdvice(app.database.db, consultant, 8)
    expect(advice.source).toBe('pilot')
    expect(advice.invite).toBe(18)
    expect(suggestedInvites(8, 0.8)).toBe(10)
    expect(suggestedInvites(5, 0)).toBe(15)

    const slot = await createSlot(app.database.db, consultant, {
      startsAt: localInDays(3, 9),
      endsAt: localInDays(3, 10),
      placeKind: 'reception_location',
      receptionLocationId: location,
      placeAddress: null,
      seats: 50,
      note: null,
    })
    for (let i = 0; i < 20; i++) {
      const candidate = await createCandidate(app.database.db, consultant, { referenceCode: `S-${i}-${slot.slice(0, 4)}`, firstName: 'K', languages: 'Engels', experience: '' })
      await assignSeat(app.database.db, consultant, slot, candidate)
    }
    await app.database.query(`update speeddate_slots set starts_at = now() - interval '3 hours', ends_at = now() - interval '2 hours' where id = '${slot}'`)
    await app.database.query(`update speeddate_seats set attendance = 'attended' where slot_id = '${slot}'`)
    await app.database.query(`update speeddate_seats set attendance = 'no_show' where id in (select id from speeddate_seats where slot_id = '${slot}' limit 5)`)
    const own = await showUpAdvice(app.database.db, consultant, 6)
    expect(own).toMatchObject({ source: 'own', recorded: 20, attended: 15, rate: 0.75, invite: 8 })
  })
})

describe('employers proposing their own times', () => {
  it('refuses a proposal without a usable time, then lets the intermediary accept the second time', async () => {
    const a = await createEmployer(app.database.db)
    const vacancy = await createPublishedVacancy(app.database.db, a.organisation.id, 'Productiemedewerker')
    const employer = await loggedIn(a.owner.email)
    const base = { intent: 'propose', vacancyId: vacancy, placeKind: 'employer_site', placeAddress: 'Industrieweg 4, Almere', receptionLocationId: '', note: '' }
    const before = await countRows(app.database, ['speeddate_proposals', 'email_outbox'])
    const none = await employer.post('/speeddates', base)
    expect(none.status).toBe(400)
    expect(await none.text()).toContain('id="field-time1Start-error"')
    const past = await employer.post('/speeddates', { ...base, time1Start: '2024-01-10T10:00', time1End: '2024-01-10T11:00' })
    expect(past.status).toBe(400)
    expect(await past.text()).toContain('Dit moment ligt in het verleden.')
    expect(await countRows(app.database, ['speeddate_proposals', 'email_outbox'])).toEqual(before)

    const proposed = await employer.post('/speeddates', {
      ...base,
      time1Start: localInDays(40, 9),
      time1End: localInDays(40, 10),
      time2Start: localInDays(41, 13),
      time2End: localInDays(41, 14),
    })
    expect(proposed.status).toBe(302)
    const [proposal] = await app.database.query<{ id: string }>(`select id from speeddate_proposals where vacancy_id = '${vacancy}'`)
    const [notice] = await app.database.query<{ n: number }>(`select count(*)::int as n from email_outbox where to_address = '${staff.intermediary.email}' and subject like 'Speeddate aangevraagd%'`)
    expect(notice!.n).toBeGreaterThan(0)

    const intermediary = await loggedIn(staff.intermediary.email)
    expect(await (await intermediary.get('/speeddates')).text()).toContain('Productiemedewerker')
    expect((await employer.post('/speeddates', { intent: 'acceptProposal', proposalId: proposal!.id, timeIndex: '1', seats: '6' })).status).toBe(403)
    const accepted = await intermediary.post('/speeddates', { intent: 'acceptProposal', proposalId: proposal!.id, timeIndex: '1', seats: '6' })
    expect(accepted.status).toBe(302)
    const slotId = accepted.headers.get('location')!.match(/\/speeddates\/([0-9a-f-]{36})/)![1]
    const [booking] = await app.database.query<{ status: string; starts_at: Date }>(
      `select b.status, s.starts_at from speeddate_bookings b join speeddate_slots s on s.id = b.slot_id where s.id = '${slotId}'`,
    )
    expect(booking!.status).toBe('approved')
    expect(new Date(booking!.starts_at).toISOString()).toBe(amsterdamLocalToUtc(localInDays(41, 13))!.toISOString())
    const [mail] = await app.database.query<{ attachments: { content: string }[] }>(
      `select attachments from email_outbox where to_address = '${a.owner.email}' and subject like 'Speeddate bevestigd%'`,
    )
    expect(Buffer.from(mail!.attachments[0]!.content, 'base64').toString()).toContain('METHOD:REQUEST')
    const again = await intermediary.post('/speeddates', { intent: 'acceptProposal', proposalId: proposal!.id, timeIndex: '0', seats: '6' })
    expect(again.status).toBe(409)
  })

  it('lets the intermediary decline a proposal with a reason the employer reads', async () => {
    const a = await createEmployer(app.database.db)
    const vacancy = await createPublishedVacancy(app.database.db, a.organisation.id)
    const employer = await loggedIn(a.owner.email)
    await employer.post('/speeddates', {
      intent: 'propose',
      vacancyId: vacancy,
      placeKind: 'reception_location',
      receptionLocationId: location,
      placeAddress: '',
      time1Start: localInDays(45, 9),
      time1End: localInDays(45, 10),
    })
    const [proposal] = await app.database.query<{ id: string }>(`select id from speeddate_proposals where vacancy_id = '${vacancy}'`)
    const intermediary = await loggedIn(staff.intermediary.email)
    const noReason = await intermediary.post('/speeddates', { intent: 'declineProposal', proposalId: proposal!.id, proposalReason: '' })
    expect(noReason.status).toBe(400)
    expect(await noReason.text()).toContain(`id="field-${proposal!.id}-proposalReason-error"`)
    expect((await intermediary.post('/speeddates', { intent: 'declineProposal', proposalId: proposal!.id, proposalReason: 'Die week geen kandidaten beschikbaar' })).status).toBe(302)
    expect(await (await employer.get('/speeddates')).text()).toContain('Die week geen kandidaten beschikbaar')
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../app/modules/authorisation/actor'
import { createIntake } from '../../app/modules/pipeline/candidates.server'
import { bookSlot, decideBooking } from '../../app/modules/speeddates/bookings.server'
import { assignSeat } from '../../app/modules/speeddates/seats.server'
import { createSlot } from '../../app/modules/speeddates/slots.server'
import { startTestApp, type TestApp } from '../support/app'
import { createEmployer, createPublishedVacancy, createStaff, localInDays, TEST_PASSWORD } from '../support/factories'

let app: TestApp
let staff: Awaited<ReturnType<typeof createStaff>>
let consultant: Actor
beforeAll(async () => {
  app = await startTestApp()
  staff = await createStaff(app.database.db)
  consultant = { userId: staff.intermediary.id, organisationId: staff.organisation.id, role: 'intermediary' }
})
afterAll(() => app.close())

const text = async (response: Response) => (await response.text()).replace(/<!-- -->/g, '')
const blankIntake = { firstName: null, receptionLocationId: null, residenceStatus: 'asylum_seeker', gender: 'female', educationLevel: 'higher', englishLevel: 'good', dutchLevel: null, municipalLinkage: 'yes', linkedMunicipality: 'Zwolle', intakeDate: '2026-10-01', movedOutOn: null, skills: null, consentPurpose: 'Bemiddeling naar werk', consentGivenOn: '2026-10-01', consentWithdrawnOn: null } as const

describe("the candidates of an employer's speeddate", () => {
  it('are shown to the employer with the approved booking as a pseudonymous profile, and it says with whom to go on once the session began', async () => {
    const employer = await createEmployer(app.database.db)
    const other = await createEmployer(app.database.db)
    const owner: Actor = { userId: employer.owner.id, organisationId: employer.organisation.id, role: 'employer_owner' }
    const slot = await createSlot(app.database.db, consultant, { startsAt: localInDays(5, 10), endsAt: localInDays(5, 11), placeKind: 'employer_site', receptionLocationId: null, placeAddress: 'Havenweg 3', seats: 4, note: null })
    const booking = await bookSlot(app.database.db, owner, slot, await createPublishedVacancy(app.database.db, employer.organisation.id), { appUrl: app.url })
    await decideBooking(app.database.db, consultant, booking!, 'approve', undefined, { appUrl: app.url })
    const hr = app.browser()
    await hr.logIn(employer.owner.email, TEST_PASSWORD)
    // Nobody invited yet: said in words, not as "0 expected".
    expect(await text(await hr.get(`/speeddates/${slot}`))).toContain('Nog geen kandidaten ingepland')
    const hewan = await createIntake(app.database.db, consultant, { ...blankIntake, referenceCode: 'SD-1', firstName: 'Hewan', languages: 'Tigrinya, Engels', experience: 'Schoonmaak hotel', hoursWanted: 32 })
    const seat = await assignSeat(app.database.db, consultant, slot, hewan)

    const before = await text(await hr.get(`/speeddates/${slot}`))
    expect(before).toContain('Tigrinya, Engels')
    expect(before).toContain('Schoonmaak hotel (32 uur per week gewenst)')
    // Nothing beyond the profile: not the attributes, not the consent, not the municipality.
    for (const hidden of ['Hoger onderwijs', 'Zwolle', 'Bemiddeling naar werk', 'Vrouw']) expect(before).not.toContain(hidden)
    const early = await hr.post(`/speeddates/${slot}`, { intent: 'wish', seatId: seat!, wish: 'continue' })
    expect(early.status).toBe(409)

    const stranger = app.browser()
    await stranger.logIn(other.owner.email, TEST_PASSWORD)
    const theirs = await stranger.get(`/speeddates/${slot}`)
    expect(await text(theirs)).not.toContain('Tigrinya')
    expect((await stranger.post(`/speeddates/${slot}`, { intent: 'wish', seatId: seat!, wish: 'continue' })).status).toBeGreaterThanOrEqual(400)

    // The session has begun.
    await app.database.query(`update speeddate_slots set starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' where id = '${slot}'`)
    const wish = await hr.post(`/speeddates/${slot}`, { intent: 'wish', seatId: seat!, wish: 'continue' })
    expect(wish.status).toBe(302)
    const consultantPage = app.browser()
    await consultantPage.logIn(staff.intermediary.email, TEST_PASSWORD)
    expect(await text(await consultantPage.get(`/speeddates/${slot}`))).toContain('Ja, verder')
    const [row] = await app.database.query<{ employer_wish: string }>(`select employer_wish from speeddate_seats where id = '${seat}'`)
    expect(row!.employer_wish).toBe('continue')
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { todayInAmsterdam } from '../../app/lib/dates'
import type { Actor } from '../../app/modules/authorisation/actor'
import { dueCheckIns, sendAftercareReminders } from '../../app/modules/pipeline/aftercare.server'
import { addDays } from '../../app/modules/policy/rule'
import { createCandidate } from '../../app/modules/speeddates/seats.server'
import { createHire, tickStep } from '../../app/modules/twv/hires.server'
import { startTestApp, type TestApp } from '../support/app'
import { createEmployer, createPublishedVacancy, createStaff, TEST_PASSWORD } from '../support/factories'

let app: TestApp
let consultant: Actor
let staff: Awaited<ReturnType<typeof createStaff>>
let employer: Awaited<ReturnType<typeof createEmployer>>
let hireId: string
const today = todayInAmsterdam()
const firstDay = addDays(today, -35)

beforeAll(async () => {
  app = await startTestApp()
  staff = await createStaff(app.database.db)
  employer = await createEmployer(app.database.db)
  consultant = { userId: staff.intermediary.id, organisationId: staff.organisation.id, role: 'intermediary' }
  const vacancyId = await createPublishedVacancy(app.database.db, employer.organisation.id, 'Schoonmaker')
  const candidateId = await createCandidate(app.database.db, consultant, { referenceCode: 'NZ-1', firstName: 'Maryam', languages: 'Farsi', experience: '' })
  hireId = await createHire(app.database.db, consultant, { vacancyId, candidateId, residenceStatus: 'status_holder' })
  await tickStep(app.database.db, consultant, hireId, 'step.first_day', firstDay)
})
afterAll(() => app.close())

const outbox = () => app.database.query<{ to_address: string; subject: string }>(`select to_address, subject from email_outbox where template = 'aftercare-due' order by id`)
const text = async (response: Response) => (await response.text()).replace(/<!-- -->/g, '')

describe('aftercare after a first working day', () => {
  it('has check-ins due in week 1 and 4, the week-13 one still to come; each reminded once to the intermediary', async () => {
    const due = await dueCheckIns(app.database.db, consultant)
    expect(due.map((c) => [c.week, c.dueOn])).toEqual([
      [1, addDays(firstDay, 7)],
      [4, addDays(firstDay, 28)],
    ])
    // The employer's people are not told: aftercare notes are the intermediary's.
    expect(await sendAftercareReminders(app.database.db, 'http://werkbrug.test')).toBe(4)
    expect(await sendAftercareReminders(app.database.db, 'http://werkbrug.test')).toBe(0)
    const mails = await outbox()
    expect(new Set(mails.map((m) => m.to_address))).toEqual(new Set([staff.intermediary.email, staff.owner.email]))
    expect(mails[0]!.subject).toBe('Nazorg: contact met NZ-1 (week 1)')
  })

  it('is recorded on the hire page, drops off the to-do list, and a second identical save changes nothing', async () => {
    const browser = app.browser()
    await browser.logIn(staff.intermediary.email, TEST_PASSWORD)
    const dashboard = await text(await browser.get('/dashboard'))
    expect(dashboard).toContain('Nazorg: 2 contactmomenten zijn aan de beurt')

    const refused = await browser.post(`/hires/${hireId}`, { intent: 'checkIn', week: '1', doneOn: addDays(firstDay, -1), dropoutRisk: 'low', howItGoes: '', agreed: '' })
    expect(refused.status).toBe(400)
    expect(await text(refused)).toContain('Dit contact ligt voor de eerste werkdag.')

    const body = { intent: 'checkIn', week: '1', doneOn: addDays(firstDay, 8), dropoutRisk: 'medium', howItGoes: 'Vindt de reistijd zwaar', agreed: 'Fietsvergoeding navragen bij de werkgever' }
    expect((await browser.post(`/hires/${hireId}`, body)).status).toBe(302)
    const audit = () => app.database.query(`select count(*)::int as n from audit_log where subject_id = '${hireId}' and action = 'hire.check_in_recorded'`)
    const before = await audit()
    expect((await browser.post(`/hires/${hireId}`, body)).status).toBe(302)
    expect(await audit()).toEqual(before)

    const page = await text(await browser.get(`/hires/${hireId}`))
    expect(page).toContain('Fietsvergoeding navragen bij de werkgever')
    expect((await dueCheckIns(app.database.db, consultant)).map((c) => c.week)).toEqual([4])
  })

  it('is not shown to the employer', async () => {
    const browser = app.browser()
    await browser.logIn(employer.owner.email, TEST_PASSWORD)
    const page = await text(await browser.get(`/hires/${hireId}`))
    expect(page).not.toContain('Fietsvergoeding navragen')
    expect(page).not.toContain('id="aftercare"')
    expect((await browser.post(`/hires/${hireId}`, { intent: 'checkIn', week: '4', doneOn: today, dropoutRisk: 'low', howItGoes: '', agreed: '' })).status).toBe(403)
  })
})

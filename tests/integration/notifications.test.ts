import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendDailyDigests } from '../../app/modules/notifications/digest.server'
import { vacancyCreateSchema } from '../../app/modules/vacancies/vacancies.schema'
import { createVacancy } from '../../app/modules/vacancies/vacancies.server'
import { countRows } from '../support/db'
import { startTestApp, type TestApp } from '../support/app'
import { createEmployer, createStaff, createUser, TEST_PASSWORD, validVacancyBody } from '../support/factories'
import { renderQueuedEmails } from '../support/outbox'

/**
 * A vacancy's verdict reaches the people it concerns: submitted → the intermediary's staff,
 * published / sent back (with the reason) / closed → the employer's people, in each person's
 * language, at once or in a daily digest as each person chose — never to the one who acted.
 */
let app: TestApp
let staff: Awaited<ReturnType<typeof createStaff>>
let employer: Awaited<ReturnType<typeof createEmployer>>
let englishColleague: Awaited<ReturnType<typeof createUser>>

beforeAll(async () => {
  app = await startTestApp()
  await createStaff(app.database.db) // the default intermediary: this test's own comes next
  staff = await createStaff(app.database.db)
  employer = await createEmployer(app.database.db, { intermediaryOrganisationId: staff.organisation.id })
  englishColleague = await createUser(app.database.db, employer.organisation.id, 'employer_member', { locale: 'en' })
})
afterAll(() => app.close())

async function loggedIn(email: string) {
  const browser = app.browser()
  await browser.logIn(email, TEST_PASSWORD)
  return browser
}

async function newVacancy(title: string) {
  return createVacancy(app.database.db, { userId: employer.owner.id, organisationId: employer.organisation.id, role: 'employer_owner' }, vacancyCreateSchema().parse(await validVacancyBody(app.database.db, { title })))
}

const mailsSince = async (id: number) => {
  await renderQueuedEmails(app.database)
  return app.database.query<{ id: number; to_address: string; template: string; subject: string; text: string; locale: string }>(
    `select id, to_address, template, subject, text, locale from email_outbox where id > ${id} order by id`,
  )
}
const lastMailId = async () => Number((await app.database.query<{ id: number | null }>('select max(id) as id from email_outbox'))[0]!.id ?? 0)

describe('notifications of a vacancy', () => {
  it('tells the intermediary of a submission and the employer of the verdict with its reason, each in their language, never the one who acted', async () => {
    const id = await newVacancy('Chauffeur bestelbus')
    const owner = await loggedIn(employer.owner.email)
    let since = await lastMailId()
    expect((await owner.post(`/vacancies/${id}`, { intent: 'submit' })).status).toBe(302)
    let mails = await mailsSince(since)
    expect(mails.map((m) => m.to_address).sort()).toEqual([staff.intermediary.email, staff.owner.email].sort())
    expect(mails[0]!.subject).toBe('Vacature ingediend: Chauffeur bestelbus')
    expect(mails[0]!.text).toContain(`/vacancies/${id}`)

    const consultant = await loggedIn(staff.intermediary.email)
    since = await lastMailId()
    expect((await consultant.post(`/vacancies/${id}`, { intent: 'return', comment: 'Het uurloon ontbreekt in de omschrijving' })).status).toBe(302)
    mails = await mailsSince(since)
    // Everyone of the employer, the consultant's colleague not (it is the employer's news).
    expect(mails.map((m) => m.to_address).sort()).toEqual([employer.owner.email, employer.member.email, englishColleague.email].sort())
    const english = mails.find((m) => m.to_address === englishColleague.email)!
    expect(english.subject).toBe('Vacancy sent back: Chauffeur bestelbus')
    expect(english.text).toContain('Reason: Het uurloon ontbreekt in de omschrijving')
    expect(english.text).toContain(`/vacancies/${id}/edit`)
  })

  it('batches what a person chose to hear once a day, and sends each digest line once', async () => {
    const member = await loggedIn(employer.member.email)
    // A bad choice is refused beside the field and changes nothing.
    const before = await countRows(app.database, ['notification_preferences'])
    const bad = await member.post('/settings/notifications', { vacancy_published: 'hourly' })
    expect(bad.status).toBe(400)
    expect(await countRows(app.database, ['notification_preferences'])).toEqual(before)
    expect((await member.post('/settings/notifications', { vacancy_published: 'daily_digest', vacancy_returned: 'immediate', vacancy_closed: 'immediate' })).status).toBe(302)

    const id = await newVacancy('Productiemedewerker vroege dienst')
    const owner = await loggedIn(employer.owner.email)
    expect((await owner.post(`/vacancies/${id}`, { intent: 'submit' })).status).toBe(302)
    const since = await lastMailId()
    const consultant = await loggedIn(staff.intermediary.email)
    expect((await consultant.post(`/vacancies/${id}`, { intent: 'publish' })).status).toBe(302)
    const now = await mailsSince(since)
    expect(now.map((m) => m.to_address)).not.toContain(employer.member.email)
    expect(now.map((m) => m.to_address)).toContain(employer.owner.email)
    expect(await (await member.get('/settings/notifications')).text()).toContain('Voor uw volgende dagelijkse overzicht staan 1 meldingen klaar.')

    const beforeDigest = await lastMailId()
    expect(await sendDailyDigests(app.database.db, app.url)).toBe(1)
    expect(await sendDailyDigests(app.database.db, app.url)).toBe(0)
    const digest = await mailsSince(beforeDigest)
    expect(digest).toHaveLength(1)
    expect(digest[0]!.to_address).toBe(employer.member.email)
    expect(digest[0]!.template).toBe('daily-digest')
    expect(digest[0]!.subject).toBe('Werkbrug: 1 meldingen van de afgelopen dag')
    expect(digest[0]!.text).toContain('Productiemedewerker vroege dienst')
  })

  it('offers the admin nothing to set, and the intermediary only what it receives', async () => {
    const admin = await (await loggedIn(staff.admin.email)).get('/settings/notifications')
    expect(await admin.text()).toContain('Voor uw rol zijn er geen meldingen om in te stellen')
    const consultant = await (await (await loggedIn(staff.intermediary.email)).get('/settings/notifications')).text()
    expect(consultant).toContain('name="vacancy_submitted"')
    expect(consultant).not.toContain('name="vacancy_published"')
  })
})

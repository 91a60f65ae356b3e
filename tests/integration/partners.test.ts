import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderQueuedEmails } from '../support/outbox'
import { countRows } from '../support/db'
import { createEmployer, createStaff, TEST_PASSWORD } from '../support/factories'
import { startTestApp, type TestApp } from '../support/app'

// Two intermediaries on one Werkbrug: a staffing agency (A) and a municipality's employer desk (B).
let app: TestApp
let agency: Awaited<ReturnType<typeof createStaff>>
let desk: Awaited<ReturnType<typeof createStaff>>
beforeAll(async () => {
  app = await startTestApp()
  agency = await createStaff(app.database.db)
  desk = await createStaff(app.database.db)
})
afterAll(() => app.close())

async function loggedIn(email: string) {
  const browser = app.browser()
  await browser.logIn(email, TEST_PASSWORD)
  return browser
}

/** The invitation link as the employer receives it (it waits beside the queued email until delivery). */
async function partnerLink(email: string): Promise<string> {
  await renderQueuedEmails(app.database)
  const [row] = await app.database.query<{ secret_links: string[]; html: string }>(
    `select secret_links, html from email_outbox where to_address = '${email}' and template = 'partner-invitation' order by id desc limit 1`,
  )
  expect(row!.html).not.toMatch(/\/partners\/[A-Za-z0-9_-]{20,}/)
  return new URL(row!.secret_links[0]!).pathname
}

async function linksOf(organisationId: string) {
  const rows = await app.database.query<{ intermediary_organisation_id: string }>(
    `select intermediary_organisation_id from employer_intermediaries where employer_organisation_id = '${organisationId}' order by created_at`,
  )
  return rows.map((r) => r.intermediary_organisation_id)
}

describe('an intermediary invites an employer to work with it', () => {
  it('refuses a bad address beside the field and sends nothing', async () => {
    const consultant = await loggedIn(desk.intermediary.email)
    const before = await countRows(app.database, ['partner_invitations', 'email_outbox'])
    const response = await consultant.post('/dashboard', { email: 'geen-adres' })
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('id="field-email-error"')
    expect(await countRows(app.database, ['partner_invitations', 'email_outbox'])).toEqual(before)
  })

  it('lets the owner of an existing employer accept; then the employer picks the intermediary per vacancy and each sees only its own', async () => {
    const employer = await createEmployer(app.database.db, { intermediaryOrganisationId: agency.organisation.id })
    const consultant = await loggedIn(desk.intermediary.email)
    expect(await (await consultant.get('/dashboard')).text()).not.toContain(employer.organisation.name)
    expect((await consultant.post('/dashboard', { email: employer.owner.email })).status).toBe(200)
    const link = await partnerLink(employer.owner.email)

    // The HR member sees the invitation but cannot accept it.
    const member = await loggedIn(employer.member.email)
    expect(await (await member.get(link)).text()).toContain('Alleen de eigenaar van een werkgeversorganisatie')
    const before = await countRows(app.database, ['employer_intermediaries'])
    expect((await member.post(link, {})).status).toBe(403)
    expect(await countRows(app.database, ['employer_intermediaries'])).toEqual(before)

    const owner = await loggedIn(employer.owner.email)
    const page = await (await owner.get(link)).text()
    expect(page).toContain(`Samenwerken met ${desk.organisation.name}`)
    const accepted = await owner.post(link, {})
    expect(accepted.status).toBe(302)
    expect(accepted.headers.get('location')).toBe('/dashboard?linked=1')
    expect(await linksOf(employer.organisation.id)).toEqual([agency.organisation.id, desk.organisation.id])
    // Spent: the link does not work twice.
    expect((await owner.post(link, {})).status).toBe(409)
    expect(await (await consultant.get('/dashboard')).text()).toContain(employer.organisation.name)

    // Two intermediaries now: a new vacancy needs a choice, and the choice must be one of them.
    const form = await (await owner.get('/vacancies/new')).text()
    expect(form).toContain(desk.organisation.name)
    const missing = await owner.post('/vacancies/new', { title: 'Hovenier' })
    expect(missing.status).toBe(400)
    expect(await missing.text()).toContain('id="field-intermediaryOrganisationId-error"')
    const stranger = await createStaff(app.database.db)
    expect((await owner.post('/vacancies/new', { title: 'Hovenier', intermediaryOrganisationId: stranger.organisation.id })).status).toBe(400)
    const created = await owner.post('/vacancies/new', { title: 'Hovenier', intermediaryOrganisationId: desk.organisation.id })
    expect(created.status).toBe(302)
    const vacancyId = created.headers.get('location')!.match(/\/vacancies\/([0-9a-f-]{36})/)![1]!
    expect((await consultant.get(`/vacancies/${vacancyId}`)).status).toBe(200)
    expect((await (await loggedIn(agency.intermediary.email)).get(`/vacancies/${vacancyId}`)).status).toBe(404)
  })

  it('lets a newcomer register from the invitation, linked to that intermediary only', async () => {
    const consultant = await loggedIn(desk.owner.email)
    expect((await consultant.post('/dashboard', { email: 'nieuw@kwekerij.example' })).status).toBe(200)
    const link = await partnerLink('nieuw@kwekerij.example')
    const token = decodeURIComponent(link.split('/').pop()!)
    const anonymous = app.browser()
    const invitationPage = await (await anonymous.get(link)).text()
    expect(invitationPage).toContain('Mijn organisatie registreren')
    const registerPage = await (await anonymous.get(`/register?partner=${encodeURIComponent(token)}`)).text()
    expect(registerPage).toContain(`samen te werken met ${desk.organisation.name}`)
    const registered = await anonymous.post('/register', {
      organisationName: 'Kwekerij De Groene Vlakte',
      kvkNumber: '7766 5544',
      contactName: 'Noor',
      email: 'nieuw@kwekerij.example',
      password: 'kassen vol tomaten en paprika',
      partnerToken: token,
    })
    expect(registered.status).toBe(200)
    const [organisation] = await app.database.query<{ id: string }>(`select id from organisations where kvk_number = '77665544'`)
    expect(await linksOf(organisation!.id)).toEqual([desk.organisation.id])
    // The invitation is spent: a second registration with it is refused and writes nothing.
    const before = await countRows(app.database, ['organisations', 'users'])
    const again = await app.browser().post('/register', { organisationName: 'Nog een', kvkNumber: '7766 5545', contactName: 'X', email: 'x@kwekerij.example', password: 'kassen vol tomaten en paprika', partnerToken: token })
    expect(again.status).toBe(400)
    expect(await again.text()).toContain('Deze uitnodiging is verlopen of al gebruikt.')
    expect(await countRows(app.database, ['organisations', 'users'])).toEqual(before)
  })

  it('says so for an unknown link', async () => {
    const page = await (await app.browser().get('/partners/onbekend')).text()
    expect(page).toContain('Deze uitnodiging is verlopen, al gebruikt of bestaat niet.')
  })
})

import { parse } from 'node-html-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../app/modules/authorisation/actor'
import { createCandidate } from '../../app/modules/speeddates/seats.server'
import { createHire } from '../../app/modules/twv/hires.server'
import { type Browser, startTestApp, type TestApp } from '../support/app'
import { createEmployer, createPublishedVacancy, createStaff, TEST_PASSWORD } from '../support/factories'

/**
 * One search box over vacancies, employers and matches, on PostgreSQL's full-text search with
 * Dutch stemming and word prefixes — scoped like the pages it links to, whatever is typed.
 */
let app: TestApp
let staff: Awaited<ReturnType<typeof createStaff>>
let other: Awaited<ReturnType<typeof createStaff>>
let employer: Awaited<ReturnType<typeof createEmployer>>

beforeAll(async () => {
  app = await startTestApp()
  staff = await createStaff(app.database.db)
  other = await createStaff(app.database.db)
  employer = await createEmployer(app.database.db, { intermediaryOrganisationId: staff.organisation.id })
  const theirs = await createEmployer(app.database.db, { intermediaryOrganisationId: other.organisation.id })
  const consultant: Actor = { userId: staff.intermediary.id, organisationId: staff.organisation.id, role: 'intermediary' }
  const vacancyId = await createPublishedVacancy(app.database.db, employer.organisation.id, 'Heftruckchauffeurs nachtploeg')
  await createPublishedVacancy(app.database.db, theirs.organisation.id, 'Heftruckchauffeur van een ander')
  const candidateId = await createCandidate(app.database.db, consultant, { referenceCode: 'ZOEK-42', firstName: 'Yonas', languages: 'Tigrinya', experience: '' })
  await createHire(app.database.db, consultant, { vacancyId, candidateId, residenceStatus: 'asylum_seeker' })
})
afterAll(() => app.close())

async function loggedIn(email: string) {
  const browser = app.browser()
  await browser.logIn(email, TEST_PASSWORD)
  return browser
}

async function found(browser: Browser, q: string) {
  const response = await browser.get(`/search?q=${encodeURIComponent(q)}`)
  expect(response.status).toBe(200)
  const page = parse((await response.text()).replace(/<!-- -->/g, ''))
  const list = (kind: string) => page.querySelectorAll(`[data-found="${kind}"] li a`).map((a) => a.text.trim())
  return { vacancies: list('vacancies'), employers: list('employers'), hires: list('hires'), none: page.querySelector('[data-testid="no-results"]') !== null }
}

describe('search', () => {
  it('finds a vacancy by a stemmed word or a prefix, only among what the reader may see', async () => {
    const hr = await loggedIn(employer.owner.email)
    expect((await found(hr, 'heftruckchauffeur')).vacancies).toEqual(['Heftruckchauffeurs nachtploeg'])
    expect((await found(hr, 'heftr nacht')).vacancies).toEqual(['Heftruckchauffeurs nachtploeg'])
    const theirs = await loggedIn(other.intermediary.email)
    expect((await found(theirs, 'heftruck')).vacancies).toEqual(['Heftruckchauffeur van een ander'])
  })

  it("finds the intermediary's employers and matches by code or first name, not another intermediary's", async () => {
    const consultant = await loggedIn(staff.intermediary.email)
    expect((await found(consultant, 'zoek-42')).hires).toEqual(['ZOEK-42 — Yonas'])
    expect((await found(consultant, 'yon')).hires).toEqual(['ZOEK-42 — Yonas'])
    expect((await found(consultant, employer.organisation.name)).employers).toEqual([employer.organisation.name])
    const theirs = await loggedIn(other.intermediary.email)
    const nothing = await found(theirs, 'yonas')
    expect(nothing.hires).toEqual([])
    expect(nothing.none).toBe(true)
  })

  it('takes any text without an error: operators, quotes and nothing at all', async () => {
    const hr = await loggedIn(employer.member.email)
    for (const q of ["'; drop table vacancies; --", '!&|():*', '   ', 'x'.repeat(500), 'ü']) {
      expect((await hr.get(`/search?q=${encodeURIComponent(q)}`)).status).toBe(200)
    }
  })
})

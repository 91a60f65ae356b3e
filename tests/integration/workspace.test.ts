import { parse } from 'node-html-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseWithSchema } from '../../app/lib/forms'
import type { Actor } from '../../app/modules/authorisation/actor'
import { bookSlot } from '../../app/modules/speeddates/bookings.server'
import { createSlot } from '../../app/modules/speeddates/slots.server'
import { slotCreateSchema } from '../../app/modules/speeddates/speeddates.schema'
import { vacancyCreateSchema } from '../../app/modules/vacancies/vacancies.schema'
import { createVacancy, transitionVacancy } from '../../app/modules/vacancies/vacancies.server'
import { type Browser, startTestApp, type TestApp } from '../support/app'
import { createEmployer, createPublishedVacancy, createStaff, localInDays, TEST_PASSWORD, validVacancyBody } from '../support/factories'

/**
 * The dashboard answers "what waits on me?" for each role, and the menu counts the same things:
 * an item appears where it must be handled, disappears once handled, and another tenant's work
 * never shows up.
 */
let app: TestApp
let staff: Awaited<ReturnType<typeof createStaff>>
let employer: Awaited<ReturnType<typeof createEmployer>>
let consultant: Actor
let owner: Actor

beforeAll(async () => {
  app = await startTestApp()
  await createStaff(app.database.db) // the default intermediary, staffed: the next one is this test's own
  staff = await createStaff(app.database.db)
  employer = await createEmployer(app.database.db, { intermediaryOrganisationId: staff.organisation.id })
  consultant = { userId: staff.intermediary.id, organisationId: staff.organisation.id, role: 'intermediary' }
  owner = { userId: employer.owner.id, organisationId: employer.organisation.id, role: 'employer_owner' }
})
afterAll(() => app.close())

async function loggedIn(email: string) {
  const browser = app.browser()
  await browser.logIn(email, TEST_PASSWORD)
  return browser
}

async function dashboard(browser: Browser) {
  const html = (await (await browser.get('/dashboard')).text()).replace(/<!-- -->/g, '')
  const page = parse(html)
  const counts: Record<string, number> = {}
  for (const link of page.querySelectorAll('nav a')) {
    const count = link.querySelector('.nav-count [aria-hidden]')
    if (count) counts[link.getAttribute('href')!] = Number(count.text)
  }
  const group = (id: string) => page.querySelectorAll(`[data-todo="${id}"] li`).map((li) => li.text)
  return { page, counts, group, nothing: page.querySelectorAll('[data-testid="nothing-waits"]').length }
}

describe('the dashboard as a to-do list', () => {
  it('says nothing waits on a new intermediary and counts nothing in the menu', async () => {
    const view = await dashboard(await loggedIn(staff.intermediary.email))
    expect(view.nothing).toBeGreaterThan(0)
    expect(view.counts).toEqual({})
  })

  it('puts a submitted vacancy before the intermediary, and a returned one before the employer, with its reason', async () => {
    const id = await createVacancy(app.database.db, owner, vacancyCreateSchema().parse(await validVacancyBody(app.database.db, { title: 'Heftruckchauffeur nachtdienst' })))
    await transitionVacancy(app.database.db, owner, id, 'submit', { appUrl: app.url })
    const intermediary = await loggedIn(staff.intermediary.email)
    let view = await dashboard(intermediary)
    expect(view.group('to-review').join()).toContain('Heftruckchauffeur nachtdienst')
    expect(view.page.querySelector(`[data-todo="to-review"] a[href="/vacancies/${id}"]`)).not.toBeNull()
    expect(view.counts['/vacancies']).toBe(1)

    await transitionVacancy(app.database.db, consultant, id, 'return', { comment: 'Vul de reistijd vanaf Markerkant aan', appUrl: app.url })
    view = await dashboard(intermediary)
    expect(view.group('to-review')).toEqual([])
    expect(view.counts['/vacancies']).toBeUndefined()

    const hr = await dashboard(await loggedIn(employer.member.email))
    expect(hr.group('returned').join()).toContain('Vul de reistijd vanaf Markerkant aan')
    expect(hr.page.querySelector(`[data-todo="returned"] a[href="/vacancies/${id}/edit"]`)).not.toBeNull()
    expect(hr.counts['/vacancies']).toBe(1)
  })

  it("shows a booking request to the intermediary to decide, and to the employer as waiting, with no made-up answer time", async () => {
    const input = parseWithSchema(slotCreateSchema, { startsAt: localInDays(9, 10), endsAt: localInDays(9, 11), placeKind: 'employer_site', placeAddress: 'Transportweg 1, Almere', seats: '6' })
    if (!input.success) throw new Error(JSON.stringify(input.fieldErrors))
    const slotId = await createSlot(app.database.db, consultant, input.data)
    const vacancyId = await createPublishedVacancy(app.database.db, employer.organisation.id, 'Orderpicker vriesvak')
    await bookSlot(app.database.db, owner, slotId, vacancyId, { appUrl: 'http://localhost' })

    const consultantView = await dashboard(await loggedIn(staff.intermediary.email))
    expect(consultantView.group('requests').join()).toContain('Orderpicker vriesvak')
    expect(consultantView.page.querySelector(`[data-todo="requests"] a[href="/speeddates/${slotId}"]`)).not.toBeNull()
    expect(consultantView.counts['/speeddates']).toBe(1)

    const hr = await dashboard(await loggedIn(employer.owner.email))
    const waiting = hr.group('booking-waiting').join()
    expect(waiting).toContain('Orderpicker vriesvak')
    // Fewer than five decisions: the page says it cannot tell, rather than inventing a time.
    expect(waiting).toMatch(/te weinig beslissingen|too few decisions/)
    // A request waits on the intermediary, not on the employer: no count for the employer.
    expect(hr.counts['/speeddates']).toBeUndefined()
  })

  it("never shows another tenant's work", async () => {
    const other = await createStaff(app.database.db)
    const otherEmployer = await createEmployer(app.database.db, { intermediaryOrganisationId: other.organisation.id })
    const otherOwner: Actor = { userId: otherEmployer.owner.id, organisationId: otherEmployer.organisation.id, role: 'employer_owner' }
    const id = await createVacancy(app.database.db, otherOwner, vacancyCreateSchema().parse(await validVacancyBody(app.database.db, { title: 'Andermans vacature' })))
    await transitionVacancy(app.database.db, otherOwner, id, 'submit', { appUrl: app.url })
    const view = await dashboard(await loggedIn(staff.intermediary.email))
    expect(view.page.text).not.toContain('Andermans vacature')
    expect(view.counts['/vacancies']).toBeUndefined()
    const theirs = await dashboard(await loggedIn(other.intermediary.email))
    expect(theirs.group('to-review').join()).toContain('Andermans vacature')
  })

  it("gives the platform admin the rules due for review, the same list and count as /admin/policy", async () => {
    const admin = await loggedIn(staff.admin.email)
    const view = await dashboard(admin)
    const policy = parse(await (await admin.get('/admin/policy')).text())
    const due = policy.querySelectorAll('[data-testid="review-due"] li').map((li) => li.getAttribute('data-rule'))
    expect(view.group('rules-due')).toHaveLength(due.length)
    expect(view.counts['/admin/policy'] ?? 0).toBe(due.length)
    for (const key of due) expect(view.page.querySelector(`[data-todo="rules-due"] a[href="/admin/policy#${key}"]`)).not.toBeNull()
  })
})

import { parse, type HTMLElement } from 'node-html-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../app/modules/authorisation/actor'
import { saveArrangements } from '../../app/modules/risks/risks.server'
import { createCandidate } from '../../app/modules/speeddates/seats.server'
import { createHire, tickStep, updateHireFacts } from '../../app/modules/twv/hires.server'
import { recordMatchOutcome } from '../../app/modules/pipeline/outcomes.server'
import { createIntake } from '../../app/modules/pipeline/candidates.server'
import { vacancyCreateSchema } from '../../app/modules/vacancies/vacancies.schema'
import { createVacancy } from '../../app/modules/vacancies/vacancies.server'
import { type Browser, startTestApp, type TestApp } from '../support/app'
import { createEmployer, createPublishedVacancy, createStaff, TEST_PASSWORD, validVacancyBody } from '../support/factories'

/**
 * Every edit form round-trips: opened with data and sent back as the browser would send it,
 * untouched, it changes nothing — not an amount times 100, not a date a day off, not a history
 * line saying something changed.
 */
let app: TestApp
let employer: Awaited<ReturnType<typeof createEmployer>>
let staff: Awaited<ReturnType<typeof createStaff>>
let owner: Actor
let consultant: Actor
beforeAll(async () => {
  app = await startTestApp()
  staff = await createStaff(app.database.db)
  employer = await createEmployer(app.database.db)
  owner = { userId: employer.owner.id, organisationId: employer.organisation.id, role: 'employer_owner' }
  consultant = { userId: staff.intermediary.id, organisationId: staff.organisation.id, role: 'intermediary' }
})
afterAll(() => app.close())

async function loggedIn(email: string) {
  const browser = app.browser()
  await browser.logIn(email, TEST_PASSWORD)
  return browser
}

/** What a browser submits for a form, untouched: text, hidden, checked boxes, selected options, textareas. */
function submittedValues(form: HTMLElement): Record<string, string> {
  const values: Record<string, string> = {}
  for (const field of form.querySelectorAll('input, select, textarea')) {
    const name = field.getAttribute('name')
    if (!name || field.hasAttribute('disabled')) continue
    const tag = field.tagName.toLowerCase()
    if (tag === 'select') {
      const options = field.querySelectorAll('option')
      const chosen = options.find((o) => o.hasAttribute('selected')) ?? options[0]
      values[name] = chosen?.getAttribute('value') ?? chosen?.text ?? ''
    } else if (tag === 'textarea') {
      values[name] = field.text
    } else {
      const type = (field.getAttribute('type') ?? 'text').toLowerCase()
      if ((type === 'checkbox' || type === 'radio') && !field.hasAttribute('checked')) continue
      if (type === 'submit' || type === 'button') continue
      values[name] = field.getAttribute('value') ?? (type === 'checkbox' ? 'on' : '')
    }
  }
  return values
}

/** Open the page, find the form, send it back unchanged; the rows must be exactly as before. */
async function roundTrip(browser: Browser, path: string, pick: (forms: HTMLElement[]) => HTMLElement | undefined, snapshot: () => Promise<unknown>) {
  const before = await snapshot()
  const page = parse(await (await browser.get(path)).text())
  const form = pick(page.querySelectorAll('form[method="post"]'))
  expect(form, `a form on ${path}`).toBeDefined()
  const values = submittedValues(form!)
  // Checkbox groups (shifts) send one value per box: the helper keeps the last; send them all.
  const body = new URLSearchParams()
  for (const field of form!.querySelectorAll('input[type="checkbox"][checked]')) body.append(field.getAttribute('name')!, field.getAttribute('value') ?? 'on')
  for (const [name, value] of Object.entries(values)) if (!body.has(name)) body.append(name, value)
  const response = await browser.postForm(form!.getAttribute('action') ?? path, body)
  expect(response.status, `${path}: ${response.status}`).toBeLessThan(400)
  expect(await snapshot()).toEqual(before)
  return values
}

const rows = (sql: string) => () => app.database.query(sql)

describe('forms opened and saved unchanged change nothing', () => {
  it('the vacancy profile, wage and travel times included', async () => {
    const body = await validVacancyBody(app.database.db, { hourlyWageCents: 1529, shifts: ['day', 'weekend'], forWorkersUnder21: true, youngestAge: 18 })
    const id = await createVacancy(app.database.db, owner, vacancyCreateSchema().parse(body))
    const values = await roundTrip(
      await loggedIn(employer.owner.email),
      `/vacancies/${id}/edit`,
      (forms) => forms.find((f) => f.querySelector('[name="title"]')),
      rows(`select v.*, (select json_agg(t order by t.reception_location_id) from vacancy_travel_times t where t.vacancy_id = v.id) travel, (select count(*) from vacancy_events e where e.vacancy_id = v.id) events from vacancies v where v.id = '${id}'`),
    )
    expect(values.hourlyWage).toBe('15,29')
  })

  it('the arrangements, amounts in euros both ways (they were multiplied by 100 on every save)', async () => {
    const vacancyId = await createPublishedVacancy(app.database.db, employer.organisation.id, 'Reachtruckchauffeur')
    await saveArrangements(app.database.db, owner, { vacancyId }, {
      travelMode: 'public_transport',
      travelPayer: 'employer',
      travelAmountCents: 1250,
      travelAmountUnit: 'per_day',
      travelPaid: 'in_advance',
      travelPaidDaysAfter: null,
      travelDistanceKm: 18,
      travelFareCentsPerDay: 1105,
      coachProvider: 'municipality',
      coachHoursPerWeek: 2,
      coachWeeks: 12,
      coachContact: 'Jobcoach gemeente',
      languageSupport: null,
      languagePayer: null,
      trialKind: null,
    }, 'nl')
    const values = await roundTrip(
      await loggedIn(employer.owner.email),
      `/vacancies/${vacancyId}/arrangements`,
      (forms) => forms.find((f) => f.querySelector('[name="travelMode"]')),
      rows(`select a.*, (select count(*) from audit_log l where l.subject_id = a.vacancy_id::text or l.subject_id = a.id::text) audits from arrangements a where a.vacancy_id = '${vacancyId}'`),
    )
    expect(values.travelAmountCents).toBe('12,50')
    expect(values.travelFareCentsPerDay).toBe('11,05')
  })

  it("the admin's record of an intermediary's Stripe account", async () => {
    await roundTrip(
      await loggedIn(staff.admin.email),
      '/admin/staff',
      (forms) => forms.find((f) => f.querySelector(`input[name="organisationId"][value="${staff.organisation.id}"]`)),
      rows(`select o.stripe_account_id, (select count(*) from audit_log l where l.subject_id = o.id::text) audits from organisations o where o.id = '${staff.organisation.id}'`),
    )
  })

  it("the intermediary's record of a hire's facts", async () => {
    const vacancyId = await createPublishedVacancy(app.database.db, employer.organisation.id, 'Productiemedewerker')
    const candidateId = await createCandidate(app.database.db, consultant, { referenceCode: 'RT-1', firstName: 'Samir', languages: 'Arabisch', experience: '' })
    const hireId = await createHire(app.database.db, consultant, { vacancyId, candidateId, residenceStatus: 'asylum_seeker' })
    await updateHireFacts(app.database.db, consultant, hireId, { residenceStatus: 'asylum_seeker', isAdult: true, asylumApplicationDate: '2026-03-01', wDocumentValidUntil: '2027-03-01', dublinClaimant: false, medicalResidenceGround: null, hasBsn: false, permitChance: 'high' })
    await roundTrip(
      await loggedIn(staff.intermediary.email),
      `/hires/${hireId}`,
      (forms) => forms.find((f) => f.querySelector('input[name="intent"][value="facts"]')),
      rows(`select h.* from hires h where h.id = '${hireId}'`),
    )
  })

  it("the intermediary's record of how a match ended (stopped, with its reason and note)", async () => {
    const vacancyId = await createPublishedVacancy(app.database.db, employer.organisation.id, 'Inpakker')
    const candidateId = await createCandidate(app.database.db, consultant, { referenceCode: 'RT-2', firstName: 'Hewan', languages: 'Tigrinya', experience: '' })
    const hireId = await createHire(app.database.db, consultant, { vacancyId, candidateId, residenceStatus: 'status_holder' })
    await tickStep(app.database.db, consultant, hireId, 'step.first_day', '2026-09-01')
    await recordMatchOutcome(app.database.db, consultant, hireId, { outcome: 'stopped', endedOn: '2026-10-15', stopReason: 'twenty_four_week_rule', notStartedOn: null, notStartedReason: null, outcomeNote: 'Tijdelijk contract, "24 weken" voorbij' })
    await roundTrip(
      await loggedIn(staff.intermediary.email),
      `/hires/${hireId}`,
      (forms) => forms.find((f) => f.querySelector('input[name="intent"][value="outcome"]')),
      async () => [await app.database.query(`select h.* from hires h where h.id = '${hireId}'`), await app.database.query(`select count(*)::int as n from audit_log where subject_id = '${hireId}'`)],
    )
  })

  it("the intermediary's intake of a candidate, every attribute and the consent included", async () => {
    const [location] = await app.database.query<{ id: string }>(`select id from reception_locations order by name limit 1`)
    const candidateId = await createIntake(app.database.db, consultant, {
      referenceCode: 'RT-3', firstName: 'Maryam', receptionLocationId: location!.id, residenceStatus: 'status_holder', gender: 'female', educationLevel: 'higher',
      englishLevel: 'good', dutchLevel: 'a_little', municipalLinkage: 'yes', linkedMunicipality: 'Lelystad', intakeDate: '2026-09-14', hoursWanted: 24,
      languages: 'Farsi, Engels', experience: 'Administratie, "5 jaar"', skills: 'Excel', movedOutOn: null, consentPurpose: 'Bemiddeling naar werk', consentGivenOn: '2026-09-14', consentWithdrawnOn: null,
    })
    await roundTrip(
      await loggedIn(staff.intermediary.email),
      `/candidates/${candidateId}`,
      (forms) => forms.find((f) => f.querySelector('input[name="intent"][value="intake"]')),
      async () => [await app.database.query(`select c.* from candidates c where c.id = '${candidateId}'`), await app.database.query(`select count(*)::int as n from audit_log where action = 'candidate.updated'`)],
    )
  })
})

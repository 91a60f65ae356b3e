import { parse } from 'node-html-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../app/modules/authorisation/actor'
import { createCandidate } from '../../app/modules/speeddates/seats.server'
import { createHire } from '../../app/modules/twv/hires.server'
import { countRows } from '../support/db'
import { startTestApp, type TestApp } from '../support/app'
import { createEmployer, createPublishedVacancy, createStaff, TEST_PASSWORD } from '../support/factories'

/**
 * The hire page is the employer's checklist: the steps come first, each step is ticked by whoever
 * takes it (the intermediary may record any on someone's behalf), documents tick off in place,
 * and a tick brings the reader back to the step, not to the top.
 */
let app: TestApp
let hireId: string
let employer: Awaited<ReturnType<typeof createEmployer>>
let staff: Awaited<ReturnType<typeof createStaff>>

beforeAll(async () => {
  app = await startTestApp()
  staff = await createStaff(app.database.db)
  employer = await createEmployer(app.database.db)
  const consultant: Actor = { userId: staff.intermediary.id, organisationId: staff.organisation.id, role: 'intermediary' }
  const vacancyId = await createPublishedVacancy(app.database.db, employer.organisation.id, 'Magazijnmedewerker')
  const candidateId = await createCandidate(app.database.db, consultant, { referenceCode: 'CL-1', firstName: 'Amanuel', languages: 'Tigrinya', experience: '' })
  hireId = await createHire(app.database.db, consultant, { vacancyId, candidateId, residenceStatus: 'asylum_seeker' })
})
afterAll(() => app.close())

async function loggedIn(email: string) {
  const browser = app.browser()
  await browser.logIn(email, TEST_PASSWORD)
  return browser
}

const page = async (browser: Awaited<ReturnType<typeof loggedIn>>) => parse((await (await browser.get(`/hires/${hireId}`)).text()).replace(/<!-- -->/g, ''))

describe('the hire page as a checklist', () => {
  it('puts the steps before the risks, folds the risks, and links each step to its official page', async () => {
    const html = (await page(await loggedIn(employer.owner.email))).toString()
    expect(html.indexOf('id="steps"')).toBeGreaterThan(0)
    expect(html.indexOf('id="steps"')).toBeLessThan(html.indexOf('id="risks"'))
    const fold = parse(html).querySelector('details#risks')
    expect(fold, 'the risk summary is folded').not.toBeNull()
    expect(fold!.hasAttribute('open')).toBe(false)
    const application = parse(html).querySelector('#step-twv_application')!
    expect(application.querySelector('a[href^="https://www.uwv.nl/"]')).not.toBeNull()
  })

  it("lets the employer tick only its own steps, and the intermediary any on someone's behalf", async () => {
    const hr = await loggedIn(employer.owner.email)
    const view = await page(hr)
    // UWV decides the TWV: no tick form for HR, a line saying who records it.
    expect(view.querySelector('#step-twv_decision form')).toBeNull()
    expect(view.querySelector('#step-twv_application form')).not.toBeNull()

    const before = await countRows(app.database, ['hire_steps'])
    const refused = await hr.post(`/hires/${hireId}`, { intent: 'tick', stepKey: 'step.twv_decision', doneOn: '2026-11-02' })
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain('Deze stap zet een ander')
    expect(await countRows(app.database, ['hire_steps'])).toEqual(before)

    const own = await hr.post(`/hires/${hireId}`, { intent: 'tick', stepKey: 'step.twv_application', doneOn: '2026-11-02' })
    expect(own.status).toBe(302)
    // Back to the step just ticked.
    expect(own.headers.get('location')).toBe(`/hires/${hireId}?done=ticked&step=step.twv_application#step-twv_application`)

    const consultant = await loggedIn(staff.intermediary.email)
    expect((await consultant.post(`/hires/${hireId}`, { intent: 'tick', stepKey: 'step.twv_decision', doneOn: '2026-11-20' })).status).toBe(302)
    const rows = await app.database.query<{ step_key: string }>(`select step_key from hire_steps where hire_id = '${hireId}' order by step_key`)
    expect(rows.map((r) => r.step_key)).toEqual(['step.twv_application', 'step.twv_decision'])
  })

  it('ticks a document off in place and back, and refuses a key that is not a document', async () => {
    const hr = await loggedIn(employer.member.email)
    const ticked = await hr.post(`/hires/${hireId}`, { intent: 'document', documentKey: 'doc.twv_decision', inHand: 'yes' })
    expect(ticked.status).toBe(302)
    expect(ticked.headers.get('location')).toContain('#doc-twv_decision')
    let view = await page(hr)
    expect(view.querySelector('#doc-twv_decision')!.classList.contains('document--in-hand')).toBe(true)
    expect(view.querySelector('#doc-twv_decision input[name="inHand"]')!.getAttribute('value')).toBe('no')

    const before = await countRows(app.database, ['hire_steps'])
    const bad = await hr.post(`/hires/${hireId}`, { intent: 'document', documentKey: 'doc.not_a_document', inHand: 'yes' })
    expect(bad.status).toBe(400)
    expect(await countRows(app.database, ['hire_steps'])).toEqual(before)

    expect((await hr.post(`/hires/${hireId}`, { intent: 'document', documentKey: 'doc.twv_decision', inHand: 'no' })).status).toBe(302)
    view = await page(hr)
    expect(view.querySelector('#doc-twv_decision')!.classList.contains('document--in-hand')).toBe(false)
    // A document is not a step: ticking it moves no step and no lead time.
    const rows = await app.database.query<{ n: number }>(`select count(*)::int n from hire_steps where hire_id = '${hireId}' and step_key like 'doc.%'`)
    expect(rows[0]!.n).toBe(0)
  })
})

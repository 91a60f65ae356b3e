import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { todayInAmsterdam } from '../../app/lib/dates'
import type { Actor } from '../../app/modules/authorisation/actor'
import { loadFunnel } from '../../app/modules/pipeline/funnel.server'
import { createIntake } from '../../app/modules/pipeline/candidates.server'
import { createCandidate } from '../../app/modules/speeddates/seats.server'
import { createHire, tickStep } from '../../app/modules/twv/hires.server'
import { startTestApp, type TestApp } from '../support/app'
import { createEmployer, createPublishedVacancy, createStaff, TEST_PASSWORD } from '../support/factories'

let app: TestApp
let consultant: Actor
let staff: Awaited<ReturnType<typeof createStaff>>
let employer: Awaited<ReturnType<typeof createEmployer>>
beforeAll(async () => {
  app = await startTestApp()
  staff = await createStaff(app.database.db)
  employer = await createEmployer(app.database.db)
  consultant = { userId: staff.intermediary.id, organisationId: staff.organisation.id, role: 'intermediary' }
})
afterAll(() => app.close())

async function match(reference: string) {
  const vacancyId = await createPublishedVacancy(app.database.db, employer.organisation.id, 'Orderpicker')
  const candidateId = await createCandidate(app.database.db, consultant, { referenceCode: reference, firstName: 'Samir', languages: 'Arabisch', experience: '' })
  return createHire(app.database.db, consultant, { vacancyId, candidateId, residenceStatus: 'asylum_seeker' })
}
const outcome = (fields: Record<string, string>) => ({ intent: 'outcome', outcome: 'open', endedOn: '', stopReason: '', notStartedOn: '', notStartedReason: '', outcomeNote: '', ...fields })
const emptyIntake = { firstName: null, receptionLocationId: null, residenceStatus: 'unknown', gender: 'unknown', educationLevel: 'unknown', englishLevel: null, dutchLevel: null, municipalLinkage: 'unknown', linkedMunicipality: null, intakeDate: null, hoursWanted: null, languages: null, experience: null, skills: null, movedOutOn: null, consentPurpose: null, consentGivenOn: null, consentWithdrawnOn: null } as const
const text = async (response: Response) => (await response.text()).replace(/<!-- -->/g, '')

describe('the outcome of a match', () => {
  it('is recorded on the hire page: a stop needs a first working day, then counts as placed and stopped', async () => {
    const hireId = await match('OUT-1')
    const browser = app.browser()
    await browser.logIn(staff.intermediary.email, TEST_PASSWORD)
    const early = await browser.post(`/hires/${hireId}`, outcome({ outcome: 'stopped', endedOn: '2026-10-01', stopReason: 'stopped_themselves' }))
    expect(early.status).toBe(400)
    expect(await text(early)).toContain('Er is nog geen eerste werkdag vastgelegd')

    await tickStep(app.database.db, consultant, hireId, 'step.first_day', '2026-09-01')
    const before = await browser.post(`/hires/${hireId}`, outcome({ outcome: 'stopped', endedOn: '2026-08-01', stopReason: 'stopped_themselves' }))
    expect(before.status).toBe(400)
    const missing = await browser.post(`/hires/${hireId}`, outcome({ outcome: 'stopped', endedOn: '2026-10-01' }))
    expect(missing.status).toBe(400)
    expect(await text(missing)).toContain('id="field-stopReason-error"')

    const stopped = await browser.post(`/hires/${hireId}`, outcome({ outcome: 'stopped', endedOn: '2026-10-01', stopReason: 'stopped_themselves', outcomeNote: 'Reistijd te lang' }))
    expect(stopped.status).toBe(302)
    const page = await text(await browser.get(`/hires/${hireId}`))
    expect(page).toContain('Gestopt — do 1 okt 2026, Zelf gestopt')
    // A first working day after the stop would contradict it: refused beside the field.
    const later = await browser.post(`/hires/${hireId}`, { intent: 'tick', stepKey: 'step.first_day', doneOn: '2026-10-20' })
    expect(later.status).toBe(400)

    const funnel = await loadFunnel(app.database.db, consultant, { from: '2026-01-01', to: todayInAmsterdam(), receptionLocationId: null })
    expect(funnel.matches).toMatchObject({ total: 1, stopped: 1, stoppedOther: 1, working: 0 })
    expect(funnel.placements).toBe(1)
  })

  it('can be "not started" only when nobody worked, and then never gets a first working day', async () => {
    const hireId = await match('OUT-2')
    const browser = app.browser()
    await browser.logIn(staff.intermediary.email, TEST_PASSWORD)
    expect((await browser.post(`/hires/${hireId}`, outcome({ outcome: 'not_started', notStartedOn: '2026-11-02', notStartedReason: 'did_not_turn_up' }))).status).toBe(302)
    const tick = await browser.post(`/hires/${hireId}`, { intent: 'tick', stepKey: 'step.first_day', doneOn: '2026-11-03' })
    expect(tick.status).toBe(400)
    expect(await text(tick)).toContain('Wie al een dag heeft gewerkt, is gestart')
  })

  it('is not the employer’s to record', async () => {
    const hireId = await match('OUT-3')
    const browser = app.browser()
    await browser.logIn(employer.owner.email, TEST_PASSWORD)
    expect((await browser.post(`/hires/${hireId}`, outcome({ outcome: 'not_started', notStartedOn: '2026-11-02', notStartedReason: 'declined_job' }))).status).toBe(403)
  })

  it('takes the residence status recorded at intake when the match does not say', async () => {
    const vacancyId = await createPublishedVacancy(app.database.db, employer.organisation.id, 'Orderpicker')
    const candidateId = await createIntake(app.database.db, consultant, { ...emptyIntake, referenceCode: 'OUT-4', residenceStatus: 'status_holder' })
    const hireId = await createHire(app.database.db, consultant, { vacancyId, candidateId, residenceStatus: 'unknown' })
    const [row] = await app.database.query<{ residence_status: string }>(`select residence_status from hires where id = '${hireId}'`)
    expect(row!.residence_status).toBe('status_holder')
  })
})

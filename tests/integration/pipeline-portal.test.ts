import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app'
import { countRows } from '../support/db'
import { createEmployer, createStaff, TEST_PASSWORD } from '../support/factories'
import { pilotHistoryCsv } from '../support/pilot-history'

let app: TestApp
let staff: Awaited<ReturnType<typeof createStaff>>
let employer: Awaited<ReturnType<typeof createEmployer>>
beforeAll(async () => {
  app = await startTestApp()
  staff = await createStaff(app.database.db)
  employer = await createEmployer(app.database.db)
})
afterAll(() => app.close())

const upload = (text: string) => {
  const form = new FormData()
  form.set('intent', 'import')
  form.set('file', new File([text], 'history.csv', { type: 'text/csv' }))
  return form
}

describe('the report page', () => {
  it('loads a history file, lists a bad one by line without saving it, and shows the pilot funnel', async () => {
    const browser = app.browser()
    await browser.logIn(staff.intermediary.email, TEST_PASSWORD)
    const empty = await browser.get('/reports')
    expect(empty.status).toBe(200)
    expect(await empty.text()).toContain('Nog geen intakes of matches')

    const broken = pilotHistoryCsv().replace(',male,', ',man,')
    const refused = await browser.postMultipart('/reports?index', upload(broken))
    expect(refused.status).toBe(400)
    const refusedPage = (await refused.text()).replace(/<!-- -->/g, '')
    expect(refusedPage).toContain('Regel 2 (gender)')
    expect(await countRows(app.database, ['candidates'])).toEqual({ candidates: 0 })

    const loaded = await browser.postMultipart('/reports?index', upload(pilotHistoryCsv()))
    expect(loaded.status).toBe(302)
    const report = await browser.get(loaded.headers.get('location')!.replace('/reports?', '/reports?from=2022-12-01&to=2023-12-31&'))
    const page = (await report.text()).replace(/<!-- -->/g, '')
    expect(page).toContain('169 kandidaten en 60 matches ingelezen')
    expect(page).toMatch(/Plaatsingen: aan het werk \+ gestopt<\/th><td class="number"[^>]*>46</)
    expect(page).toContain('60 matches met 57 personen')
    expect(page).toContain('<svg role="img" aria-label="Staafdiagram: deelnemers 169, matches 60, plaatsingen 46, aan het werk 22.')
  })

  it('exports every table as CSV with counts under five hidden', async () => {
    const browser = app.browser()
    await browser.logIn(staff.intermediary.email, TEST_PASSWORD)
    const response = await browser.get('/reports/funnel.csv?from=2022-12-01&to=2023-12-31')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/csv')
    const csv = await response.text()
    expect(csv).toContain('Deelnemers: bewoners met een intake,169')
    // One participant of unknown gender and no match: "< 5" and no percentage, never "1".
    expect(csv).toContain('Onbekend / non-binair,< 5,,0,0')
    const counts = parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true }).flatMap((cells: string[]): (string | undefined)[] => (cells.length === 5 ? [cells[1], cells[3]] : cells.length === 2 ? [cells[1]] : []))
    expect(counts.length).toBeGreaterThan(40)
    expect(counts.filter((cell) => /^[1-4]$/.test(cell ?? ''))).toEqual([])
  })

  it('refuses bad COA numbers beside the field and keeps nothing', async () => {
    const browser = app.browser()
    await browser.logIn(staff.intermediary.email, TEST_PASSWORD)
    const response = await browser.post('/reports?index', { intent: 'target-group', receptionLocationId: 'nope', referenceDate: '2023-12-31', residents: '', statusHolders: '-3', asylumSeekers: 'veel' })
    expect(response.status).toBe(400)
    const page = await response.text()
    expect(page).toContain('id="field-statusHolders-error"')
    expect(page).toContain('id="field-asylumSeekers-error"')
    expect(page).toContain('id="field-receptionLocationId-error"')
    expect(await countRows(app.database, ['target_group_counts'])).toEqual({ target_group_counts: 0 })
  })

  it('is not there for employers', async () => {
    const browser = app.browser()
    await browser.logIn(employer.owner.email, TEST_PASSWORD)
    expect((await browser.get('/reports')).status).toBe(403)
    expect((await browser.get('/reports/funnel.csv')).status).toBe(403)
    expect((await browser.postMultipart('/reports?index', upload(pilotHistoryCsv()))).status).toBe(403)
  })
})

import { describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, demoLogins } from '../../db/seed'
import { expectAccessible } from './support/browser'
import { portalPerFile } from './support/suite'
import { logIn, newPage } from './support/session'

const suite = portalPerFile()

const daysAgo = (n: number) => {
  const date = new Date()
  date.setUTCDate(date.getUTCDate() - n)
  return date.toISOString().slice(0, 10)
}

describe("the intermediary's pipeline", () => {
  it('records an intake, a match, the first working day and a stop, and sees it in the report; every page accessible', async () => {
    const page = await newPage(suite.browser())
    await logIn(page, suite.url(), demoLogins[1].email, DEMO_PASSWORD)

    // The demo opens on a year shaped like the pilot.
    await page.getByRole('link', { name: 'Rapportage', exact: true }).click()
    await page.waitForURL(/\/reports$/)
    const placements = page.getByRole('row', { name: /Plaatsingen: aan het werk \+ gestopt/ })
    expect((await placements.getByRole('cell').textContent())?.trim()).toBe('46')
    await expectAccessible(page, '70-report')

    // Intake.
    await page.getByRole('link', { name: 'Kandidaten', exact: true }).click()
    await page.waitForURL(/\/candidates$/)
    await expectAccessible(page, '71-candidates')
    await page.getByRole('link', { name: 'Intake vastleggen' }).click()
    await page.waitForURL(/\/candidates\/new$/)
    await page.getByLabel('Referentiecode').fill('E2E-77')
    await page.getByLabel('Voornaam').fill('Amani')
    await page.getByLabel('Verblijfsstatus').selectOption('status_holder')
    await page.getByLabel('Gender').selectOption('female')
    await page.getByLabel('Opleidingsniveau').selectOption('secondary_vocational')
    await page.getByLabel('Datum intake').fill(daysAgo(60))
    await page.getByLabel('Gewenste uren per week').fill('32')
    await expectAccessible(page, '72-intake')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await page.waitForURL(/\/candidates\/[0-9a-f-]{36}\?saved=1$/)
    await page.getByRole('heading', { name: 'E2E-77 — Amani' }).waitFor()
    await expectAccessible(page, '73-candidate')

    // Match, on a published demo vacancy.
    await page.getByRole('link', { name: 'Matches', exact: true }).click()
    await page.waitForURL(/\/hires$/)
    await page.getByLabel('Kandidaat').selectOption({ label: 'E2E-77 — Amani' })
    await page.getByRole('button', { name: 'Match vastleggen' }).click()
    await page.waitForURL(/\/hires\/[0-9a-f-]{36}/)
    await page.getByText('In afwachting (TWV, BSN of startdatum)').waitFor()

    // Placement: the first working day, 40 days ago; aftercare is then due.
    const firstDay = page.locator('li.step', { has: page.getByRole('heading', { name: 'Loonadministratie en eerste werkdag' }) })
    await firstDay.getByLabel('Datum').fill(daysAgo(40))
    await firstDay.getByRole('button', { name: 'Loonadministratie en eerste werkdag afvinken' }).click()
    await page.getByText('De stap is afgevinkt.').waitFor()
    await page.getByText('Aan het werk', { exact: true }).waitFor()
    await page.getByRole('heading', { name: 'Nazorg' }).waitFor()
    await page.getByText('nu aan de beurt').first().waitFor()
    await page.getByLabel('Risico op uitval').selectOption('high')
    await page.getByLabel('Wat is afgesproken?').fill('Samen met de werkgever kijken naar vaste diensten')
    await page.getByRole('button', { name: 'Contact opslaan' }).click()
    await page.getByText('Het contact is vastgelegd.').waitFor()

    // The stop, with its reason.
    await page.getByLabel('Uitkomst', { exact: true }).selectOption('stopped')
    await page.getByLabel('Laatste werkdag').fill(daysAgo(5))
    await page.getByLabel('Reden van stoppen').selectOption('relocated')
    await page.getByRole('button', { name: 'Uitkomst opslaan' }).click()
    await page.getByText('De uitkomst van de match is opgeslagen.').waitFor()
    await page.getByText(/Gestopt — .*Verhuisd \(overplaatsing\)/).waitFor()
    await expectAccessible(page, '74-hire-stopped')

    // The report counts it: one more placement, one more stop, for a relocation.
    await page.getByRole('link', { name: 'Rapportage', exact: true }).click()
    await page.waitForURL(/\/reports$/)
    expect((await placements.getByRole('cell').textContent())?.trim()).toBe('47')
    await page.getByRole('listitem').filter({ hasText: 'Verhuisd (overplaatsing): 1' }).waitFor()
    await page.context().close()
  })
})

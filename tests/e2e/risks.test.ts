import { describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, demoLogins } from '../../db/seed'
import { expectAccessible } from './support/browser'
import { portalPerFile } from './support/suite'
import { logIn, logOut, newPage } from './support/session'

const suite = portalPerFile()

describe('the employer sees hiring risks on its own vacancy', () => {
  it('fixes the 24-hour linkage and travel-cost risks and watches them go', async () => {
    const page = await newPage(suite.browser())
    await logIn(page, suite.url(), demoLogins[2].email, DEMO_PASSWORD)
    await page.goto(`${suite.url()}/vacancies`)
    await page.getByRole('link', { name: 'Magazijnmedewerker weekend' }).click()
    await page.waitForURL(/\/vacancies\/[0-9a-f-]{36}$/)
    const linkage = page.locator('[data-risk="municipal-linkage-24h"]')
    await linkage.waitFor()
    expect(await linkage.textContent()).toContain('§4.6')
    // Its sources are links an employer can follow.
    expect(await linkage.getByRole('link', { name: /Huisvesting van statushouders/ }).getAttribute('href')).toBe('https://www.coa.nl/nl/huisvesting-van-statushouders')
    expect(await page.locator('[data-risk="travel-cost-gap"]').count()).toBe(1)
    await expectAccessible(page, '50-vacancy-risks')
    const vacancyUrl = page.url()

    await page.getByRole('link', { name: 'Bewerken', exact: true }).click()
    await page.getByLabel('Minimaal aantal uren per week').fill('24')
    await page.getByLabel('Maximaal aantal uren per week').fill('24')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await page.waitForURL(/saved=1/)

    await page.getByRole('link', { name: 'Regelingen bewerken' }).click()
    await page.waitForURL(/\/arrangements$/)
    await expectAccessible(page, '51-arrangements')
    await page.getByLabel('Vervoer').selectOption('public_transport')
    await page.getByLabel('Vergoeding (€)').fill('12,00')
    await page.getByLabel('Per', { exact: true }).selectOption('per_day')
    await page.getByLabel('Wanneer betaald').selectOption('in_advance')
    await page.getByLabel('Ov-kosten per dag (€, retour)').fill('11,00')
    await page.getByRole('button', { name: 'Regelingen opslaan' }).click()
    await page.waitForURL(/arranged=1/)
    await page.getByText('De regelingen zijn opgeslagen.').waitFor()
    expect(await page.locator('[data-risk="municipal-linkage-24h"]').count()).toBe(0)
    expect(await page.locator('[data-risk="travel-cost-gap"]').count()).toBe(0)
    await page.getByRole('link', { name: 'Over deze regel' }).first().click()
    await page.waitForURL(/\/risks\/[a-z0-9-]+$/)
    await expectAccessible(page, '52-risk-rule')
    expect(vacancyUrl).toMatch(/vacancies/)
    await logOut(page, suite.url())

    await logIn(page, suite.url(), demoLogins[1].email, DEMO_PASSWORD)
    await page.getByRole('link', { name: 'Risico’s' }).click()
    await page.waitForURL(/\/risks$/)
    await expectAccessible(page, '53-risk-portfolio')
    await page.context().close()
  })
})

import { describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, demoLogins } from '../../db/seed'
import { expectAccessible } from './support/browser'
import { portalPerFile } from './support/suite'
import { logIn, logOut, newPage } from './support/session'

/**
 * A morning for each role, from the dashboard: what waits on me, handled where it is linked to,
 * and gone from the list (and the menu count) once handled.
 */
const suite = portalPerFile()
const [admin, consultant, hr] = [demoLogins[0].email, demoLogins[1].email, demoLogins[2].email]

const menuCount = async (page: Awaited<ReturnType<typeof newPage>>, name: string) => {
  const link = page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: new RegExp(`^${name}`) })
  // One read: the count may go away between a count() and a textContent() while the page settles.
  const [text] = await link.locator('.nav-count [aria-hidden]').allTextContents()
  return text === undefined ? 0 : Number(text)
}

describe('a morning in Werkbrug', () => {
  it('the consultant reviews the vacancy waiting on it, from the dashboard, and the count in the menu goes', async () => {
    const page = await newPage(suite.browser())
    await logIn(page, suite.url(), consultant, DEMO_PASSWORD)
    await page.getByRole('heading', { name: 'Wat wacht op u' }).waitFor()
    expect(await menuCount(page, 'Vacatures')).toBe(1)
    const toReview = page.locator('[data-todo="to-review"]')
    await toReview.getByRole('heading', { name: 'Vacatures te beoordelen (1)' }).waitFor()
    await expectAccessible(page, '80-morning-consultant-dashboard')
    await toReview.getByRole('link', { name: /Heftruckchauffeur — Flevo Logistiek BV/ }).click()
    await page.waitForURL(/\/vacancies\/[0-9a-f-]{36}$/)
    await page.getByRole('button', { name: 'Goedkeuren en publiceren' }).click()
    await page.waitForURL(/\/vacancies\/[0-9a-f-]{36}/)
    await page.getByRole('link', { name: /^Overzicht/ }).click()
    await page.waitForURL(/\/dashboard$/)
    // Under client-side navigation the address changes before the new dashboard is rendered.
    await page.locator('[data-todo="to-review"]').waitFor({ state: 'detached' })
    await page.getByRole('heading', { name: 'Wat wacht op u' }).waitFor()
    expect(await menuCount(page, 'Vacatures')).toBe(0)
    await logOut(page, suite.url())
  })

  it('HR, on a phone, sees the next step of each hire and ticks its own step and a document in place', async () => {
    const page = await newPage(suite.browser())
    // On a phone: the morning starts before the office.
    await page.setViewportSize({ width: 390, height: 844 })
    await logIn(page, suite.url(), hr, DEMO_PASSWORD)
    const hires = page.locator('[data-todo="hires"]')
    await hires.getByText(/Nu: TWV aanvragen bij UWV — aan zet: Werkgever/).first().waitFor()
    await expectAccessible(page, '81-morning-hr-dashboard-phone')
    await hires.locator('li', { hasText: 'TWV aanvragen bij UWV' }).first().getByRole('link').click()
    await page.waitForURL(/\/hires\/[0-9a-f-]{36}#steps$/)
    const step = page.locator('#step-twv_application')
    await step.getByRole('button', { name: 'TWV aanvragen bij UWV afvinken' }).click()
    await page.waitForURL(/#step-twv_application$/)
    await step.getByText('De stap is afgevinkt.').waitFor()
    // UWV's decision is not HR's to record.
    expect(await page.locator('#step-twv_decision form').count()).toBe(0)
    await page.getByRole('button', { name: 'Afvinken: Conceptarbeidsovereenkomst, getekend door de werkgever is in huis' }).click()
    await page.waitForURL(/#doc-draft_contract$/)
    await page.locator('#doc-draft_contract').getByText('Het document is afgevinkt.').waitFor()
    await expectAccessible(page, '82-morning-hr-hire-phone')
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(390)
    await logOut(page, suite.url())
  })

  it('the platform admin starts from the rules due for review, and reads the publication news in the demo mailbox', async () => {
    const page = await newPage(suite.browser())
    await logIn(page, suite.url(), admin, DEMO_PASSWORD)
    const due = page.locator('[data-todo="rules-due"]')
    await page.locator('[data-todo="rules-due"], [data-testid="nothing-waits"]').first().waitFor()
    const items = await due.locator('li').count()
    expect(await menuCount(page, 'Regels')).toBe(items)
    if (items > 0) {
      const first = due.getByRole('link').first()
      const href = (await first.getAttribute('href'))!
      await first.click()
      await page.waitForURL((url) => `${url.pathname}${url.hash}` === href)
      await page.getByRole('heading', { name: /^Te controleren/ }).waitFor()
    } else {
      await page.getByTestId('nothing-waits').waitFor()
    }
    await page.getByRole('link', { name: 'Postvak' }).click()
    await page.waitForURL(/\/mailbox$/)
    await page.getByRole('cell', { name: /Vacature gepubliceerd: Heftruckchauffeur/ }).first().waitFor()
    await expectAccessible(page, '83-morning-admin-mailbox')
  })
})

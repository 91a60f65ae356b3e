import { describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, demoLogins } from '../../db/seed'
import { pdfText } from '../support/pdf'
import { expectAccessible } from './support/browser'
import { portalPerFile } from './support/suite'
import { logIn, logOut, newPage } from './support/session'

const suite = portalPerFile()

describe('HR follows the TWV path of a hire', () => {
  it('opens a hire, ticks a step, downloads the checklist PDF; every page accessible', async () => {
    const page = await newPage(suite.browser())
    await logIn(page, suite.url(), demoLogins[2].email, DEMO_PASSWORD)
    await page.getByRole('link', { name: 'Matches', exact: true }).click()
    await page.waitForURL(/\/hires$/)
    await expectAccessible(page, '40-hires')
    await page.getByRole('link', { name: /AZC-1042/ }).click()
    await page.waitForURL(/\/hires\/[0-9a-f-]{36}$/)
    await page.getByRole('heading', { name: 'Stappen' }).waitFor()
    await expectAccessible(page, '41-hire')

    await page.getByRole('button', { name: 'TWV aanvragen bij UWV afvinken' }).click()
    await page.getByText('De stap is afgevinkt.').waitFor()
    expect(await page.locator('.step--done').count()).toBe(3)

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download de TWV-checklist (PDF)' }).click()])
    const path = await download.path()
    const { readFileSync } = await import('node:fs')
    const bytes = readFileSync(path!)
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    const text = await pdfText(new Uint8Array(bytes))
    expect(text).toContain('Flevo Logistiek BV')
    expect(text).toContain('AZC-1042')

    await page.getByRole('link', { name: 'Printbare versie' }).click()
    await page.waitForURL(/\/checklist$/)
    await expectAccessible(page, '42-checklist-printable')
    await logOut(page, suite.url())

    await logIn(page, suite.url(), demoLogins[0].email, DEMO_PASSWORD)
    await page.getByRole('link', { name: 'Regels' }).click()
    await page.waitForURL(/\/admin\/policy$/)
    await expectAccessible(page, '43-admin-policy')
    await logOut(page, suite.url())
    // Fees are the intermediary's own: its owner sets them.
    await logIn(page, suite.url(), demoLogins[1].email, DEMO_PASSWORD)
    await page.getByRole('link', { name: 'Tarieven' }).click()
    await page.waitForURL(/\/admin\/fees$/)
    await expectAccessible(page, '44-admin-fees')
    await page.context().close()
  })
})

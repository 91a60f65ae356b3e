import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAccessible, launchChromium } from './support/browser'
import { startPortal, type RunningPortal } from './support/server'
import { startSmtpServer } from '../support/smtp'

// The hesitant employer, before any account: the front page, a scan, and on to a registered
// draft. Without JavaScript, as the public pages ship none.
let portal: RunningPortal
let browser: Browser
let smtp: Awaited<ReturnType<typeof startSmtpServer>>

beforeAll(async () => {
  smtp = await startSmtpServer()
  portal = await startPortal({ SMTP_URL: smtp.url })
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await portal?.stop()
  await smtp?.close()
})

describe('the public page and the quick scan', () => {
  it('a 16-hour weekend job: the linkage risk and what to do, then registration with the vacancy filled in', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${portal.url}/`)
    // No script at all on a public page.
    expect(await page.locator('script').count()).toBe(0)
    await expectAccessible(page, '90-public-home')
    await page.getByRole('link', { name: 'Doe de quick scan (2 minuten, zonder account)' }).first().click()
    await page.getByRole('heading', { level: 1, name: /Quick scan/ }).waitFor()
    expect(await page.locator('script').count()).toBe(0)
    await expectAccessible(page, '91-quick-scan')
    await page.getByLabel('Welke baan? (optioneel)').fill('Schoonmaker weekend')
    await page.getByLabel('Minimaal aantal uren per week').fill('16')
    await page.getByLabel('Maximaal aantal uren per week').fill('16')
    await page.getByLabel('Weekend').check()
    await page.getByLabel(/^Reistijd vanaf/).first().fill('35')
    await page.getByRole('button', { name: 'Bekijk het resultaat' }).click()
    await page.waitForURL(/\/scan\/[0-9a-f-]{36}$/)
    const linkage = page.locator('[data-risk="municipal-linkage-24h"]')
    await linkage.waitFor()
    expect(await linkage.textContent()).toContain('Wat u kunt doen')
    await page.getByTestId('scan-not-asked').waitFor()
    await expectAccessible(page, '92-quick-scan-result')

    await page.getByRole('link', { name: 'Registreer met Werkgeversservicepunt Gemeente Almere en bewaar dit als concept-vacature' }).click()
    await page.getByText('Uw antwoorden uit de quick scan gaan mee').waitFor()
    await page.getByLabel('Naam organisatie').fill('Weekendschoon BV')
    await page.getByLabel('KvK-nummer').fill('70111222')
    await page.getByLabel('Contactpersoon (uw naam)').fill('Fatima')
    expect(await page.getByLabel('Bemiddelaar waarmee u werkt').locator('option:checked').textContent()).toBe('Werkgeversservicepunt Gemeente Almere')
    await page.getByLabel('E-mailadres').fill('fatima@weekendschoon.example')
    await page.getByLabel('Wachtwoord').fill('een weekend lang schoonmaken')
    await page.getByRole('button', { name: 'Registreren' }).click()
    await page.getByRole('heading', { level: 1, name: 'Kijk in uw e-mail' }).waitFor()

    let link: string | undefined
    for (let i = 0; i < 100 && !link; i++) {
      link = smtp.received.filter((m) => m.to.includes('fatima@weekendschoon.example')).at(-1)?.text.match(/http:\/\/\S+\/confirm-email\?token=[\w-]+/)?.[0]
      if (!link) await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(link).toBeDefined()
    await page.goto(link!)
    await page.getByRole('button', { name: 'E-mailadres bevestigen' }).click()
    await page.waitForURL(/\/vacancies\/[0-9a-f-]{36}\/edit$/)
    await page.getByLabel('Functietitel').waitFor()
    expect(await page.locator('input[name="title"]').inputValue()).toBe('Schoonmaker weekend')
    expect(await page.locator('input[name="hoursMin"]').inputValue()).toBe('16')
    expect(await page.locator('input[name="hoursMax"]').inputValue()).toBe('16')
    expect(await page.getByLabel('Weekend').isChecked()).toBe(true)
    expect(await page.getByLabel(/^Reistijd vanaf/).first().inputValue()).toBe('35')
    await context.close()
  })
})

import { generate } from 'otplib'
import type { Browser, Page } from 'playwright-core'
import { DEMO_TOTP_SECRET } from '../../../db/seed'

// axe needs a page that belongs to an explicit context.
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext()
  return context.newPage()
}

export async function logIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Wachtwoord', { exact: false }).first().fill(password)
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await page.waitForURL(/\/(dashboard|login\/two-factor\?.*)$/)
  if (new URL(page.url()).pathname === '/login/two-factor') {
    await page.getByLabel('Code uit de app of herstelcode').fill(await demoStaffCode(email))
    await page.getByRole('button', { name: 'Inloggen' }).click()
    await page.waitForURL(/\/dashboard$/)
  }
}

// The portal accepts a code once, from the previous, current or next 30-second step: a second
// sign-in of the same account within one step uses the next step's code, a third waits.
const lastStepUsed = new Map<string, number>()

/** The demo staff's authenticator code, as their phone would show it. */
export async function demoStaffCode(email: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000)
  const step = Math.max(Math.floor(now / 30), (lastStepUsed.get(email) ?? -1) + 1)
  const waitMs = (step - 1) * 30_000 - Date.now()
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs + 200))
  lastStepUsed.set(email, step)
  return generate({ secret: DEMO_TOTP_SECRET, epoch: step * 30 })
}

export async function logOut(page: Page, baseUrl: string) {
  await page.getByRole('button', { name: 'Uitloggen' }).click()
  await page.waitForURL(`${baseUrl}/`)
}

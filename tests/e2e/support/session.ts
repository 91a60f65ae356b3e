import type { Browser, Page } from 'playwright-core'

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
  await page.waitForURL(/\/dashboard$/)
}

export async function logOut(page: Page, baseUrl: string) {
  await page.getByRole('button', { name: 'Uitloggen' }).click()
  await page.waitForURL(`${baseUrl}/`)
}

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, demoLogins } from '../../db/seed'
import { startSmtpServer } from '../support/smtp'
import { expectAccessible, launchChromium } from './support/browser'
import { startPortal, type RunningPortal } from './support/server'
import { logIn, logOut, newPage } from './support/session'

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

const employer = demoLogins[2].email
const intermediary = demoLogins[1].email

function localInDays(days: number, time: string) {
  return `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`
}

async function publishSlot(page: Page, startsAt: string, endsAt: string, name: string) {
  await page.goto(`${portal.url}/speeddates/new`)
  await page.getByLabel('Begin').fill(startsAt)
  await page.getByLabel('Einde').fill(endsAt)
  await page.getByLabel('Opvanglocatie', { exact: true }).selectOption({ label: 'Almere Markerkant' })
  await page.getByLabel('Aantal plaatsen voor kandidaten').fill('6')
  if (name === '31-slot-new') await expectAccessible(page, name)
  await page.getByRole('button', { name: 'Moment publiceren' }).click()
  await page.getByText('Het moment is gepubliceerd.').waitFor()
}

describe('the intermediary approves a speeddate the employer booked', () => {
  it('publishes two slots, the employer books one, approval reaches the employer by email', async () => {
    const page = await newPage(browser)
    await logIn(page, portal.url, intermediary, DEMO_PASSWORD)
    await page.getByRole('link', { name: 'Speeddates' }).click()
    await page.waitForURL(/\/speeddates$/)
    await expectAccessible(page, '30-speeddates-intermediary')
    await publishSlot(page, localInDays(20, '09:00'), localInDays(20, '09:45'), '31-slot-new')
    await publishSlot(page, localInDays(21, '09:00'), localInDays(21, '09:45'), '31b')
    await expectAccessible(page, '32-slot-intermediary')
    await logOut(page, portal.url)

    await logIn(page, portal.url, employer, DEMO_PASSWORD)
    await page.getByRole('link', { name: 'Speeddates' }).click()
    await page.waitForURL(/\/speeddates$/)
    await expectAccessible(page, '33-speeddates-employer')
    const row = page.getByRole('row').filter({ hasText: 'Almere Markerkant' }).filter({ hasText: '09:00–09:45' }).first()
    await row.getByRole('button', { name: 'Aanvragen' }).click()
    await page.getByText('Uw aanvraag is verstuurd.').waitFor()
    const slotUrl = page.url().split('?')[0]!
    await expectAccessible(page, '34-slot-requested')
    await logOut(page, portal.url)

    await logIn(page, portal.url, intermediary, DEMO_PASSWORD)
    await page.goto(slotUrl)
    await page.getByRole('button', { name: 'Goedkeuren' }).click()
    await page.getByText('De aanvraag is goedgekeurd.').waitFor()
    await expectAccessible(page, '35-slot-approved')
    await logOut(page, portal.url)

    await logIn(page, portal.url, employer, DEMO_PASSWORD)
    await page.goto(slotUrl)
    expect(await page.locator('.status').first().textContent()).toBe('Goedgekeurd')

    // The dispatcher delivers within a few seconds.
    const deadline = Date.now() + 20_000
    let approval = smtp.received.find((m) => m.to.includes(employer) && m.subject.startsWith('Speeddate bevestigd'))
    while (!approval && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250))
      approval = smtp.received.find((m) => m.to.includes(employer) && m.subject.startsWith('Speeddate bevestigd'))
    }
    expect(approval, JSON.stringify(smtp.received.map((m) => m.subject))).toBeDefined()
    expect(approval!.ics).toContain('METHOD:REQUEST')
    expect(smtp.received.some((m) => m.to.includes(intermediary) && m.subject.startsWith('Speeddate aangevraagd'))).toBe(true)
    await page.context().close()
  })
})

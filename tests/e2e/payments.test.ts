import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, demoLogins } from '../../db/seed'
import { startStripeStandIn, type StripeStandIn } from '../support/stripe-stand-in'
import { expectAccessible, launchChromium } from './support/browser'
import { startPortal, type RunningPortal } from './support/server'
import { logIn, logOut, newPage } from './support/session'

let stripe: StripeStandIn
let portal: RunningPortal
let browser: Browser
beforeAll(async () => {
  stripe = await startStripeStandIn()
  portal = await startPortal(stripe.env())
  // Stripe sends its webhooks to the portal, as the dashboard's endpoint setting would.
  stripe.setWebhookUrl(`${portal.url}/webhooks/stripe`)
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await portal?.stop()
  await stripe?.close()
})

const [intermediary, employer] = [demoLogins[1].email, demoLogins[2].email]

function localInDays(days: number, time: string) {
  return `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`
}

describe('an employer books and pays a speeddate that carries a fee', () => {
  it('goes from the fee-carrying slot to the checkout and back to a confirmed booking with a receipt', async () => {
    const page = await newPage(browser)

    // The intermediary's owner sets its own booking fee: €75 + 21% VAT.
    await logIn(page, portal.url, intermediary, DEMO_PASSWORD)
    await page.getByRole('link', { name: 'Tarieven' }).click()
    await page.waitForURL(/\/admin\/fees$/)
    await page.getByLabel('Soort').selectOption({ label: 'Speeddate-boeking' })
    await page.getByLabel('Bedrag exclusief btw (€)').fill('75')
    await page.getByRole('button', { name: 'Tarief vastleggen' }).click()
    await page.getByText('Het tarief is vastgelegd.').waitFor()
    await expectAccessible(page, '70-fees-admin')

    await page.goto(`${portal.url}/speeddates/new`)
    await page.getByLabel('Begin').fill(localInDays(25, '13:00'))
    await page.getByLabel('Einde').fill(localInDays(25, '13:45'))
    await page.getByLabel('Opvanglocatie', { exact: true }).selectOption({ label: 'Almere Markerkant' })
    await page.getByLabel('Aantal plaatsen voor kandidaten').fill('6')
    await page.getByRole('button', { name: 'Moment publiceren' }).click()
    await page.getByText('Het moment is gepubliceerd.').waitFor()
    await logOut(page, portal.url)

    // The employer sees the fee and the terms before booking.
    await logIn(page, portal.url, employer, DEMO_PASSWORD)
    await page.getByRole('link', { name: 'Speeddates' }).click()
    await page.waitForURL(/\/speeddates$/)
    await page.getByText('Annuleert de bemiddelaar, dan krijgt u altijd alles terug.').waitFor()
    await expectAccessible(page, '71-speeddates-with-fee')
    const row = page.getByRole('row').filter({ hasText: '13:00–13:45' }).first()
    expect((await row.textContent())?.replace(/\s/g, ' ')).toContain('€ 90,75 (incl. € 15,75 btw)')
    await row.getByRole('button', { name: 'Boeken en betalen' }).click()

    // Stripe's (stand-in) checkout: pay with iDEAL.
    await page.waitForURL(new RegExp(`^${stripe.url}/checkout/cs_test_`))
    await page.getByRole('heading', { name: 'Betalen € 90,75' }).waitFor()
    await page.getByRole('button', { name: 'Betalen € 90,75' }).click()

    // Back in the portal: the booking is confirmed and the receipt shows the VAT.
    await page.waitForURL(new RegExp(`^${portal.url}/payments/[0-9a-f-]{36}\\?checkout=success`))
    await page.getByText('Betaling ontvangen. Uw speeddate is bevestigd').waitFor()
    const receipt = (await page.locator('main').textContent())!.replace(/\s/g, ' ')
    expect(receipt).toMatch(/Betalingsbewijs WB-\d{6}/)
    expect(receipt).toContain('€ 15,75')
    expect(receipt).toContain('€ 90,75')
    // The payee is the intermediary whose fee it is, not Werkbrug.
    expect(receipt).toContain('Werkbrug Bemiddeling Almere')
    await expectAccessible(page, '72-receipt')

    await page.getByRole('link', { name: 'naar de speeddate' }).click()
    await page.waitForURL(/\/speeddates\/[0-9a-f-]{36}$/)
    await page.getByRole('heading', { level: 1 }).waitFor()
    expect(await page.locator('.status').first().textContent()).toBe('Goedgekeurd')
    await expectAccessible(page, '73-slot-paid')

    await page.getByRole('link', { name: 'Betalingen' }).click()
    await page.waitForURL(/\/payments$/)
    await page.getByRole('heading', { name: 'Betalingen', level: 1 }).waitFor()
    await expectAccessible(page, '74-payments-employer')
    await logOut(page, portal.url)

    // The intermediary sees the payment among all of them.
    await logIn(page, portal.url, intermediary, DEMO_PASSWORD)
    await page.goto(`${portal.url}/payments`)
    await page.getByRole('cell', { name: 'Flevo Logistiek BV' }).first().waitFor()
    await expectAccessible(page, '75-payments-intermediary')
  })
})

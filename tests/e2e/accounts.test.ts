import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, demoLogins } from '../../db/seed'
import { expectAccessible, launchChromium } from './support/browser'
import { startPortal, type RunningPortal } from './support/server'
import { startSmtpServer } from '../support/smtp'
import { demoStaffCode, logIn as logInAs, logOut, newPage as openPage } from './support/session'

// Registering needs the confirmation email: this portal sends over SMTP to a local server. The
// demo's mailbox (no SMTP) is tried on a portal of its own below.
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

/** Waits for the confirmation email to reach the SMTP server and opens its link. */
async function confirmAddress(page: Page, email: string, options: { checkAccessibility: boolean }) {
  let link: string | undefined
  for (let i = 0; i < 100 && !link; i++) {
    link = smtp.received.filter((m) => m.to.includes(email)).at(-1)?.text.match(/http:\/\/\S+\/confirm-email\?token=[\w-]+/)?.[0]
    if (!link) await new Promise((resolve) => setTimeout(resolve, 100))
  }
  expect(link, `confirmation email to ${email}`).toBeDefined()
  await page.goto(link!)
  // axe runs inside the page: not in a context without JavaScript.
  if (options.checkAccessibility) await expectAccessible(page, '03c-confirm-email')
  await page.getByRole('button', { name: 'E-mailadres bevestigen' }).click()
  await page.waitForURL(/\/dashboard$/)
  // The address bar changes before the page does (client-side navigation): wait for the dashboard itself.
  await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor()
}

const newPage = () => openPage(browser)
const logIn = (page: Page, email: string, password: string) => logInAs(page, portal.url, email, password)

describe('an intermediary invites an employer', () => {
  it('the municipal adviser invites by email; the employer registers from the link and works with that adviser only; every page accessible', async () => {
    const page = await newPage()
    await logIn(page, demoLogins[4].email, DEMO_PASSWORD)
    await page.getByRole('heading', { name: 'Een werkgever uitnodigen' }).waitFor()
    await page.getByLabel('E-mailadres van de werkgever').fill('info@bloemenkwekerij.example')
    await page.getByRole('button', { name: 'Uitnodiging versturen' }).click()
    await page.getByText('Uitnodiging verstuurd naar info@bloemenkwekerij.example.').waitFor()
    await logOut(page, portal.url)

    let link: string | undefined
    for (let i = 0; i < 100 && !link; i++) {
      link = smtp.received.filter((m) => m.to.includes('info@bloemenkwekerij.example')).at(-1)?.text.match(/http:\/\/\S+\/partners\/[\w-]+/)?.[0]
      if (!link) await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(link, 'the invitation email').toBeDefined()
    await page.goto(link!)
    await page.getByText('Werkgeversservicepunt Gemeente Almere wil via Werkbrug met uw organisatie samenwerken', { exact: false }).waitFor()
    await expectAccessible(page, '05-partner-invitation')
    await page.getByRole('link', { name: 'Mijn organisatie registreren' }).click()
    await page.getByText('U registreert uw organisatie om samen te werken met Werkgeversservicepunt Gemeente Almere.').waitFor()
    // The invitation chose the intermediary: no need to pick one.
    expect(await page.getByLabel('Bemiddelaar waarmee u werkt').count()).toBe(0)
    await expectAccessible(page, '05b-register-from-invitation')
    await page.getByLabel('Naam organisatie').fill('Bloemenkwekerij Het Weerwater')
    await page.getByLabel('KvK-nummer').fill('7123 4567')
    await page.getByLabel('Contactpersoon (uw naam)').fill('Joris Bloem')
    await page.getByLabel('E-mailadres').fill('info@bloemenkwekerij.example')
    await page.getByLabel('Wachtwoord').fill('tulpen en dahlia’s in de kas')
    await page.getByRole('button', { name: 'Registreren' }).click()
    await page.getByRole('heading', { level: 1, name: 'Kijk in uw e-mail' }).waitFor()
    await confirmAddress(page, 'info@bloemenkwekerij.example', { checkAccessibility: false })
    const overview = (await page.locator('main').textContent())!.replace(/\s+/g, ' ')
    expect(overview).toContain('Bemiddelaars met wie u samenwerkt')
    expect(overview).toContain('Werkgeversservicepunt Gemeente Almere')
    expect(overview).not.toContain('Werkbrug Bemiddeling Almere')
    await page.context().close()
  })
})

describe('an employer gets started', () => {
  it('registers, logs out, logs in and switches the language, with every page accessible', async () => {
    const page = await newPage()
    await page.goto(portal.url)
    await page.getByRole('heading', { level: 1, name: 'Werkbrug', exact: true }).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('nl')
    await expectAccessible(page, '01-home')

    await page.getByRole('link', { name: 'Registreer uw organisatie' }).click()
    await page.waitForURL(/\/register$/)
    await expectAccessible(page, '02-register')

    await page.getByLabel('Naam organisatie').fill('Haven Distributie Almere BV')
    await page.getByLabel('KvK-nummer').fill('1234')
    await page.getByLabel('Contactpersoon (uw naam)').fill('Fatima El Amrani')
    // The demo has two intermediaries: the employer chooses the one it works with.
    await page.getByLabel('Bemiddelaar waarmee u werkt').selectOption({ label: 'Werkbrug Bemiddeling Almere' })
    await page.getByLabel('E-mailadres').fill('fatima@haven-distributie.example')
    await page.getByLabel('Wachtwoord').fill('pallets en vrachtwagens')
    await page.getByRole('button', { name: 'Registreren' }).click()

    const kvkError = page.locator('#field-kvkNumber-error')
    await kvkError.waitFor()
    expect(await kvkError.textContent()).toBe('Een KvK-nummer bestaat uit precies 8 cijfers.')
    // The error summary takes focus and links each problem, by the field's name, to its field.
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'))
    await page.getByRole('link', { name: 'KvK-nummer: Een KvK-nummer bestaat uit precies 8 cijfers.' }).click()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-kvkNumber')
    expect(await page.getByLabel('KvK-nummer').getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByLabel('Naam organisatie').inputValue()).toBe('Haven Distributie Almere BV')
    await expectAccessible(page, '03-register-error')

    await page.getByLabel('KvK-nummer').fill('7012 3456')
    await page.getByLabel('Wachtwoord').fill('pallets en vrachtwagens')
    await page.getByRole('button', { name: 'Registreren' }).click()
    await page.getByRole('heading', { level: 1, name: 'Kijk in uw e-mail' }).waitFor()
    await expectAccessible(page, '03b-register-check-email')
    await confirmAddress(page, 'fatima@haven-distributie.example', { checkAccessibility: true })
    await page.getByRole('heading', { level: 1, name: 'Welkom, Fatima El Amrani', exact: true }).waitFor()
    await expectAccessible(page, '04-dashboard')

    await page.getByRole('button', { name: 'Uitloggen' }).click()
    await page.waitForURL(`${portal.url}/`)
    await page.getByRole('link', { name: 'Inloggen' }).first().click()
    await page.waitForURL(/\/login/)
    await expectAccessible(page, '05-login')

    await logIn(page, 'fatima@haven-distributie.example', 'pallets en vrachtwagens')
    await page.getByRole('button', { name: 'English' }).click()
    await page.waitForURL(/\/dashboard$/)
    await page.getByRole('heading', { level: 1, name: 'Welcome, Fatima El Amrani', exact: true }).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await expectAccessible(page, '06-dashboard-en')

    // The choice persists across visits.
    await page.goto(`${portal.url}/team`)
    await page.getByRole('heading', { level: 1, name: 'Team', exact: true }).waitFor()
    await page.getByRole('button', { name: 'Send invitation' }).waitFor()
    await expectAccessible(page, '07-team-en')

    // Two-step sign-in is optional for employers: the page offers it, with a QR code to scan.
    await page.getByRole('link', { name: 'Security' }).click()
    await page.getByRole('heading', { level: 1, name: 'Security' }).waitFor()
    await page.getByRole('img', { name: 'QR code to add Werkbrug to your authenticator app' }).waitFor()
    await expectAccessible(page, '08-security-en')
    await page.context().close()
  })

  it('works by keyboard: the skip link comes first and forms submit with Enter', async () => {
    const page = await newPage()
    await page.goto(`${portal.url}/login`)
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Naar de inhoud')
    await page.keyboard.press('Enter')
    expect(page.url()).toMatch(/#main$/)
    await page.getByLabel('E-mailadres').focus()
    await page.keyboard.type(demoLogins[2].email)
    await page.keyboard.press('Tab')
    await page.keyboard.type(DEMO_PASSWORD)
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/dashboard$/)
    await page.context().close()
  })

  it('logs in and registers without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${portal.url}/register`)
    await page.getByLabel('Naam organisatie').fill('Zonder Script BV')
    await page.getByLabel('KvK-nummer').fill('70999888')
    await page.getByLabel('Contactpersoon (uw naam)').fill('Noor')
    await page.getByLabel('Bemiddelaar waarmee u werkt').selectOption({ label: 'Werkgeversservicepunt Gemeente Almere' })
    await page.getByLabel('E-mailadres').fill('noor@zonder-script.example')
    await page.getByLabel('Wachtwoord').fill('x')
    await page.getByRole('button', { name: 'Registreren' }).click()
    await page.locator('#field-password-error').waitFor()
    await page.getByLabel('Wachtwoord').fill('zonder javascript gaat het ook')
    await page.getByRole('button', { name: 'Registreren' }).click()
    await page.getByRole('heading', { level: 1, name: 'Kijk in uw e-mail' }).waitFor()
    await confirmAddress(page, 'noor@zonder-script.example', { checkAccessibility: false })
    await page.getByRole('heading', { level: 1, name: 'Welkom, Noor', exact: true }).waitFor()
    await context.close()
  })
})

describe('the intermediary and the admin', () => {
  let demo: RunningPortal
  beforeAll(async () => {
    demo = await startPortal()
  })
  afterAll(() => demo?.stop())

  it('see the employers, the demo mailbox (admin only, without secret links) and the account pages, all accessible', async () => {
    const page = await newPage()
    // Something in the mailbox first: a reset request for a demo employer.
    await page.goto(`${demo.url}/forgot-password`)
    await expectAccessible(page, '10-forgot-password')
    await page.getByLabel('E-mailadres').fill(demoLogins[2].email)
    await page.getByRole('button', { name: 'Stuur de link' }).click()
    await page.getByRole('status').waitFor()

    // The consultant signs in with the password, then the authenticator code.
    await page.goto(`${demo.url}/login`)
    await page.getByLabel('E-mailadres').fill(demoLogins[1].email)
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Inloggen' }).click()
    await page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie' }).waitFor()
    await expectAccessible(page, '10b-two-factor')
    await page.getByLabel('Code uit de app of herstelcode').fill('000000')
    await page.getByRole('button', { name: 'Inloggen' }).click()
    await page.locator('#field-code-error').waitFor()
    await page.getByLabel('Code uit de app of herstelcode').fill(await demoStaffCode(demoLogins[1].email))
    await page.getByRole('button', { name: 'Inloggen' }).click()
    await page.waitForURL(/\/dashboard$/)
    await page.getByRole('cell', { name: 'Flevo Logistiek BV' }).waitFor()
    // The municipality's employer desk serves its own employer; the agency does not see it.
    expect(await page.getByRole('cell', { name: 'Groen & Zorg Almere BV' }).count()).toBe(0)
    await expectAccessible(page, '11-intermediary-dashboard')
    expect(await page.getByRole('link', { name: 'Postvak' }).count()).toBe(0)
    await page.getByRole('button', { name: 'Uitloggen' }).click()
    await page.waitForURL(`${demo.url}/`)

    await logInAs(page, demo.url, demoLogins[0].email, DEMO_PASSWORD)
    await page.getByRole('link', { name: 'Postvak' }).click()
    await page.waitForURL(/\/mailbox$/)
    await page.getByText('postvak van de demo').waitFor()
    await expectAccessible(page, '12-mailbox')
    await page.getByRole('link', { name: 'Stel een nieuw wachtwoord in voor Werkbrug' }).first().click()
    await page.waitForURL(/\/mailbox\/\d+$/)
    await page.getByText('[link verwijderd: alleen voor de ontvanger]').first().waitFor()
    expect(await page.getByText('/reset-password?token=').count()).toBe(0)
    await expectAccessible(page, '13-mailbox-message')
    await page.getByRole('link', { name: 'Bemiddelaars' }).click()
    await page.waitForURL(/\/admin\/staff$/)
    await page.getByRole('cell', { name: 'Werkgeversservicepunt Gemeente Almere', exact: true }).waitFor()
    await page.getByLabel('Organisatie').fill('Werkgeversservicepunt Lelystad')
    await page.getByLabel('E-mailadres van de eigenaar').fill('nieuw@wsp-lelystad.example')
    await page.getByRole('button', { name: 'Bemiddelaar openen en eigenaar uitnodigen' }).click()
    await page.getByText('Werkgeversservicepunt Lelystad is geopend; de eigenaar heeft een uitnodiging gekregen.').waitFor()
    await page.getByRole('cell', { name: 'Werkgeversservicepunt Lelystad', exact: true }).waitFor()
    await expectAccessible(page, '14-admin-staff')

    await page.goto(`${demo.url}/reset-password?token=nonsense`)
    await expectAccessible(page, '15-reset-invalid')
    await page.goto(`${demo.url}/does-not-exist`)
    await expectAccessible(page, '16-not-found')
    await page.context().close()
  })
})

import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStripeStandIn, type StripeStandIn } from '../support/stripe-stand-in'
import { DEMO_PASSWORD, demoLogins } from '../../db/seed'
import { axeViolations } from './support/browser'
import { portalPerFile } from './support/suite'
import { demoStaffCode } from './support/session'

/**
 * Every page of the route manifest, on a phone (390 × 844) and on a desktop, as each demo person
 * who can open it: nothing wider than the screen (no sideways page, no table that scrolls
 * sideways) and no serious axe violation at either width. The pages are found the way a person
 * finds them — by following links from the dashboard — and a page of the manifest that nobody
 * reached fails the check, so a new page cannot slip past it.
 */
let stripe: StripeStandIn
beforeAll(async () => {
  stripe = await startStripeStandIn()
})
afterAll(() => stripe?.close())
const suite = portalPerFile(() => stripe.env(), (url) => stripe.setWebhookUrl(`${url}/webhooks/stripe`))

type PageRoute = { id: string; pattern: RegExp }

async function pageRoutes(): Promise<PageRoute[]> {
  const build = (await import(pathToFileURL(path.resolve('build/server/index.js')).href)) as ServerBuild
  const fullPath = (id: string): string => {
    const route = build.routes[id]!
    const own = route.path ?? ''
    if (!route.parentId || route.parentId === 'root') return `/${own}`
    return `${fullPath(route.parentId)}/${own}`.replace(/\/+/g, '/')
  }
  return Object.values(build.routes)
    .filter((r) => r.id !== 'root' && typeof r.module.default === 'function')
    .map((r) => {
      const source = fullPath(r.id).replace(/\/$/, '') || '/'
      const regex = source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]+/g, '[^/]+')
      return { id: r.id, pattern: new RegExp(`^${regex}$`) }
    })
    // Static segments before parameters: /vacancies/new is not /vacancies/:id.
    .sort((a, b) => (a.pattern.source.match(/\[\^\/\]\+/g)?.length ?? 0) - (b.pattern.source.match(/\[\^\/\]\+/g)?.length ?? 0))
}

const routeOf = (routes: PageRoute[], pathname: string) => routes.find((r) => r.pattern.test(pathname))?.id

// Pages reached only through a link in an email (tokens): visited with a token that is not one,
// which shows the page's own "this link is not valid" state.
const fromEmails = ['/invitations/not-a-real-token', '/partners/not-a-real-token', '/confirm-email?token=not-a-real-token', '/reset-password?token=not-a-real-token']

type Finding = { who: string; page: string; problem: string }

/** What is wider than the screen: the page itself, or any box that scrolls sideways. */
async function overflowOf(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const width = window.innerWidth
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.split(' ')[0]}` : ''}`
    if (document.documentElement.scrollWidth > width + 1) {
      // Name the outermost offenders (wider than the screen, inside a parent that is not), so the finding says what to fix.
      const sticksOut = (el: Element | null) => !!el && el.getBoundingClientRect().right > width + 1
      // Or whose text runs out of its own box (a long word in a heading).
      const spills = [...document.querySelectorAll('body *')].filter((el) => el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && getComputedStyle(el).overflowX === 'visible')
      const wide = [...document.querySelectorAll('body *')].filter((el) => sticksOut(el) && !sticksOut(el.parentElement)).concat(spills).slice(0, 3).map((el) => `${el.parentElement ? name(el.parentElement) + ' > ' : ''}${name(el)}`)
      problems.push(`page is ${document.documentElement.scrollWidth}px wide (${wide.join(', ')})`)
    }
    for (const el of document.querySelectorAll('body *')) {
      const style = getComputedStyle(el)
      if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
        problems.push(`${name(el)} scrolls sideways (${el.scrollWidth}px in ${el.clientWidth}px)`)
      }
    }
    return problems
  })
}

/** Layout per person (what a page shows depends on who reads it); axe once per route at each width. */
async function check(page: Page, who: string, url: string | null, findings: Finding[], axeDone: Set<string>, route: string) {
  await page.setViewportSize({ width: 390, height: 844 })
  if (url) await page.goto(url)
  const at = new URL(page.url()).pathname + new URL(page.url()).search
  let overflow = await overflowOf(page)
  // Measured again after a moment: the first frame after hydration may not be the settled layout.
  if (overflow.length > 0) {
    await page.waitForTimeout(500)
    overflow = await overflowOf(page)
  }
  for (const problem of overflow) findings.push({ who, page: at, problem })
  // Search engines and link previews read one description per page, in the reader's language.
  const descriptions = await page.locator('head meta[name="description"]').evaluateAll((els) => els.map((e) => e.getAttribute('content') ?? ''))
  if (descriptions.length !== 1 || descriptions[0]!.length < 40) findings.push({ who, page: at, problem: `meta description: ${JSON.stringify(descriptions)}` })
  if (axeDone.has(route)) return
  axeDone.add(route)
  for (const violation of await axeViolations(page)) findings.push({ who, page: at, problem: `axe at 390px: ${violation}` })
  await page.setViewportSize({ width: 1280, height: 900 })
  for (const violation of await axeViolations(page)) findings.push({ who, page: at, problem: `axe at 1280px: ${violation}` })
}

async function signIn(page: Page, base: string, email: string, onSecondFactor?: () => Promise<void>) {
  await page.goto(`${base}/login`)
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Wachtwoord', { exact: false }).first().fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await page.waitForURL(/\/(dashboard|login\/two-factor\?.*)$/)
  if (new URL(page.url()).pathname === '/login/two-factor') {
    await onSecondFactor?.()
    await page.getByLabel('Code uit de app of herstelcode').fill(await demoStaffCode(email))
    await page.getByRole('button', { name: 'Inloggen' }).click()
    await page.waitForURL(/\/dashboard$/)
  }
}

const hrefs = (html: string) => [...html.matchAll(/<a\b[^>]*?href="([^"]+)"[^>]*>/g)].filter((m) => !/\sdownload[\s=>]/.test(m[0])).map((m) => m[1]!.replace(/&amp;/g, '&'))

/**
 * Finds the pages a person reaches by following links from where they start (over HTTP with
 * their cookies: fast), then checks the first page of each route in Chromium at phone width.
 */
async function crawl(browser: Browser, base: string, who: { email: string | null; name: string }, routes: PageRoute[], findings: Finding[], axeDone: Set<string>) {
  const context = await browser.newContext()
  const page = await context.newPage()
  const seen = new Set<string>()
  try {
    await page.setViewportSize({ width: 390, height: 844 })
    if (who.email) {
      // Signed in at phone width: the second-factor page exists only mid-sign-in.
      await signIn(page, base, who.email, async () => {
        await check(page, who.name, null, findings, axeDone, 'routes/login_.two-factor')
        seen.add('routes/login_.two-factor')
      })
    }
    const firstOf = new Map<string, string>()
    const instances = new Map<string, number>()
    // The search box in the header is a form, not a link: its results page is searched for "a".
    // A quick scan's result is reached by posting the scan form, not by a link: one is made first.
    const scan = who.email ? null : await context.request.post(`${base}/scan`, { form: { hoursMin: '16', hoursMax: '16', shifts: 'weekend' }, headers: { origin: base }, maxRedirects: 0 })
    const scanResult = scan?.headers().location
    const queue = who.email ? ['/dashboard', '/search?q=a'] : ['/', ...fromEmails, ...(scanResult ? [scanResult] : [])]
    const fetched = new Set<string>()
    while (queue.length > 0 && fetched.size < 250) {
      const next = queue.shift()!
      if (fetched.has(next)) continue
      const route = routeOf(routes, next.split('?')[0]!)
      if (!route) continue
      // A few records of each kind: the link to an edit page shows on a draft, not on every vacancy.
      const count = instances.get(route) ?? 0
      if (count >= 4) continue
      instances.set(route, count + 1)
      fetched.add(next)
      const response = await context.request.get(`${base}${next}`, { maxRedirects: 0 })
      if (response.status() !== 200) continue
      if (!firstOf.has(route)) firstOf.set(route, next)
      for (const link of hrefs(await response.text())) {
        const target = new URL(link, `${base}${next}`)
        if (target.origin !== base || target.pathname === '/logout') continue
        queue.push(target.pathname + (fromEmails.includes(target.pathname + target.search) ? target.search : ''))
      }
    }
    for (const [route, url] of firstOf) {
      seen.add(route)
      await check(page, who.name, `${base}${url}`, findings, axeDone, route)
    }
  } finally {
    await context.close()
  }
  return seen
}

describe('every page on a phone', () => {
  it('fits 390 px and passes axe at 390 and 1280 px, for every page of the manifest and everyone who can open it', async () => {
    const routes = await pageRoutes()
    await giveTheDemoAPaymentAndAnEmail(suite.browser(), suite.url())
    const people = [
      { email: null, name: 'anonymous' },
      ...demoLogins.map((l) => ({ email: l.email, name: l.email })),
      { email: 'planning@flevo-logistiek.example', name: 'planning@flevo-logistiek.example' },
    ]
    const findings: Finding[] = []
    const axeDone = new Set<string>()
    const reached = new Set<string>()
    // A few people at a time, each in their own browser context of the one Chromium.
    for (let i = 0; i < people.length; i += 4) {
      const batch = await Promise.all(people.slice(i, i + 4).map((who) => crawl(suite.browser(), suite.url(), who, routes, findings, axeDone)))
      for (const seen of batch) for (const id of seen) reached.add(id)
    }
    expect(findings).toEqual([])
    expect(routes.map((r) => r.id).filter((id) => !reached.has(id)), 'pages nobody reached by following links').toEqual([])
  }, 600_000)
})

/**
 * The demo runs without payments and has sent no email: a receipt and a mail in the local
 * mailbox are pages too. The intermediary sets a booking fee and offers a slot; HR books and pays
 * it at the Stripe stand-in (which also mails the confirmation).
 */
async function giveTheDemoAPaymentAndAnEmail(browser: Browser, base: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  try {
    await signIn(page, base, demoLogins[1].email)
    await page.goto(`${base}/admin/fees`)
    await page.getByLabel('Soort').selectOption({ label: 'Speeddate-boeking' })
    await page.getByLabel('Bedrag exclusief btw (€)').fill('75')
    await page.getByRole('button', { name: 'Tarief vastleggen' }).click()
    await page.getByText('Het tarief is vastgelegd.').waitFor()
    await page.goto(`${base}/speeddates/new`)
    const day = new Date(Date.now() + 30 * 86_400_000)
    // A Wednesday, so no holiday or weekend warning gets in the way.
    day.setUTCDate(day.getUTCDate() + ((3 - day.getUTCDay() + 7) % 7))
    const date = day.toISOString().slice(0, 10)
    await page.getByLabel('Begin').fill(`${date}T13:00`)
    await page.getByLabel('Einde').fill(`${date}T13:45`)
    await page.getByLabel('Opvanglocatie', { exact: true }).selectOption({ label: 'Almere Markerkant' })
    await page.getByLabel('Aantal plaatsen voor kandidaten').fill('6')
    await page.getByRole('button', { name: 'Moment publiceren' }).click()
    await page.getByText('Het moment is gepubliceerd.').waitFor()
    await context.clearCookies()

    await signIn(page, base, demoLogins[2].email)
    await page.goto(`${base}/speeddates`)
    await page.getByRole('row').filter({ hasText: '13:00–13:45' }).first().getByRole('button', { name: 'Boeken en betalen' }).click()
    await page.waitForURL((url) => url.pathname.startsWith('/checkout/'))
    await page.getByRole('button', { name: /^Betalen/ }).click()
    await page.waitForURL(/\/payments\/[0-9a-f-]{36}\?checkout=success/)
  } finally {
    await context.close()
  }
}

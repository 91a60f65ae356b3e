import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { countRows } from '../support/db'
import { createEmployer, TEST_PASSWORD } from '../support/factories'
import { startTestApp, type TestApp } from '../support/app'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.close())
afterEach(() => vi.restoreAllMocks())

/** What must never reach a log line: SQL and its parameters, password hashes. */
const LOG_LEAKS = [/\$argon2/i, /Failed query/i, /\bselect\s.+\sfrom\b/i, /\binsert into\b/i, /params:/i]
/** A page shows none of that, and no stack frames either. */
const PAGE_LEAKS = [...LOG_LEAKS, /node_modules/, /\bat \S+ \(/]

function expectNoLeak(text: string, leaks = PAGE_LEAKS) {
  for (const leak of leaks) expect(text, String(leak)).not.toMatch(leak)
}

describe('error pages in the demo', () => {
  it('refuses a NUL byte in a registration field beside the field, writing nothing', async () => {
    const before = await countRows(app.database, ['users', 'organisations'])
    const response = await app.browser().post('/register', {
      organisationName: 'Nul\u0000 BV',
      kvkNumber: '12345678',
      contactName: 'Noor',
      email: 'nul-byte@x.example',
      password: 'een lang genoeg wachtwoord',
    })
    expect(response.status).toBe(400)
    const page = await response.text()
    expect(page).toContain('onzichtbare stuurtekens')
    expectNoLeak(page)
    expect(await countRows(app.database, ['users', 'organisations'])).toEqual(before)
  })

  it('shows a plain error page, and logs no SQL, when the database fails under a page', async () => {
    const { owner } = await createEmployer(app.database.db)
    const browser = app.browser()
    await browser.logIn(owner.email, TEST_PASSWORD)
    const logged: string[] = []
    for (const method of ['error', 'warn', 'log'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')))
    }
    await app.database.query('alter table vacancies rename to vacancies_elsewhere')
    try {
      const page = await browser.get('/vacancies', { 'x-request-id': 'support-case-7' })
      expect(page.status).toBe(500)
      expect(page.headers.get('x-request-id')).toBe('support-case-7')
      const html = await page.text()
      expect(html).toContain('Er ging iets mis')
      expectNoLeak(html)
      const data = await browser.get('/vacancies.data')
      expectNoLeak(await data.text())
    } finally {
      await app.database.query('alter table vacancies_elsewhere rename to vacancies')
    }
    // The log line names the request, so a support question quoting the id finds it.
    expect(logged.join('\n')).toContain('[http] (support-case-7) GET /vacancies failed')
    expectNoLeak(logged.join('\n'), LOG_LEAKS)
    expect(logged.join('\n')).not.toContain(owner.email)
    vi.restoreAllMocks()
  })

  it('logs no error for a page that does not exist or a post to a page without a form', async () => {
    const logged: string[] = []
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')))
    try {
      const missing = await app.browser().get('/bestaat-niet')
      expect(missing.status).toBe(404)
      // It says what happened: not "something went wrong".
      const page = await missing.text()
      expect(page).toContain('<h1>Pagina niet gevonden</h1>')
      expect(page).not.toContain('Er ging iets mis')
      expect((await app.browser().post('/', {})).status).toBe(405)
    } finally {
      vi.restoreAllMocks()
    }
    expect(logged.filter((line) => line.includes('[http]'))).toEqual([])
  })
})

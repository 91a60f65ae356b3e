import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { loadEnv, type Env } from '../../app/lib/env.server'
import { createHttpApp } from '../../app/server/http'
import { generate } from 'otplib'
import { createTestDatabase, type TestDatabase } from './db'
import { TEST_TOTP_SECRET } from './factories'

export type TestApp = {
  url: string
  database: TestDatabase
  env: Env
  browser: () => Browser
  close: () => Promise<void>
}

/**
 * The real HTTP stack (express, origin check, the production Remix build) on a random port,
 * with a database of this test file's own. npm test builds the app before the suites run.
 */
export async function startTestApp(envOverrides: Record<string, string> = {}): Promise<TestApp> {
  const serverEntry = path.resolve('build/server/index.js')
  if (!existsSync(serverEntry)) throw new Error('No build: run `npm run build` (npm test does).')
  const build = (await import(pathToFileURL(serverEntry).href)) as ServerBuild
  const database = await createTestDatabase()
  const env = loadEnv({ NODE_ENV: 'test', SESSION_SECRET: 'integration-test-secret-of-enough-length', ...envOverrides })
  const app = createHttpApp({ db: database.db, env, build, clientDir: path.resolve('build/client') })
  const server = app.listen(0, '127.0.0.1')
  await new Promise<void>((resolve) => server.once('listening', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  // Links in emails must point at this server.
  env.APP_URL = url
  return {
    url,
    database,
    env,
    // Two logins of one user within 30 seconds would reuse a code; the test forgets the last one.
    browser: () => new Browser(url, (email) => database.query(`update users set totp_last_step = null where email = '${email.replace(/'/g, "''")}'`).then(() => {})),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await database.drop()
    },
  }
}

/**
 * A cookie-keeping client that behaves like a browser without JavaScript: form posts carry our
 * Origin, redirects are returned rather than followed so tests can see them.
 */
export class Browser {
  private cookies = new Map<string, string>()
  constructor(
    readonly baseUrl: string,
    private readonly forgetLastCode: (email: string) => Promise<void> = async () => {},
  ) {}

  setCookie(name: string, value: string) {
    this.cookies.set(name, value)
  }

  hasCookie(name: string) {
    return this.cookies.has(name)
  }

  async get(path: string, headers: Record<string, string> = {}) {
    return this.request(path, { method: 'GET', headers })
  }

  async post(path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
    return this.request(path, {
      method: 'POST',
      body: new URLSearchParams(form),
      headers: { origin: this.baseUrl, 'content-type': 'application/x-www-form-urlencoded', ...headers },
    })
  }

  /** A form post exactly as built, repeated names included (checkbox groups). */
  async postForm(path: string, body: URLSearchParams) {
    return this.request(path, { method: 'POST', body, headers: { origin: this.baseUrl, 'content-type': 'application/x-www-form-urlencoded' } })
  }

  /** A multipart form post, as a browser sends a form with a file. */
  async postMultipart(path: string, body: FormData) {
    return this.request(path, { method: 'POST', body, headers: { origin: this.baseUrl } })
  }

  /** Logs in through the real login form, and the second-factor step when it comes. */
  async logIn(email: string, password: string) {
    const response = await this.post('/login', { email, password })
    if (response.status !== 302) throw new Error(`login failed for ${email}: ${response.status}`)
    const location = response.headers.get('location') ?? ''
    if (!location.startsWith('/login/two-factor')) return response
    await this.forgetLastCode(email.toLowerCase())
    const second = await this.post(location, { code: await generate({ secret: TEST_TOTP_SECRET }) })
    if (second.status !== 302) throw new Error(`second factor failed for ${email}: ${second.status}`)
    return second
  }

  private async request(path: string, init: { method: string; body?: URLSearchParams | FormData; headers: Record<string, string> }) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    const response = await fetch(new URL(path, this.baseUrl), {
      ...init,
      redirect: 'manual',
      headers: { ...init.headers, ...(cookie ? { cookie } : {}) },
    })
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';')
      const index = pair!.indexOf('=')
      const name = pair!.slice(0, index)
      const value = pair!.slice(index + 1)
      if (value === '' || /max-age=0/i.test(header)) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    return response
  }
}

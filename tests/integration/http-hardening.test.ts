import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmployer, TEST_PASSWORD } from '../support/factories'
import { startTestApp, type TestApp } from '../support/app'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.close())

/** A raw request, so the test can send the Host header a rewriting proxy would. */
function raw(path: string, options: { method: string; headers: Record<string, string>; body?: string }) {
  const url = new URL(path, app.url)
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: options.method, headers: options.headers }, (res) => {
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }))
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

describe('security headers', () => {
  it('sends a nonce-based CSP that every inline script of the page carries, and forbids framing', async () => {
    const response = await app.browser().get('/login')
    const csp = response.headers.get('content-security-policy') ?? ''
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1]
    expect(nonce).toBeTruthy()
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('unsafe-inline')
    const html = await response.text()
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
    expect(scripts.length).toBeGreaterThan(0)
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
    expect(response.headers.get('permissions-policy')).toContain('camera=()')
    expect(response.headers.get('x-frame-options')).toBe('DENY')
    // Plain http here: no HSTS, which would make the host unreachable over http.
    expect(response.headers.get('strict-transport-security')).toBeNull()
    const again = await app.browser().get('/login')
    expect(again.headers.get('content-security-policy')).not.toBe(csp)
  })
})

describe('behind a proxy that rewrites Host', () => {
  it('accepts a form posted from APP_URL whatever Host the proxy sends', async () => {
    const { owner } = await createEmployer(app.database.db)
    const body = new URLSearchParams({ email: owner.email, password: TEST_PASSWORD }).toString()
    const response = await raw('/login', {
      method: 'POST',
      headers: { host: 'werkbrug-app.internal:8080', origin: app.url, 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)) },
      body,
    })
    expect(response.status).toBe(302)
    expect(response.headers.location).toBe('/dashboard')
  })

  it('still refuses a form posted from another origin', async () => {
    const body = new URLSearchParams({ email: 'x@y.example', password: 'whatever it is' }).toString()
    const response = await raw('/login', {
      method: 'POST',
      headers: { host: 'werkbrug-app.internal:8080', origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)) },
      body,
    })
    expect(response.status).toBe(403)
  })
})

describe('on the wire', () => {
  it('compresses pages and JSON for clients that accept it, and not for those that do not', async () => {
    for (const encoding of ['br', 'gzip'] as const) {
      const page = await raw('/login', { method: 'GET', headers: { 'accept-encoding': encoding } })
      expect(page.headers['content-encoding'], encoding).toBe(encoding)
      expect(page.headers['vary']).toMatch(/accept-encoding/i)
      const json = await raw('/api/v1/openapi.json', { method: 'GET', headers: { 'accept-encoding': encoding } })
      expect(json.headers['content-encoding'], encoding).toBe(encoding)
    }
    // A client that takes none of our encodings skips the middleware; caches still learn that
    // the answer depends on the header. A refused encoding (q=0) is the middleware's to honour.
    for (const path of ['/login', '/api/v1/openapi.json']) {
      for (const encoding of ['identity', '', 'gzip;q=0']) {
        const answer = await raw(path, { method: 'GET', headers: { 'accept-encoding': encoding } })
        expect(answer.status, `${path} ${encoding}`).toBe(200)
        expect(answer.headers['content-encoding'], `${path} ${encoding}`).toBeUndefined()
        expect(answer.headers['vary'], `${path} ${encoding}`).toMatch(/accept-encoding/i)
      }
    }
  })

  it('serves hashed assets compressed with a year of immutable caching', async () => {
    const html = await (await app.browser().get('/login')).text()
    const asset = /\/assets\/[\w.-]+\.js/.exec(html)?.[0]
    expect(asset).toBeTruthy()
    const response = await raw(asset!, { method: 'GET', headers: { 'accept-encoding': 'br, gzip' } })
    expect(response.status).toBe(200)
    expect(response.headers['cache-control']).toMatch(/max-age=31536000.*immutable|immutable.*max-age=31536000/)
    expect(['br', 'gzip']).toContain(response.headers['content-encoding'])
  })
})

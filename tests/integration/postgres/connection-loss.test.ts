import { existsSync } from 'node:fs'
import { createServer, connect, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../../../db/client.server'
import { loadEnv } from '../../../app/lib/env.server'
import { createHttpApp } from '../../../app/server/http'
import { createTestDatabase, type TestDatabase } from '../../support/db'
import { createEmployerWithApiKey, createPublishedVacancy, TEST_PASSWORD } from '../../support/factories'
import { Browser } from '../../support/app'
import { adminUrl, databaseUrl } from '../../support/postgres-urls'

// The connection kills target this file's own database only: test files run in parallel.
const base = process.env.TEST_DATABASE_URL!
let database: TestDatabase
let name: string
const admin = postgres(adminUrl(base), { max: 1, onnotice: () => {} })

beforeAll(async () => {
  database = await createTestDatabase()
  name = (await database.query<{ name: string }>('select current_database() as name'))[0]!.name
})
afterAll(async () => {
  await database.drop()
  await admin.end()
})

async function terminateBackends(): Promise<number> {
  const rows = await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`
  return rows.length
}

/** A TCP proxy to PostgreSQL that the test can cut: the "database unreachable for a while". */
async function startProxy() {
  const sockets = new Set<Socket>()
  let down = false
  const server: Server = createServer((client) => {
    if (down) return client.destroy()
    const upstream = connect(5432, '127.0.0.1')
    for (const s of [client, upstream]) {
      sockets.add(s)
      s.on('close', () => sockets.delete(s))
      s.on('error', () => {})
    }
    client.pipe(upstream).pipe(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    cut: () => {
      down = true
      for (const s of sockets) s.destroy()
    },
    restore: () => {
      down = false
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

async function startApp(handle: DatabaseHandle) {
  const build = (await import(pathToFileURL(path.resolve('build/server/index.js')).href)) as ServerBuild
  if (!existsSync(path.resolve('build/server/index.js'))) throw new Error('No build')
  const env = loadEnv({ NODE_ENV: 'test', SESSION_SECRET: 'integration-test-secret-of-enough-length', API_RATE_LIMIT_PER_MINUTE: '100000' })
  const server = createHttpApp({ db: handle.db, env, build }).listen(0, '127.0.0.1')
  await new Promise<void>((resolve) => server.once('listening', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  env.APP_URL = url
  return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

type Answer = ({ status: number; retryAfter: string | null; type: string | null } | { reset: string }) & { kind?: string }

async function hit(url: string, init: RequestInit): Promise<Answer> {
  try {
    const response = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(15_000) })
    await response.arrayBuffer()
    return { status: response.status, retryAfter: response.headers.get('retry-after'), type: response.headers.get('content-type') }
  } catch (error) {
    return { reset: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }
  }
}

describe('the driver, patched (patches/postgres+3.4.9.patch)', () => {
  it('fails a query on a reserved connection whose backend was terminated with CONNECTION_CLOSED, and the next one too', async () => {
    const sql = postgres(databaseUrl(base, name), { max: 2, onnotice: () => {} })
    try {
      const reserved = await sql.reserve()
      const [row] = await reserved<{ pid: number }[]>`select pg_backend_pid() as pid`
      await admin`select pg_terminate_backend(${row!.pid})`
      await new Promise((resolve) => setTimeout(resolve, 200))
      // Over 1 KiB, so the driver writes at once — the write that used to throw outside any promise.
      await expect(reserved`select ${'x'.repeat(5000)}::text as v`).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' })
      await expect(reserved`select 1`).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' })
      // The pool itself carries on.
      expect(await sql`select 1 as one`).toEqual([{ one: 1 }])
    } finally {
      await sql.end({ timeout: 1 })
    }
  })
})

describe('the app when PostgreSQL drops its connections', () => {
  it('answers every request during backend kills under load — 200 or a 503 with Retry-After — and recovers within seconds', async () => {
    const handle = openDatabase({ engine: 'postgres', url: databaseUrl(base, name), maxConnections: 5 })
    const app = await startApp(handle)
    try {
      const employer = await createEmployerWithApiKey(handle.db)
      for (let i = 0; i < 20; i++) await createPublishedVacancy(handle.db, employer.organisation.id, `Vacature ${i}`)
      const browser = new Browser(app.url)
      await browser.logIn(employer.owner.email, TEST_PASSWORD)
      const api = () => hit(`${app.url}/api/v1/vacancies?limit=20`, { headers: { authorization: `Bearer ${employer.apiKey}` } })
      const page = () => browser.get('/vacancies').then((r) => r.arrayBuffer().then(() => ({ status: r.status, retryAfter: r.headers.get('retry-after'), type: r.headers.get('content-type') })), (error: Error) => ({ reset: error.message }))

      // 8 clients for 4 seconds against a pool of 5, while the test kills every backend three times.
      const answers: Answer[] = []
      const until = Date.now() + 4_000
      const client = async (n: number) => {
        while (Date.now() < until) answers.push({ ...(await (n % 2 === 0 ? api() : page())), kind: n % 2 === 0 ? 'api' : 'page' })
      }
      const load = Promise.all(Array.from({ length: 8 }, (_, n) => client(n)))
      let killed = 0
      for (let i = 0; i < 3; i++) {
        await new Promise((resolve) => setTimeout(resolve, i === 0 ? 500 : 1_000))
        killed += await terminateBackends()
      }
      await load

      expect(killed).toBeGreaterThan(0)
      expect(answers.filter((a) => 'reset' in a)).toEqual([])
      expect(answers.filter((a) => 'status' in a && a.status !== 200 && a.status !== 503)).toEqual([])
      for (const answer of answers) {
        if ('status' in answer && answer.status === 503) expect(answer.retryAfter).toBe('5')
      }
      expect(answers.filter((a) => 'status' in a && a.status === 200).length).toBeGreaterThan(0)
      const started = Date.now()
      expect(await api()).toMatchObject({ status: 200 })
      expect(Date.now() - started).toBeLessThan(5_000)
    } finally {
      await app.close()
      await handle.close()
    }
  })

  it('gives 503 problem+json within seconds while the database is unreachable, and serves again once it is back', async () => {
    const proxy = await startProxy()
    const through = new URL(databaseUrl(base, name))
    through.port = String(proxy.port)
    const handle = openDatabase({ engine: 'postgres', url: through.toString(), maxConnections: 3 })
    const app = await startApp(handle)
    try {
      const employer = await createEmployerWithApiKey(database.db)
      const list = () => hit(`${app.url}/api/v1/vacancies`, { headers: { authorization: `Bearer ${employer.apiKey}` } })
      expect(await list()).toMatchObject({ status: 200 })

      proxy.cut()
      // The first answer may come from a connection the cut just closed, the next from one that
      // cannot reach the server: both are 503s, and neither waits longer than connect_timeout.
      const cutAt = Date.now()
      await list()
      const during = await list()
      expect(Date.now() - cutAt).toBeLessThan(12_000)
      expect(during).toMatchObject({ status: 503, retryAfter: '5' })
      expect('type' in during && during.type).toMatch(/application\/problem\+json/)
      const page = await hit(`${app.url}/login`, {})
      // The login page reads nothing from the database; a page that does gets a 503 too.
      expect('status' in page ? [200, 503] : []).toContain('status' in page ? page.status : 0)

      proxy.restore()
      let back: Answer = during
      const deadline = Date.now() + 10_000
      while (Date.now() < deadline && !('status' in back && back.status === 200)) {
        await new Promise((resolve) => setTimeout(resolve, 200))
        back = await list()
      }
      expect(back).toMatchObject({ status: 200 })
    } finally {
      await app.close()
      await handle.close()
      await proxy.close()
    }
  })
})

import { spawn, type ChildProcess } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../../../db/client.server'
import { loadEnv } from '../../../app/lib/env.server'
import { enqueueEmail } from '../../../app/modules/email/outbox.server'
import { openJobQueue, type JobQueue } from '../../../app/modules/jobs/queue.server'
import { createHttpApp } from '../../../app/server/http'
import { createTestDatabase, type TestDatabase } from '../../support/db'
import { createEmployerWithApiKey } from '../../support/factories'
import { databaseUrl } from '../../support/postgres-urls'
import { startSmtpServer } from '../../support/smtp'

// Stateless instances, proven: two web instances share one limit per API key, and workers are
// real processes (`npm run worker`) on one PostgreSQL, one of them killed with SIGKILL in the
// middle of sending an email; every email still arrives exactly once. All of it once directly and
// once through PgBouncer in transaction mode (CI starts one; TEST_PGBOUNCER_URL names it).

const EXPIRE_SECONDS = 4
const pgbouncer = process.env.TEST_PGBOUNCER_URL

const variants = [
  { label: 'directly on PostgreSQL', url: (name: string) => databaseUrl(process.env.TEST_DATABASE_URL!, name), transactionPooling: false, available: true },
  { label: 'through PgBouncer in transaction mode', url: (name: string) => (pgbouncer ? databaseUrl(pgbouncer, name) : ''), transactionPooling: true, available: Boolean(pgbouncer) },
]

describe.each(variants)('web instances and workers $label', ({ url: urlFor, transactionPooling, available }) => {
  let database: TestDatabase
  let handle: DatabaseHandle
  let url: string
  let queue: JobQueue
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>
  let releaseHeld: () => void = () => {}
  let heldArrived: () => void = () => {}
  const held = new Promise<void>((resolve) => (heldArrived = resolve))
  let holding = false
  let connectionClosed: () => void = () => {}
  const workers: ChildProcess[] = []

  beforeAll(async () => {
    if (!available) return
    database = await createTestDatabase()
    const name = (await database.query<{ name: string }>('select current_database() as name'))[0]!.name
    url = urlFor(name)
    // Everything below goes the way the app goes: directly, or through the pooler.
    handle = openDatabase({ engine: 'postgres', url, maxConnections: 5, transactionPooling })
    smtp = await startSmtpServer({
      onClose: () => connectionClosed(),
      // The first attempt at this address hangs: its worker is killed while it waits for our answer.
      hold: (to) => {
        if (!to.includes('held@workers.example') || holding) return null
        holding = true
        heldArrived()
        return new Promise<void>((resolve) => (releaseHeld = resolve))
      },
    })
    queue = await openJobQueue({ ...handle.queue, instance: 'web', expireInSeconds: EXPIRE_SECONDS })
  }, 60_000)

  afterAll(async () => {
    if (!available) return
    for (const worker of workers) worker.kill('SIGKILL')
    releaseHeld()
    await queue.stop()
    await smtp.close()
    await handle.close()
    await database.drop()
  })

  function startWorker(): ChildProcess {
    // node itself (with tsx as a loader), so that SIGKILL reaches the process that does the work.
    const child = spawn(process.execPath, ['--import', 'tsx', 'app/server/main.ts', '--role=worker'], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: url,
        DATABASE_TRANSACTION_POOLING: String(transactionPooling),
        SMTP_URL: smtp.url,
        SESSION_SECRET: 'worker-test-secret-of-enough-length-123',
        JOB_EXPIRE_SECONDS: String(EXPIRE_SECONDS),
        EMAIL_CLAIM_SECONDS: '3',
        JOB_POLL_SECONDS: '0.5',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stderr?.on('data', (d: Buffer) => process.env.DEBUG_WORKERS && process.stderr.write(`[worker ${child.pid}] ${d}`))
    child.stdout?.on('data', (d: Buffer) => process.env.DEBUG_WORKERS && process.stdout.write(`[worker ${child.pid}] ${d}`))
    workers.push(child)
    return child
  }

  async function queueEmails(addresses: string[]) {
    for (const to of addresses) {
      await handle.db.transaction((tx) => enqueueEmail(tx, { template: 'reset-no-account', to, locale: 'nl', props: { registerUrl: 'http://localhost/register' } }))
    }
  }

  async function until(check: () => Promise<boolean>, timeoutMs: number) {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      if (await check()) return
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    throw new Error('timed out')
  }

  it.skipIf(!available)('deliver every email exactly once with two workers, when a third dies in the middle of sending', async () => {
    const doomed = startWorker()
    await queueEmails(['held@workers.example'])
    await held
    // The worker holds the claim and the job and waits for the SMTP answer: kill it there.
    const gone = new Promise<void>((resolve) => (connectionClosed = resolve))
    doomed.kill('SIGKILL')
    await new Promise((resolve) => doomed.once('exit', resolve))
    // The server saw the client go before it could say "accepted": the message was not taken.
    await gone
    releaseHeld()

    startWorker()
    startWorker()
    const others = Array.from({ length: 40 }, (_, i) => `person-${i}@workers.example`)
    await queueEmails(others)
    await until(async () => {
      const [row] = await handle.query<{ pending: number }>(`select count(*)::int as pending from email_outbox where status <> 'sent'`)
      return row!.pending === 0
    }, 60_000)

    const delivered = smtp.received.flatMap((m) => m.to).sort()
    expect(delivered).toEqual([...others, 'held@workers.example'].sort())
    // The one the dead worker had: claimed twice, sent once.
    const [heldRow] = await handle.query<{ attempts: number; status: string }>(`select attempts, status from email_outbox where to_address = 'held@workers.example'`)
    expect(heldRow).toEqual({ attempts: 2, status: 'sent' })
    // Each of the others went out on its first claim.
    expect(await handle.query(`select to_address from email_outbox where attempts <> 1 and to_address <> 'held@workers.example'`)).toEqual([])
  }, 120_000)

  it.skipIf(!available)("answer a key's 301st request in a minute with 429, wherever the requests land", async () => {
    const build = (await import(pathToFileURL(path.resolve('build/server/index.js')).href)) as ServerBuild
    const env = loadEnv({ NODE_ENV: 'test', SESSION_SECRET: 'two-instances-secret-of-enough-length' })
    const servers = [createHttpApp({ db: handle.db, env, build }), createHttpApp({ db: handle.db, env, build })].map((app) => app.listen(0, '127.0.0.1'))
    await Promise.all(servers.map((server) => new Promise((resolve) => server.once('listening', resolve))))
    const urls = servers.map((server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`)
    try {
      const employer = await createEmployerWithApiKey(handle.db)
      const get = (i: number) => fetch(`${urls[i % 2]}/api/v1/vacancies`, { headers: { authorization: `Bearer ${employer.apiKey}` } })
      const statuses: number[] = []
      for (let i = 0; i < 300; i += 20) statuses.push(...(await Promise.all(Array.from({ length: 20 }, (_, j) => get(i + j).then((r) => r.status)))))
      expect(statuses.filter((s) => s === 200)).toHaveLength(env.API_RATE_LIMIT_PER_MINUTE)
      const over = await get(300)
      expect(over.status).toBe(429)
      expect(over.headers.get('retry-after')).toMatch(/^\d+$/)
      expect((await get(301)).status).toBe(429)
    } finally {
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))
    }
  }, 60_000)
})

// The process behind `npm start` (and `npm run dev`): configuration, database, migrations,
// demo data, then HTTP and the background jobs. `--role=web` (npm run serve) runs HTTP only,
// `--role=worker` (npm run worker) the jobs only: run as many of each as the load needs.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { databaseConfigFromEnv, openDatabase } from '#db/client.server'
import { migrateDatabase, migrationsFolder } from '#db/migrate.server'
import { databaseIsEmpty, demoLoginLines, isDemoDatabase, seedDemoData } from '#db/seed'
import { EnvError, loadEnv, type Env } from '~/lib/env.server'
import { createEmailTransport } from '~/modules/email/transport.server'
import { syncPolicyDefaults } from '~/modules/policy/policy.server'
import { anyFeeSet } from '~/modules/payments/fees.server'
import { createHttpApp } from './http'
import { startQueue } from './jobs'
import { isDatabaseUnavailable } from '~/lib/errors.server'
import { logError, logWarning } from '~/lib/log.server'

const dev = process.argv.includes('--dev')
const role = (process.argv.find((a) => a.startsWith('--role='))?.slice('--role='.length) ?? 'all') as 'all' | 'web' | 'worker'
if (!['all', 'web', 'worker'].includes(role)) {
  console.error(`Unknown --role=${role}: use web, worker or all.`)
  process.exit(1)
}

let env: Env
try {
  env = loadEnv()
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message)
    process.exit(1)
  }
  throw error
}

// A stray rejected promise (a background loop, a client gone away) is logged; it does not end
// the process and every request in it.
process.on('unhandledRejection', (reason) => logError('process', 'unhandled rejection', reason))

const database = openDatabase(databaseConfigFromEnv(env))
// Heavy reads go to a replica when there is one (docs/deployment.md); only a web instance reads.
const readDatabase =
  env.DATABASE_READ_URL && env.DATABASE_URL && role !== 'worker'
    ? openDatabase({ engine: 'postgres', url: env.DATABASE_READ_URL, maxConnections: 5, readOnly: true, transactionPooling: env.DATABASE_TRANSACTION_POOLING })
    : null
// A worker does not migrate: N web instances and M workers starting together would race. It
// waits for the schema a web instance (or `npm run db:migrate`) put there.
if (role === 'worker') await untilDatabaseAnswers(() => untilSchemaIsCurrent(database))
else await untilDatabaseAnswers(() => migrateDatabase(database))
if (role !== 'worker') await syncPolicyDefaults(database.db)
if (role !== 'worker' && database.engine === 'pglite' && (await databaseIsEmpty(database.db))) {
  await seedDemoData(database.db)
  console.log('Empty embedded database: demo data added.')
}

// Fees without Stripe keys would mean charging nobody: refuse to run like that in production.
if (env.NODE_ENV === 'production' && !env.paymentsEnabled && (await anyFeeSet(database.db))) {
  console.error('Fees are set but STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are not: set both, or set the fees to 0.')
  process.exit(1)
}

const transport = createEmailTransport({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM })
const queue = await startQueue(database, role === 'web' ? 'web' : 'worker', {
  env,
  transport,
  claimSeconds: env.EMAIL_CLAIM_SECONDS,
  expireInSeconds: env.JOB_EXPIRE_SECONDS,
  pollingIntervalSeconds: env.JOB_POLL_SECONDS,
})

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server?.close()
    void queue
      .stop()
      .then(() => transport.close())
      .then(() => readDatabase?.close())
      .then(() => database.close())
      .finally(() => process.exit(0))
  })
}

if (role === 'worker') {
  console.log(`Werkbrug worker is running (${database.engine === 'pglite' ? 'embedded PGlite' : 'PostgreSQL'}).`)
}
const app = role === 'worker' ? null : dev ? await devApp() : await productionApp()
const server = app?.listen(env.PORT, env.HOST ?? '::', async () => {
  const lines = [
    '',
    `Werkbrug is running at ${env.APP_URL}`,
    `  database: ${database.engine === 'pglite' ? `embedded PGlite in ${env.DATA_DIR}` : 'PostgreSQL (DATABASE_URL)'}`,
    `  email:    ${transport.kind === 'smtp' ? 'SMTP (SMTP_URL)' : 'local mailbox at /mailbox (no SMTP_URL)'}`,
    `  payments: ${env.paymentsEnabled ? `Stripe${env.STRIPE_API_BASE ? ` stand-in at ${env.STRIPE_API_BASE}` : ''}; webhooks at ${env.APP_URL}/webhooks/stripe` : 'off (no STRIPE_SECRET_KEY / STRIPE_WEBHOOK_SECRET): fees are not charged'}`,
  ]
  if (env.usesDevSessionSecret) lines.push('  warning:  SESSION_SECRET is not set; using a development secret')
  if (await isDemoDatabase(database.db)) lines.push('', ...demoLoginLines())
  console.log(lines.join('\n') + '\n')
})
server?.on('error', (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `Port ${env.PORT} is already in use. Stop the other program or set PORT.`
      : `Could not start the server: ${error.message}`,
  )
  process.exit(1)
})

async function productionApp() {
  const buildDir = path.resolve('build')
  const serverEntry = path.join(buildDir, 'server', 'index.js')
  if (!existsSync(serverEntry)) {
    console.error('No build found: run `npm run build` first (npm start does this for you).')
    process.exit(1)
  }
  const build = (await import(pathToFileURL(serverEntry).href)) as ServerBuild
  return createHttpApp({ db: database.db, readDb: readDatabase?.db, env, build, clientDir: path.join(buildDir, 'client') })
}

async function devApp() {
  const vite = await import('vite').then((v) =>
    v.createServer({ server: { middlewareMode: true } }),
  )
  return createHttpApp({
    db: database.db,
    readDb: readDatabase?.db,
    env,
    build: () => vite.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>,
    devMiddleware: vite.middlewares,
    dev: true,
  })
}

/**
 * At start-up the database may not be up yet (a container starting beside it, a failover): wait
 * for it with a growing pause and say so, instead of exiting into a restart loop.
 */
async function untilDatabaseAnswers(step: () => Promise<void>) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step()
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error
      const seconds = Math.min(2 ** attempt, 30)
      logWarning('start', `the database at ${describeDatabase(env)} does not answer (attempt ${attempt}); trying again in ${seconds} s`, error)
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000))
    }
  }
}

/** The worker's wait: every committed migration applied (drizzle records each in its journal table). */
async function untilSchemaIsCurrent(handle: typeof database) {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }
  for (let attempt = 1; ; attempt++) {
    const applied = await handle
      .query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations')
      .then(([row]) => Number(row?.n ?? 0))
      .catch((error: unknown) => {
        if (isDatabaseUnavailable(error)) throw error
        return 0 // no journal table yet
      })
    if (applied >= journal.entries.length) return
    if (attempt === 1 || attempt % 15 === 0) logWarning('start', `waiting for the migrations (${applied} of ${journal.entries.length} applied): start a web instance or run npm run db:migrate`)
    await new Promise((resolve) => setTimeout(resolve, 2000))
  }
}

function describeDatabase(config: Env): string {
  if (!config.DATABASE_URL) return `the embedded database in ${config.DATA_DIR}`
  const url = new URL(config.DATABASE_URL)
  return `${url.hostname}:${url.port || 5432}`
}

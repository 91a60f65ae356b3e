// The process behind `npm start` (and `npm run dev`): configuration, database, migrations,
// demo data, the email dispatcher, then HTTP.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { databaseConfigFromEnv, openDatabase } from '#db/client.server'
import { migrateDatabase } from '#db/migrate.server'
import { databaseIsEmpty, demoLoginLines, isDemoDatabase, seedDemoData } from '#db/seed'
import { EnvError, loadEnv, type Env } from '~/lib/env.server'
import { startEmailDispatcher } from '~/modules/email/dispatcher.server'
import { createEmailTransport } from '~/modules/email/transport.server'
import { syncPolicyDefaults } from '~/modules/policy/policy.server'
import { sendStepReminders } from '~/modules/twv/step-reminders.server'
import { anyFeeSet } from '~/modules/payments/fees.server'
import { sweepPayments } from '~/modules/payments/sweep.server'
import { stripeClient } from '~/lib/stripe.server'
import { sendDueReminders } from '~/modules/speeddates/reminders.server'
import { createHttpApp } from './http'
import { isDatabaseUnavailable } from '~/lib/errors.server'
import { logError, logWarning } from '~/lib/log.server'

const dev = process.argv.includes('--dev')

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
await untilDatabaseAnswers(() => migrateDatabase(database))
await syncPolicyDefaults(database.db)
if (database.engine === 'pglite' && (await databaseIsEmpty(database.db))) {
  await seedDemoData(database.db)
  console.log('Empty embedded database: demo data added.')
}

// Fees without Stripe keys would mean charging nobody: refuse to run like that in production.
if (env.NODE_ENV === 'production' && !env.paymentsEnabled && (await anyFeeSet(database.db))) {
  console.error('Fees are set but STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are not: set both, or set the fees to 0.')
  process.exit(1)
}

const transport = createEmailTransport({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM })
const dispatcher = startEmailDispatcher(database.db, transport)
const stripe = stripeClient(env)
const reminders = setInterval(() => {
  sendDueReminders(database.db, env.APP_URL).catch((error) => logError('speeddates', 'reminders failed', error))
  sendStepReminders(database.db, env.APP_URL).catch((error) => logError('twv', 'reminders failed', error))
  // Unpaid bookings past their window release their slot; refunds Stripe has not taken are retried.
  if (stripe) sweepPayments(database.db, stripe, { appUrl: env.APP_URL }).catch((error) => logError('payments', 'sweep failed', error))
}, 60_000)

const app = dev ? await devApp() : await productionApp()
const server = app.listen(env.PORT, env.HOST ?? '::', async () => {
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
server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `Port ${env.PORT} is already in use. Stop the other program or set PORT.`
      : `Could not start the server: ${error.message}`,
  )
  process.exit(1)
})

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close()
    clearInterval(reminders)
    void dispatcher
      .stop()
      .then(() => transport.close())
      .then(() => database.close())
      .finally(() => process.exit(0))
  })
}

async function productionApp() {
  const buildDir = path.resolve('build')
  const serverEntry = path.join(buildDir, 'server', 'index.js')
  if (!existsSync(serverEntry)) {
    console.error('No build found: run `npm run build` first (npm start does this for you).')
    process.exit(1)
  }
  const build = (await import(pathToFileURL(serverEntry).href)) as ServerBuild
  return createHttpApp({ db: database.db, env, build, clientDir: path.join(buildDir, 'client') })
}

async function devApp() {
  const vite = await import('vite').then((v) =>
    v.createServer({ server: { middlewareMode: true } }),
  )
  return createHttpApp({
    db: database.db,
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

function describeDatabase(config: Env): string {
  if (!config.DATABASE_URL) return `the embedded database in ${config.DATA_DIR}`
  const url = new URL(config.DATABASE_URL)
  return `${url.hostname}:${url.port || 5432}`
}

import { sql } from 'drizzle-orm'
import { fromDrizzle, PgBoss, type Db as QueueDb, type Job, type SendOptions } from 'pg-boss'
import type { Db } from '#db/client.server'
import { logError } from '~/lib/log.server'

// Background work runs on pg-boss, a maintained PostgreSQL job queue that also runs on the embedded
// database (decision 015). Jobs are enqueued in the transaction of the change that causes them;
// delivery is at least once, so every handler is idempotent.

export const jobNames = ['email.deliver', 'email.sweep', 'speeddates.reminders', 'twv.step-reminders', 'pipeline.aftercare-reminders', 'pipeline.retention', 'notifications.digest', 'payments.sweep', 'maintenance.rate-limits', 'webhooks.deliver', 'webhooks.sweep'] as const
export type JobName = (typeof jobNames)[number]
export type JobData = {
  'email.deliver': { outboxId: number }
  'email.sweep': Record<string, never>
  'speeddates.reminders': Record<string, never>
  'twv.step-reminders': Record<string, never>
  'pipeline.aftercare-reminders': Record<string, never>
  'pipeline.retention': Record<string, never>
  'notifications.digest': Record<string, never>
  'payments.sweep': Record<string, never>
  'maintenance.rate-limits': Record<string, never>
  'webhooks.deliver': { deliveryId: number }
  'webhooks.sweep': Record<string, never>
}

/** Work on a schedule (cron, Europe/Amsterdam): the queue runs each slot once, whatever the number of workers. */
export const schedules: Partial<Record<JobName, string>> = {
  'email.sweep': '* * * * *',
  'speeddates.reminders': '* * * * *',
  'twv.step-reminders': '*/5 * * * *',
  // Once a day, in the morning, with the day's check-ins.
  'pipeline.aftercare-reminders': '0 7 * * *',
  // Candidates past the retention period (rule retention.candidates) are anonymised at night.
  'pipeline.retention': '30 3 * * *',
  // The daily digest of notifications people chose to batch, before the working day.
  'notifications.digest': '30 7 * * *',
  'payments.sweep': '* * * * *',
  'maintenance.rate-limits': '*/10 * * * *',
  // Retries of webhook deliveries that are due, and deliveries whose job was lost.
  'webhooks.sweep': '* * * * *',
}

export type QueueConfig = {
  /** pg-boss's database: its own small pool on PostgreSQL, the one connection on PGlite. */
  database: QueueDb | { connectionString: string; max?: number }
  backend: 'postgres' | 'pglite'
  /** Seconds a job may run before it counts as lost and is tried again (a killed worker). */
  expireInSeconds?: number
  /** A worker runs the schedules and pg-boss's maintenance; a web instance only sends. */
  instance: 'web' | 'worker'
}

export type JobQueue = {
  boss: PgBoss
  send: <N extends JobName>(tx: Db, name: N, data: JobData[N], options?: SendOptions) => Promise<void>
  stop: () => Promise<void>
}

// The process's queue lives on globalThis: the server build bundles its own copy of this module,
// and the queue the start-up script opens must be the one the routes enqueue on.
const slot = Symbol.for('werkbrug.jobQueue')
const holder = globalThis as unknown as { [slot]?: JobQueue | null }
const currentQueue = () => holder[slot] ?? null

/**
 * Opens the queue: creates pg-boss's schema and the queues. A web instance only sends; a worker
 * also schedules and works (`workJobs`). One queue per process: the process has one database.
 */
export async function openJobQueue(config: QueueConfig): Promise<JobQueue> {
  const expireInSeconds = config.expireInSeconds ?? 300
  // A lost job is noticed within its own expiry and retried no later: short expiries (the tests
  // that kill a worker) are not left waiting for a minute-long supervision pass.
  const checkSeconds = Math.max(1, Math.min(60, expireInSeconds))
  const boss = new PgBoss({
    ...('executeSql' in config.database ? { db: config.database } : { connectionString: config.database.connectionString, max: config.database.max ?? 3 }),
    backend: config.backend,
    supervise: config.instance === 'worker',
    schedule: config.instance === 'worker',
    superviseIntervalSeconds: checkSeconds,
    monitorIntervalSeconds: checkSeconds,
  })
  boss.on('error', (error) => logError('jobs', 'queue error', error))
  await boss.start()
  for (const name of jobNames) {
    await boss.createQueue(name, {
      expireInSeconds,
      retryLimit: 5,
      retryDelay: Math.min(30, checkSeconds),
      retryBackoff: true,
    })
  }
  const queue: JobQueue = {
    boss,
    send: async (tx, name, data, options = {}) => {
      await boss.send(name, data, { ...options, db: fromDrizzle(tx as never, sql as never) })
    },
    stop: async () => {
      if (currentQueue() === queue) holder[slot] = null
      await boss.stop({ graceful: true, timeout: 10_000 })
    },
  }
  if (config.instance === 'worker') {
    for (const [name, cron] of Object.entries(schedules)) await boss.schedule(name, cron, {}, { tz: 'Europe/Amsterdam' })
  }
  holder[slot] = queue
  return queue
}

export type JobHandlers = { [N in JobName]: (data: JobData[N]) => Promise<unknown> }

/**
 * Works every queue with the given handlers. A handler that throws leaves its job to be tried
 * again (with backoff); a handler must therefore be safe to run twice.
 */
export async function workJobs(queue: JobQueue, handlers: JobHandlers, options: { pollingIntervalSeconds?: number } = {}): Promise<void> {
  for (const name of jobNames) {
    await queue.boss.work<JobData[typeof name]>(name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1, batchSize: 5 }, async (jobs) => {
      for (const job of jobs) await (handlers[name] as (data: unknown) => Promise<unknown>)(job.data)
    })
  }
}

/**
 * Enqueues a job in the caller's transaction: it exists if and only if the change commits. A
 * process without a queue (a script, a test that drives the work itself) enqueues nothing; the
 * scheduled sweeps pick up what a job would have done (an email stays due in the outbox).
 */
export async function enqueueJob<N extends JobName>(tx: Db, name: N, data: JobData[N], options?: SendOptions): Promise<boolean> {
  const queue = currentQueue()
  if (!queue) return false
  await queue.send(tx, name, data, options)
  return true
}

export type { Job }

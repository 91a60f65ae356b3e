import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { fromPglite, type Db as QueueDb } from 'pg-boss'
import { countQuery } from '../app/lib/log.server'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import * as schema from './schema'

/** One drizzle handle type for both engines; a transaction is a Db too. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>

export type DatabaseHandle = {
  db: Db
  engine: 'pglite' | 'postgres'
  close: () => Promise<void>
  /** Run raw SQL and get rows, whichever engine is behind the handle. */
  query: <T = Record<string, unknown>>(sqlText: string) => Promise<T[]>
  /** How the job queue reaches this database: its own small pool, or PGlite's one connection. */
  queue: { backend: 'postgres'; database: { connectionString: string } } | { backend: 'pglite'; database: QueueDb }
}

export type DatabaseConfig =
  | {
      engine: 'postgres'
      url: string
      maxConnections?: number
      transactionPooling?: boolean
      /** A replica's pool: every transaction read-only, named so it can be told apart in pg_stat_activity. */
      readOnly?: boolean
    }
  | { engine: 'pglite'; dataDir?: string; loadDataDir?: Blob }

// Every statement drizzle runs is counted against the request that runs it (Server-Timing).
const queryCounter = { logQuery: () => countQuery() }

export function openDatabase(config: DatabaseConfig): DatabaseHandle {
  if (config.engine === 'postgres') {
    const client = postgres(config.url, {
      max: config.maxConnections ?? 10,
      // A transaction-mode pooler hands the server connection to someone else after each
      // transaction; a named prepared statement would then be missing (or someone else's).
      prepare: !config.transactionPooling,
      // A request waits at most this long for a connection while the database is out of reach,
      // then gets a 503 instead of hanging (postgres.js waits 30 s by default).
      connect_timeout: 5,
      // The pause before reconnecting grows with every failed connection of the pool (upstream:
      // up to 20 s), and a request waits through it. Kept short, so that a request waiting for a
      // new connection gets it — or a 503 — within seconds.
      backoff: (attempt: number) => Math.min(0.05 * 2 ** attempt, 1),
      onnotice: () => {},
      ...(config.readOnly ? { connection: { application_name: 'werkbrug-read', default_transaction_read_only: true } } : {}),
    })
    return {
      db: drizzlePostgres(client, { schema, casing: 'snake_case', logger: queryCounter }) as unknown as Db,
      engine: 'postgres',
      close: () => client.end({ timeout: 5 }),
      query: async (text) => (await client.unsafe(text)) as never,
      queue: { backend: 'postgres', database: { connectionString: config.url } },
    }
  }
  // PGlite does not create missing parent folders.
  if (config.dataDir) mkdirSync(config.dataDir, { recursive: true })
  const client = new PGlite({ dataDir: config.dataDir, loadDataDir: config.loadDataDir })
  return {
    db: drizzlePglite(client, { schema, casing: 'snake_case', logger: queryCounter }) as unknown as Db,
    engine: 'pglite',
    close: () => client.close(),
    query: async (text) => (await client.query(text)).rows as never,
    queue: { backend: 'pglite', database: fromPglite(client) },
  }
}

export function databaseConfigFromEnv(env: {
  DATABASE_URL?: string
  DATABASE_TRANSACTION_POOLING?: boolean
  DATA_DIR: string
}): DatabaseConfig {
  return env.DATABASE_URL
    ? { engine: 'postgres', url: env.DATABASE_URL, transactionPooling: env.DATABASE_TRANSACTION_POOLING }
    : { engine: 'pglite', dataDir: `${env.DATA_DIR}/pglite` }
}

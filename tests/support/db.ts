import { readFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import { inject } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../../db/client.server'
import { adminUrl, databaseUrl } from './postgres-urls'

export type TestDatabase = DatabaseHandle & { drop: () => Promise<void> }

/**
 * A migrated database of its own for one test file, on the engine the suite runs against:
 * PGlite loaded from the run's snapshot, or a Postgres copy of the run's template.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (process.env.TEST_DB_ENGINE === 'postgres') {
    const base = process.env.TEST_DATABASE_URL!
    const name = `werkbrug_t_${randomBytes(6).toString('hex')}`
    const admin = postgres(adminUrl(base), { max: 1, onnotice: () => {} })
    await admin.unsafe(`create database ${name} template ${inject('postgresTemplate')}`)
    const handle = openDatabase({ engine: 'postgres', url: databaseUrl(base, name), maxConnections: 5 })
    return {
      ...handle,
      drop: async () => {
        await handle.close()
        await admin.unsafe(`drop database if exists ${name} with (force)`)
        await admin.end()
      },
    }
  }
  const snapshot = new Blob([readFileSync(inject('pgliteSnapshot'))])
  const handle = openDatabase({ engine: 'pglite', loadDataDir: snapshot })
  return { ...handle, drop: handle.close }
}

/** Row counts of the given tables, to prove that refused input wrote nothing. */
export async function countRows(db: DatabaseHandle, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of tables) {
    const [row] = await db.query<{ n: number | string }>(`select count(*)::int as n from ${table}`)
    counts[table] = Number(row!.n)
  }
  return counts
}

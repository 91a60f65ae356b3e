import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../../../db/client.server'
import { migrateDatabase } from '../../../db/migrate.server'
import { createTestDatabase, type TestDatabase } from '../../support/db'

// Runs in the Postgres suite only: it needs both engines.
let postgresDb: TestDatabase
let pglite: DatabaseHandle
beforeAll(async () => {
  postgresDb = await createTestDatabase()
  pglite = openDatabase({ engine: 'pglite' })
  await migrateDatabase(pglite)
})
afterAll(async () => {
  await postgresDb.drop()
  await pglite.close()
})

/** Our schema as catalog facts that do not depend on the server version. */
async function describeSchema(db: DatabaseHandle) {
  const columns = await db.query(`
    select table_name, column_name, data_type, udt_name, is_nullable, column_default, is_identity
    from information_schema.columns where table_schema = 'public'
    order by table_name, column_name`)
  const indexes = await db.query(`
    select tablename, indexname, indexdef from pg_indexes where schemaname = 'public'
    order by tablename, indexname`)
  const constraints = await db.query(`
    select conrelid::regclass::text as table_name, conname, contype, pg_get_constraintdef(oid) as def
    from pg_constraint
    -- PostgreSQL 18 (PGlite) also lists NOT NULL as constraints; nullability is compared above.
    where connamespace = 'public'::regnamespace and contype <> 'n'
    order by 1, 2`)
  const enums = await db.query(`
    select t.typname, string_agg(e.enumlabel, ',' order by e.enumsortorder) as labels
    from pg_type t join pg_enum e on e.enumtypid = t.oid
    group by t.typname order by t.typname`)
  return { columns, indexes, constraints, enums }
}

describe('migrations', () => {
  it('produce the same schema on PGlite and on PostgreSQL', async () => {
    const [onPostgres, onPglite] = await Promise.all([describeSchema(postgresDb), describeSchema(pglite)])
    expect(onPostgres.columns.length).toBeGreaterThan(30)
    expect(onPglite).toEqual(onPostgres)
  })
})

// `npm run db:migrate`: apply migrations to DATABASE_URL, or to the embedded database.
import { loadEnv } from '../app/lib/env.server'
import { databaseConfigFromEnv, openDatabase } from './client.server'
import { migrateDatabase } from './migrate.server'
import { syncPolicyDefaults } from '../app/modules/policy/policy.server'

const env = loadEnv()
const handle = openDatabase(databaseConfigFromEnv(env))
await migrateDatabase(handle)
await syncPolicyDefaults(handle.db)
console.log(`Migrations applied (${handle.engine}).`)
await handle.close()

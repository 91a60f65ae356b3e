// `npm run db:migrate`: apply migrations to DATABASE_URL, or to the embedded database.
import { loadEnv } from '../app/lib/env.server'
import { databaseConfigFromEnv, openDatabase } from './client.server'
import { migrateDatabase } from './migrate.server'

const env = loadEnv()
const handle = openDatabase(databaseConfigFromEnv(env))
await migrateDatabase(handle)
console.log(`Migrations applied (${handle.engine}).`)
await handle.close()

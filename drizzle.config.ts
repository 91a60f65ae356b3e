import { defineConfig } from 'drizzle-kit'

// Generation only needs the schema; migrations are applied by db/migrate.server.ts for both
// engines, so no credentials are needed here.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  casing: 'snake_case',
})

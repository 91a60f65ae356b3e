// Demo data: `npm run db:seed` on any database; applied automatically on the first start of an
// empty embedded database. Everything is fictional (".example" addresses, made-up KvK numbers).
import { pathToFileURL } from 'node:url'
import { count, eq } from 'drizzle-orm'
import { hashPassword } from '../app/lib/passwords.server'
import type { Db } from './client.server'
import { appMeta, organisations, users } from './schema'

export const DEMO_PASSWORD = 'werkbrug-demo-2026'

export const demoLogins = [
  { role: 'admin', email: 'beheer@werkbrug.example', organisation: 'Werkbrug Bemiddeling Almere' },
  { role: 'intermediary', email: 'bemiddelaar@werkbrug.example', organisation: 'Werkbrug Bemiddeling Almere' },
  { role: 'employer_owner', email: 'hr@flevo-logistiek.example', organisation: 'Flevo Logistiek BV' },
  { role: 'employer_owner', email: 'eigenaar@almere-schoon.example', organisation: 'Almere Schoon Schoonmaakdiensten' },
] as const

export async function databaseIsEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organisations)
  return (row?.n ?? 0) === 0
}

export async function isDemoDatabase(db: Db): Promise<boolean> {
  const [row] = await db.select({ key: appMeta.key }).from(appMeta).where(eq(appMeta.key, 'demo'))
  return Boolean(row)
}

export async function seedDemoData(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  await db.transaction(async (tx) => {
    const [intermediary, flevo, schoon] = await tx
      .insert(organisations)
      .values([
        { kind: 'intermediary', name: 'Werkbrug Bemiddeling Almere' },
        { kind: 'employer', name: 'Flevo Logistiek BV', kvkNumber: '39012345' },
        { kind: 'employer', name: 'Almere Schoon Schoonmaakdiensten', kvkNumber: '39054321' },
      ])
      .returning({ id: organisations.id })
    await tx.insert(users).values([
      { organisationId: intermediary!.id, email: demoLogins[0].email, name: 'Bram Beheer', role: 'admin', passwordHash },
      { organisationId: intermediary!.id, email: demoLogins[1].email, name: 'Ilse Bemiddelaar', role: 'intermediary', passwordHash },
      { organisationId: flevo!.id, email: demoLogins[2].email, name: 'Sanne de Vries', role: 'employer_owner', passwordHash },
      { organisationId: flevo!.id, email: 'planning@flevo-logistiek.example', name: 'Ahmed Bakker', role: 'employer_member', passwordHash },
      { organisationId: schoon!.id, email: demoLogins[3].email, name: 'Karin Jansen', role: 'employer_owner', passwordHash, locale: 'en' },
    ])
    await tx.insert(appMeta).values({ key: 'demo', value: { seededAt: new Date().toISOString() } })
  })
}

export function demoLoginLines(): string[] {
  return [
    `Demo logins (password for all: ${DEMO_PASSWORD}):`,
    ...demoLogins.map((l) => `  ${l.role.padEnd(15)} ${l.email.padEnd(32)} ${l.organisation}`),
  ]
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { loadEnv } = await import('../app/lib/env.server')
  const { databaseConfigFromEnv, openDatabase } = await import('./client.server')
  const { migrateDatabase } = await import('./migrate.server')
  const handle = openDatabase(databaseConfigFromEnv(loadEnv()))
  await migrateDatabase(handle)
  if (await databaseIsEmpty(handle.db)) {
    await seedDemoData(handle.db)
    console.log(demoLoginLines().join('\n'))
  } else {
    console.log('The database already holds organisations; demo data was not added.')
  }
  await handle.close()
}

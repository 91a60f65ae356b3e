import { date, integer, jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core'
import { organisations } from './accounts'
import { vacancies } from './vacancies'

/**
 * A completed quick scan: the job's answers only — no address, name, IP or cookie. Kept so the
 * employer can open the result again, mail it to itself and carry it into a draft vacancy.
 */
export const quickScans = pgTable('quick_scans', {
  id: uuid().primaryKey().defaultRandom(),
  answers: jsonb().$type<Record<string, unknown>>().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  // Set when an employer registered from this scan (the funnel counts it for this intermediary).
  intermediaryOrganisationId: uuid().references(() => organisations.id, { onDelete: 'set null' }),
  registeredOrganisationId: uuid().references(() => organisations.id, { onDelete: 'set null' }),
  vacancyId: uuid().references(() => vacancies.id, { onDelete: 'set null' }),
})

/** Scans started (the form opened) and completed, per day: counts, nothing about anyone. */
export const scanCounts = pgTable('scan_counts', {
  day: date({ mode: 'string' }).primaryKey(),
  started: integer().notNull().default(0),
  completed: integer().notNull().default(0),
})

import { sql } from 'drizzle-orm'
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { organisations, users } from './accounts'
import { hires } from './hires'
import { vacancies } from './vacancies'

/**
 * Travel-cost, job-coach, language and trial arrangements: one row per vacancy (the default) and
 * optionally one per hire (an override). Enumerations are checked by the zod schema; money in cents.
 */
export const arrangements = pgTable(
  'arrangements',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    vacancyId: uuid()
      .notNull()
      .references(() => vacancies.id, { onDelete: 'cascade' }),
    hireId: uuid().references(() => hires.id, { onDelete: 'cascade' }),
    travelMode: text(),
    travelPayer: text(),
    travelAmountCents: integer(),
    travelAmountUnit: text(),
    travelPaid: text(),
    travelPaidDaysAfter: integer(),
    travelDistanceKm: integer(),
    travelFareCentsPerDay: integer(),
    coachProvider: text(),
    coachHoursPerWeek: integer(),
    coachWeeks: integer(),
    coachContact: text(),
    languageSupport: text(),
    languagePayer: text(),
    trialKind: text(),
    updatedByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('arrangements_vacancy_key').on(t.vacancyId).where(sql`hire_id is null`),
    uniqueIndex('arrangements_hire_key').on(t.hireId).where(sql`hire_id is not null`),
    index('arrangements_organisation_idx').on(t.organisationId),
  ],
)

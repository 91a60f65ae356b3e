import { date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { organisations, users } from './accounts'
import { receptionLocations } from './vacancies'

/**
 * The residents of a reception location on a reference date, as COA reports them to the
 * intermediary (report table 3.1: "bewoners", "doelgroep": 18+ and allowed to work, split into
 * status holders and asylum seekers). Werkbrug cannot know these numbers; the funnel starts here.
 */
export const targetGroupCounts = pgTable(
  'target_group_counts',
  {
    id: uuid().primaryKey().defaultRandom(),
    intermediaryOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    receptionLocationId: uuid()
      .notNull()
      .references(() => receptionLocations.id, { onDelete: 'cascade' }),
    referenceDate: date({ mode: 'string' }).notNull(),
    residents: integer(),
    statusHolders: integer().notNull(),
    asylumSeekers: integer().notNull(),
    recordedByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('target_group_counts_key').on(t.intermediaryOrganisationId, t.receptionLocationId, t.referenceDate)],
)

export const approachOutcome = pgEnum('approach_outcome', ['no_answer', 'not_interested', 'interested', 'registered', 'placed'])

/**
 * An employer the intermediary approached (report table 3.1: "±40 benaderd, 7 met plaatsingen").
 * Most never register, so this is the intermediary's own record, with the organisation's name.
 */
export const employerApproaches = pgTable(
  'employer_approaches',
  {
    id: uuid().primaryKey().defaultRandom(),
    intermediaryOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    organisationName: text().notNull(),
    approachedOn: date({ mode: 'string' }).notNull(),
    outcome: approachOutcome().notNull().default('no_answer'),
    employerOrganisationId: uuid().references(() => organisations.id, { onDelete: 'set null' }),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('employer_approaches_intermediary_idx').on(t.intermediaryOrganisationId, t.approachedOn)],
)

import { date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
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

/**
 * What remains of an erased or expired candidate for the funnel: the pilot's attributes and the
 * months of its intake and matches, with no code, no name, no link to the candidate row and
 * dates only to the month (decision 016). One row per person; its matches as a list.
 */
export type AnonymousMatch = {
  employerOrganisationId: string | null
  matchedMonth: string
  firstWorkingMonth: string | null
  endedMonth: string | null
  stopReason: string | null
  notStartedMonth: string | null
  notStartedReason: string | null
}

export const anonymousPipelineRecords = pgTable(
  'anonymous_pipeline_records',
  {
    id: uuid().primaryKey().defaultRandom(),
    intermediaryOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    receptionLocationId: uuid().references(() => receptionLocations.id, { onDelete: 'set null' }),
    residenceStatus: text().notNull(),
    gender: text().notNull(),
    educationLevel: text().notNull(),
    englishLevel: text(),
    dutchLevel: text(),
    municipalLinkage: text().notNull(),
    linkedMunicipality: text(),
    intakeMonth: date({ mode: 'string' }),
    movedOutMonth: date({ mode: 'string' }),
    matches: jsonb().$type<AnonymousMatch[]>().notNull().default([]),
    // Why the person left the records: an erasure on request, or the retention period.
    reason: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('anonymous_pipeline_records_intermediary_idx').on(t.intermediaryOrganisationId)],
)

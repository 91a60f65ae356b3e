import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { organisations, users } from './accounts'

export const vacancyStatus = pgEnum('vacancy_status', [
  'draft',
  'submitted',
  'returned',
  'published',
  'filled',
  'closed',
])
export const sector = pgEnum('sector', [
  'logistics',
  'hospitality',
  'cleaning',
  'retail',
  'production',
  'care',
  'ict',
  'other',
])
export const contractType = pgEnum('contract_type', ['permanent', 'temporary', 'agency', 'on_call'])
// The pilot's scale for English and Dutch (Tables 3.5/3.6).
export const languageLevel = pgEnum('language_level', ['good', 'reasonable', 'a_little', 'none'])
// Asylum seekers need a TWV (work permit); status holders do not.
export const candidateStatusPreference = pgEnum('candidate_status_preference', [
  'asylum_seekers_welcome',
  'status_holders_only',
])

/**
 * Reception locations (azc) the intermediary serves; travel times are given from each, and
 * speeddates are held there. What a visitor needs to find it and get in travels with every
 * confirmation and calendar file: the address, how to arrive, whom to ask, accessibility.
 */
export const receptionLocations = pgTable('reception_locations', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull().unique(),
  municipality: text().notNull(),
  address: text(),
  postcode: text(),
  arrival: text(),
  contact: text(),
  accessibility: text(),
  updatedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

/**
 * A vacancy profile. A draft needs only a title, so HR can save and come back; submitting
 * requires the complete profile (checked in the vacancies module), hence the nullable columns.
 */
export const vacancies = pgTable(
  'vacancies',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    // The intermediary that reviews this vacancy and works on it: one the employer is linked to.
    intermediaryOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    status: vacancyStatus().notNull().default('draft'),
    title: text().notNull(),
    sector: sector(),
    tasks: text(),
    address: text(),
    postcode: text(),
    municipality: text(),
    hoursMin: integer(),
    hoursMax: integer(),
    contractType: contractType(),
    contractMonths: integer(),
    shifts: text()
      .array()
      .$type<('day' | 'evening' | 'night' | 'weekend' | 'rotating')[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    hourlyWageCents: integer(),
    forWorkersUnder21: boolean().notNull().default(false),
    youngestAge: integer(),
    startDate: date({ mode: 'string' }),
    positions: integer(),
    englishLevel: languageLevel(),
    dutchLevel: languageLevel(),
    physicalDemands: text(),
    requirements: text(),
    candidateStatus: candidateStatusPreference(),
    trialPlacementOffered: boolean().notNull().default(false),
    trialPlacementWeeks: integer(),
    reviewComment: text(),
    createdByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    // Millisecond precision so a paging cursor carried as a JS Date matches the stored value.
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp({ withTimezone: true }),
    publishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // Keyset paging: newest first, id as tie-breaker; one index per way the list is entered.
    // NULLS FIRST is what ORDER BY … DESC means; an index saying NULLS LAST cannot serve it.
    index('vacancies_org_created_idx').on(t.organisationId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('vacancies_status_created_idx').on(t.status, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('vacancies_intermediary_created_idx').on(t.intermediaryOrganisationId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('vacancies_created_idx').on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // Full-text search (app/modules/search): the same expression as vacancyDocument, Dutch stemming.
    index('vacancies_search_idx').using('gin', sql`to_tsvector('dutch', coalesce(${t.title}, '') || ' ' || coalesce(${t.tasks}, '') || ' ' || coalesce(${t.municipality}, ''))`),
  ],
)

export const vacancyTravelTimes = pgTable(
  'vacancy_travel_times',
  {
    vacancyId: uuid()
      .notNull()
      .references(() => vacancies.id, { onDelete: 'cascade' }),
    receptionLocationId: uuid()
      .notNull()
      .references(() => receptionLocations.id, { onDelete: 'cascade' }),
    // By public transport, door to door.
    minutes: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.vacancyId, t.receptionLocationId] })],
)

/** Every change to a vacancy, with who made it and how (portal user or API key). */
export const vacancyEvents = pgTable(
  'vacancy_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    vacancyId: uuid()
      .notNull()
      .references(() => vacancies.id, { onDelete: 'cascade' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    action: text().notNull(),
    fromStatus: vacancyStatus(),
    toStatus: vacancyStatus(),
    comment: text(),
    changedFields: text().array().notNull().default(sql`'{}'::text[]`),
    actorUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    actorApiKeyId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('vacancy_events_vacancy_idx').on(t.vacancyId, t.id)],
)

export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    // Shown in the portal so people can tell keys apart; the key itself is only hashed.
    prefix: text().notNull(),
    keyHash: text().notNull(),
    createdByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('api_keys_key_hash_key').on(t.keyHash),
    index('api_keys_organisation_idx').on(t.organisationId),
  ],
)

/** The first response to a POST with an Idempotency-Key, replayed for every retry. */
export const apiIdempotencyKeys = pgTable(
  'api_idempotency_keys',
  {
    apiKeyId: uuid()
      .notNull()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    key: text().notNull(),
    requestHash: text().notNull(),
    responseStatus: integer().notNull(),
    responseBody: jsonb().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.apiKeyId, t.key] })],
)

import { sql } from 'drizzle-orm'
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { organisations, users } from './accounts'
import { languageLevel, receptionLocations, vacancies } from './vacancies'

// asielzoeker (needs a TWV), statushouder (does not), or not yet known: recorded at intake and
// carried over to each of the candidate's matches (hires), where the TWV path is decided.
export const residenceStatus = pgEnum('residence_status', ['asylum_seeker', 'status_holder', 'unknown'])

export const slotPlaceKind = pgEnum('slot_place_kind', ['reception_location', 'employer_site'])
export const slotStatus = pgEnum('slot_status', ['open', 'cancelled'])
// awaiting_payment holds the slot while the employer pays the intermediary's fee; expired is a
// booking whose payment window lapsed, which frees the slot.
export const bookingStatus = pgEnum('booking_status', ['awaiting_payment', 'requested', 'approved', 'declined', 'cancelled', 'expired'])
/** The statuses that hold a slot: at most one booking per slot may be in one of them. */
export const activeBookingStatuses = ['awaiting_payment', 'requested', 'approved'] as const
export const attendance = pgEnum('attendance', ['attended', 'no_show'])
export const speeddateOutcome = pgEnum('speeddate_outcome', ['no_interest', 'second_talk', 'match'])
// What the employer says after the speeddate: go on with this candidate, or not. The intermediary
// turns a "continue" into a match once the candidate wants it too.
export const employerWish = pgEnum('employer_wish', ['continue', 'stop'])

/** A speeddate session offered by an intermediary consultant: a time, a place and candidate seats. */
export const speeddateSlots = pgTable(
  'speeddate_slots',
  {
    id: uuid().primaryKey().defaultRandom(),
    intermediaryOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    consultantUserId: uuid()
      .notNull()
      .references(() => users.id),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    placeKind: slotPlaceKind().notNull(),
    receptionLocationId: uuid().references(() => receptionLocations.id),
    // For a session at the employer's site: where, as the employer gives it.
    placeAddress: text(),
    seats: integer().notNull(),
    note: text(),
    status: slotStatus().notNull().default('open'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('speeddate_slots_starts_idx').on(t.startsAt),
    index('speeddate_slots_consultant_idx').on(t.consultantUserId, t.startsAt),
    check('speeddate_slots_time_order', sql`${t.endsAt} > ${t.startsAt}`),
    check('speeddate_slots_seats_range', sql`${t.seats} between 1 and 50`),
  ],
)

export const speeddateBookings = pgTable(
  'speeddate_bookings',
  {
    id: uuid().primaryKey().defaultRandom(),
    slotId: uuid()
      .notNull()
      .references(() => speeddateSlots.id, { onDelete: 'cascade' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    vacancyId: uuid()
      .notNull()
      .references(() => vacancies.id, { onDelete: 'cascade' }),
    status: bookingStatus().notNull().default('requested'),
    requestedByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    reason: text(),
    // The calendar event: one UID for the booking's life, SEQUENCE raised on every change.
    icsUid: text().notNull(),
    icsSequence: integer().notNull().default(0),
    // Who was sent the event (users): each of them gets every later update and the cancellation.
    calendarHolderUserIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    reminderSentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One employer per slot: a requested (or unpaid, within its window) booking holds the slot
    // as firmly as an approved one.
    uniqueIndex('speeddate_bookings_active_slot_key')
      .on(t.slotId)
      .where(sql`status in ('awaiting_payment', 'requested', 'approved')`),
    index('speeddate_bookings_organisation_idx').on(t.organisationId, t.createdAt),
  ],
)

export const speeddateBookingEvents = pgTable(
  'speeddate_booking_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    bookingId: uuid()
      .notNull()
      .references(() => speeddateBookings.id, { onDelete: 'cascade' }),
    action: text().notNull(),
    fromStatus: bookingStatus(),
    toStatus: bookingStatus(),
    slotId: uuid(),
    reason: text(),
    actorUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    actorApiKeyId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('speeddate_booking_events_booking_idx').on(t.bookingId, t.id)],
)

/**
 * Candidates as the portal knows them: pseudonymous. A reference code the intermediary also uses
 * in its own files, a first name, languages and a line of experience; nothing else.
 */
// The pilot's categories (report §3.1.2–3.1.6), each with "unknown": an intake leaves gaps.
export const candidateGender = pgEnum('candidate_gender', ['male', 'female', 'unknown'])
export const educationLevel = pgEnum('education_level', [
  'none',
  'primary',
  'secondary',
  'lower_vocational',
  'secondary_vocational',
  'higher',
  'unknown',
])
// koppeling: whether COA has linked the status holder to a municipality that will house them.
export const municipalLinkage = pgEnum('municipal_linkage', ['yes', 'yes_unknown_which', 'no', 'unknown'])

/**
 * A resident of a reception location who had an intake with the intermediary (deelnemer).
 * Owned by the intermediary and pseudonymous to employers, who see the reference code, first
 * name, languages, experience and hours wanted — nothing else. The attributes are the ones the
 * pilot reported on; the consent fields record why the data is kept (AVG).
 */
export const candidates = pgTable(
  'candidates',
  {
    id: uuid().primaryKey().defaultRandom(),
    intermediaryOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    referenceCode: text().notNull(),
    firstName: text(),
    languages: text(),
    experience: text(),
    skills: text(),
    receptionLocationId: uuid().references(() => receptionLocations.id, { onDelete: 'set null' }),
    residenceStatus: residenceStatus().notNull().default('unknown'),
    gender: candidateGender().notNull().default('unknown'),
    educationLevel: educationLevel().notNull().default('unknown'),
    // Self-reported at intake on the pilot's scale (the vacancy's levels); null: not known.
    englishLevel: languageLevel(),
    dutchLevel: languageLevel(),
    municipalLinkage: municipalLinkage().notNull().default('unknown'),
    linkedMunicipality: text(),
    intakeDate: date({ mode: 'string' }),
    hoursWanted: integer(),
    movedOutOn: date({ mode: 'string' }),
    consentPurpose: text(),
    consentGivenOn: date({ mode: 'string' }),
    consentRecordedByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    consentWithdrawnOn: date({ mode: 'string' }),
    // Set when the person's data was erased (on request or after the retention period): the row
    // stays only because an employer's hire points at it; what the funnel needs moved to
    // anonymous_pipeline_records.
    erasedAt: timestamp({ withTimezone: true }),
    // Any change to the candidate or one of its matches: the retention period counts from here.
    lastActivityAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('candidates_reference_key').on(t.intermediaryOrganisationId, t.referenceCode)],
)

export const speeddateSeats = pgTable(
  'speeddate_seats',
  {
    id: uuid().primaryKey().defaultRandom(),
    slotId: uuid()
      .notNull()
      .references(() => speeddateSlots.id, { onDelete: 'cascade' }),
    candidateId: uuid()
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    attendance: attendance(),
    outcome: speeddateOutcome(),
    employerWish: employerWish(),
    employerWishAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('speeddate_seats_candidate_key').on(t.slotId, t.candidateId)],
)

export const proposalStatus = pgEnum('proposal_status', ['open', 'accepted', 'declined', 'withdrawn'])

export type ProposedTime = { startsAt: string; endsAt: string }

/**
 * An employer's own times for a speeddate (up to three), when no offered slot suits. The
 * intermediary accepts one — which becomes a slot with an approved booking — or declines.
 */
export const speeddateProposals = pgTable(
  'speeddate_proposals',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    vacancyId: uuid()
      .notNull()
      .references(() => vacancies.id, { onDelete: 'cascade' }),
    requestedByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    times: jsonb().$type<ProposedTime[]>().notNull(),
    placeKind: slotPlaceKind().notNull(),
    receptionLocationId: uuid().references(() => receptionLocations.id),
    placeAddress: text(),
    note: text(),
    status: proposalStatus().notNull().default('open'),
    reason: text(),
    bookingId: uuid().references(() => speeddateBookings.id, { onDelete: 'set null' }),
    decidedByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('speeddate_proposals_status_idx').on(t.status, t.createdAt)],
)

/**
 * A person's private calendar subscription (webcal) of its speeddates. Only the token's hash is
 * kept, like an API key: the address is shown once; a new one revokes the old.
 */
export const calendarFeeds = pgTable('calendar_feeds', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text().notNull().unique(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lastFetchedAt: timestamp({ withTimezone: true }),
})

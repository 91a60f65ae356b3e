import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
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
import { candidates, residenceStatus, speeddateSeats } from './speeddates'
import { vacancies } from './vacancies'

export const policyStatus = pgEnum('policy_status', ['in_force', 'announced', 'struck_down'])

// Whether the asylum seeker is likely to be granted asylum ("kansrijk"), as the intermediary hears
// it from COA: the announced shorter waiting period depends on it. Null: not known.
export const permitChance = pgEnum('permit_chance', ['high', 'low'])

// Why a placement ended (report table 3.1: "tijdelijke klus", mostly the 24-week rule; "andere
// reden", mostly stopped themselves) and why a match never started ("niet op komen dagen of baan
// uiteindelijk geweigerd").
export const stopReason = pgEnum('stop_reason', [
  'temporary_job_ended',
  'twenty_four_week_rule',
  'stopped_themselves',
  'dismissed',
  'relocated',
  'other',
])
export const notStartedReason = pgEnum('not_started_reason', ['did_not_turn_up', 'declined_job'])

/**
 * A match that is being turned into a job. Only what the TWV/BSN path needs is kept, as the
 * intermediary reports it: no date of birth (only whether the person is 18+), no nationality.
 */
export const hires = pgTable(
  'hires',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    vacancyId: uuid()
      .notNull()
      .references(() => vacancies.id, { onDelete: 'cascade' }),
    candidateId: uuid()
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    seatId: uuid().references(() => speeddateSeats.id, { onDelete: 'set null' }),
    residenceStatus: residenceStatus().notNull().default('unknown'),
    isAdult: boolean(),
    asylumApplicationDate: date({ mode: 'string' }),
    wDocumentValidUntil: date({ mode: 'string' }),
    dublinClaimant: boolean(),
    medicalResidenceGround: boolean(),
    hasBsn: boolean(),
    permitChance: permitChance(),
    // A match (both sides intend to work together) becomes a placement on the first day worked;
    // it ends with endedOn and a stop reason, or never starts (notStartedOn and its reason).
    matchedOn: date({ mode: 'string' }).notNull().default(sql`current_date`),
    firstWorkingDay: date({ mode: 'string' }),
    endedOn: date({ mode: 'string' }),
    stopReason: stopReason(),
    notStartedOn: date({ mode: 'string' }),
    notStartedReason: notStartedReason(),
    outcomeNote: text(),
    // Set on matches loaded from an earlier programme's records (CSV import): the key that makes
    // importing the same file twice change nothing.
    importKey: text(),
    createdByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('hires_organisation_idx').on(t.organisationId, t.createdAt),
    index('hires_candidate_idx').on(t.candidateId),
    uniqueIndex('hires_import_key').on(t.candidateId, t.importKey),
    check('hires_stopped_after_start', sql`${t.endedOn} is null or (${t.firstWorkingDay} is not null and ${t.endedOn} >= ${t.firstWorkingDay} and ${t.stopReason} is not null)`),
    check('hires_not_started_never_worked', sql`${t.notStartedOn} is null or (${t.firstWorkingDay} is null and ${t.notStartedReason} is not null)`),
  ],
)

/** A step of the hire's path ticked off, with the date it happened and who recorded it. */
export const hireSteps = pgTable(
  'hire_steps',
  {
    id: uuid().primaryKey().defaultRandom(),
    hireId: uuid()
      .notNull()
      .references(() => hires.id, { onDelete: 'cascade' }),
    stepKey: text().notNull(),
    doneOn: date({ mode: 'string' }).notNull(),
    recordedByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('hire_steps_key').on(t.hireId, t.stepKey)],
)

/** One "this step is overdue" email per hire and step: the row is the proof it went out. */
export const hireStepReminders = pgTable(
  'hire_step_reminders',
  {
    hireId: uuid()
      .notNull()
      .references(() => hires.id, { onDelete: 'cascade' }),
    stepKey: text().notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.hireId, t.stepKey] })],
)

/**
 * Policy and legal content as data: TWV steps, documents, eligibility conditions, lead-time
 * tables, risk rules and parameters, each with structured sources, dates, a status and a review
 * date. Defaults come from the code (decision 014); an admin edits them, and every edit is audited.
 */
export const policyRules = pgTable('policy_rules', {
  key: text().primaryKey(),
  kind: text().notNull(),
  titleNl: text().notNull(),
  titleEn: text().notNull(),
  bodyNl: text().notNull(),
  bodyEn: text().notNull(),
  sources: jsonb().$type<unknown[]>().notNull().default([]),
  effectiveFrom: date({ mode: 'string' }),
  effectiveTo: date({ mode: 'string' }),
  reviewedOn: date({ mode: 'string' }).notNull(),
  reviewBy: date({ mode: 'string' }).notNull(),
  status: policyStatus().notNull(),
  data: jsonb().$type<unknown>().notNull().default({}),
  sortOrder: integer().notNull().default(0),
  // The default's revision this row holds; an admin's edit sets editedAt and ends the updates.
  revision: integer().notNull().default(0),
  editedAt: timestamp({ withTimezone: true }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

/** One change of a rule (an admin's edit or a corrected default), kept to tell the people it affects. */
export const policyRuleChanges = pgTable(
  'policy_rule_changes',
  {
    id: uuid().primaryKey().defaultRandom(),
    ruleKey: text()
      .notNull()
      .references(() => policyRules.key, { onDelete: 'cascade' }),
    changedByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    fields: jsonb().$type<string[]>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('policy_rule_changes_rule_idx').on(t.ruleKey, t.createdAt)],
)

/**
 * What a rule change did to one open vacancy or hire: risks that now apply or no longer apply,
 * or a changed text of a risk or step it has. Shown on its page and mailed to its employer.
 */
export const policyNotices = pgTable(
  'policy_notices',
  {
    id: uuid().primaryKey().defaultRandom(),
    changeId: uuid()
      .notNull()
      .references(() => policyRuleChanges.id, { onDelete: 'cascade' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    vacancyId: uuid().references(() => vacancies.id, { onDelete: 'cascade' }),
    hireId: uuid().references(() => hires.id, { onDelete: 'cascade' }),
    effect: text({ enum: ['added', 'removed', 'changed'] }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('policy_notices_vacancy_idx').on(t.vacancyId, t.createdAt), index('policy_notices_hire_idx').on(t.hireId, t.createdAt)],
)

export const dropoutRisk = pgEnum('dropout_risk', ['low', 'medium', 'high'])

/**
 * Aftercare (nazorg) after a first working day: a check-in due in a given week (rule
 * `aftercare.check_ins`). A row exists once the intermediary was reminded of it or recorded it;
 * a due check-in without a row is simply open.
 */
export const aftercareCheckIns = pgTable(
  'aftercare_check_ins',
  {
    id: uuid().primaryKey().defaultRandom(),
    hireId: uuid()
      .notNull()
      .references(() => hires.id, { onDelete: 'cascade' }),
    week: integer().notNull(),
    dueOn: date({ mode: 'string' }).notNull(),
    doneOn: date({ mode: 'string' }),
    howItGoes: text(),
    dropoutRisk: dropoutRisk(),
    agreed: text(),
    remindedAt: timestamp({ withTimezone: true }),
    recordedByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('aftercare_check_ins_key').on(t.hireId, t.week)],
)

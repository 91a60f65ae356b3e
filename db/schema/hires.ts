import {
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
import { candidates, speeddateSeats } from './speeddates'
import { vacancies } from './vacancies'

// asielzoeker (needs a TWV), statushouder (does not), or not yet known.
export const residenceStatus = pgEnum('residence_status', ['asylum_seeker', 'status_holder', 'unknown'])
export const policyStatus = pgEnum('policy_status', ['in_force', 'announced', 'struck_down'])

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
    firstWorkingDay: date({ mode: 'string' }),
    createdByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('hires_organisation_idx').on(t.organisationId, t.createdAt)],
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
 * Policy and legal content as data: TWV steps, documents, eligibility conditions and lead-time
 * tables, each with its source, dates and status. Defaults come from the code on start-up (only
 * missing keys are added); from then on an admin edits them here, and every edit is audited.
 */
export const policyRules = pgTable(
  'policy_rules',
  {
    key: text().primaryKey(),
    kind: text().notNull(),
    titleNl: text().notNull(),
    titleEn: text().notNull(),
    bodyNl: text().notNull(),
    bodyEn: text().notNull(),
    source: text().notNull(),
    effectiveFrom: date({ mode: 'string' }),
    effectiveTo: date({ mode: 'string' }),
    reviewedOn: date({ mode: 'string' }).notNull(),
    status: policyStatus().notNull().default('in_force'),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    sortOrder: integer().notNull().default(0),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
)

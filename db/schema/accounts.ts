import { sql } from 'drizzle-orm'
import {
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'

// platform: the organisation that runs Werkbrug itself (its admins), no tenant of its own.
export const organisationKind = pgEnum('organisation_kind', ['employer', 'intermediary', 'platform'])

// employer_member is the HR officer; intermediary is the staffing-agency consultant or
// municipal adviser ("bemiddelaar"), intermediary_owner also sets its fees and runs its team;
// admin runs the platform (policy content, locations, intermediary organisations).
export const userRole = pgEnum('user_role', [
  'employer_owner',
  'employer_member',
  'intermediary',
  'admin',
  'intermediary_owner',
])

export const locale = pgEnum('locale', ['nl', 'en'])

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow()

export const organisations = pgTable(
  'organisations',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: organisationKind().notNull(),
    name: text().notNull(),
    // KvK-nummer: Chamber of Commerce registration, 8 digits; only employers must have one.
    kvkNumber: text(),
    // An intermediary's own Stripe account (Stripe Connect, "acct_…"): its fees are charged on it,
    // so the money is the intermediary's from the start. Without one, its fees are not charged.
    stripeAccountId: text(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('organisations_kvk_number_key').on(t.kvkNumber)],
)

/**
 * Which intermediaries an employer works with (chosen at registration, or by accepting an
 * intermediary's invitation). An intermediary sees the employers linked to it and nobody else.
 */
export const employerIntermediaries = pgTable(
  'employer_intermediaries',
  {
    employerOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    intermediaryOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.employerOrganisationId, t.intermediaryOrganisationId] }),
    index('employer_intermediaries_intermediary_idx').on(t.intermediaryOrganisationId),
  ],
)

/**
 * An intermediary asks an employer to work with it: a link by email, accepted by the employer's
 * owner (signed in, or while registering). The token is stored hashed, like every secret link.
 */
export const partnerInvitations = pgTable(
  'partner_invitations',
  {
    id: uuid().primaryKey().defaultRandom(),
    intermediaryOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    email: text().notNull(),
    tokenHash: text().notNull(),
    invitedByUserId: uuid(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    acceptedByOrganisationId: uuid().references(() => organisations.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('partner_invitations_token_hash_key').on(t.tokenHash),
    index('partner_invitations_intermediary_idx').on(t.intermediaryOrganisationId, t.createdAt),
  ],
)

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    // Stored lower-cased by the accounts module; the unique index makes a race lose cleanly.
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    role: userRole().notNull(),
    locale: locale().notNull().default('nl'),
    createdAt: createdAt(),
    disabledAt: timestamp({ withTimezone: true }),
    // Set when the person proved the address is theirs (the confirmation link, or accepting an
    // invitation that was sent to it); until then the account cannot log in.
    emailConfirmedAt: timestamp({ withTimezone: true }),
    // Two-factor sign-in (TOTP, RFC 6238): the shared secret in base32, set once enrolment was
    // confirmed with a first code. Staff must have it; employers may.
    totpSecret: text(),
    totpEnabledAt: timestamp({ withTimezone: true }),
    // The step of the last accepted code, so one code cannot be used twice.
    totpLastStep: integer(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    index('users_organisation_id_idx').on(t.organisationId),
  ],
)

// A session after the password is not yet a sign-in when a second factor is due: 'code' waits
// for the authenticator code, 'enrol' for staff who must set one up first.
export const sessionStage = pgEnum('session_stage', ['code', 'enrol', 'complete'])

export const sessions = pgTable(
  'sessions',
  {
    // sha256 of the cookie token: a leaked table does not hand out live sessions.
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    stage: sessionStage().notNull().default('complete'),
    // A secret offered during enrolment, kept until the first code confirms it.
    pendingTotpSecret: text(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId)],
)

/** Confirmation links for a new account's email address; only the hash is kept. */
export const emailConfirmationTokens = pgTable(
  'email_confirmation_tokens',
  {
    tokenHash: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('email_confirmation_tokens_user_id_idx').on(t.userId)],
)

/** One-time recovery codes for a lost authenticator; hashed like tokens. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    codeHash: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('recovery_codes_user_id_idx').on(t.userId)],
)

/**
 * Throttle counters shared by every app instance (rate-limiter-flexible's drizzle store). Keys
 * are hashed: an address or an IP is never stored in the clear here.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text().primaryKey(),
  points: integer().notNull().default(0),
  expire: timestamp({ withTimezone: true }),
})

export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    tokenHash: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('password_reset_tokens_user_id_idx').on(t.userId)],
)

export const invitations = pgTable(
  'invitations',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    email: text().notNull(),
    role: userRole().notNull(),
    tokenHash: text().notNull(),
    invitedByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('invitations_token_hash_key').on(t.tokenHash),
    index('invitations_organisation_id_idx').on(t.organisationId),
    // One open invitation per address and organisation; a new one replaces the old.
    uniqueIndex('invitations_open_email_key')
      .on(t.organisationId, t.email)
      .where(sql`accepted_at is null and revoked_at is null`),
  ],
)

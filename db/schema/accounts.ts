import { sql } from 'drizzle-orm'
import {
  boolean,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'

export const organisationKind = pgEnum('organisation_kind', ['employer', 'intermediary'])

// employer_member is the HR officer; intermediary is the staffing-agency consultant or
// municipal adviser ("bemiddelaar"); admin manages accounts and policy content.
export const userRole = pgEnum('user_role', [
  'employer_owner',
  'employer_member',
  'intermediary',
  'admin',
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
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('organisations_kvk_number_key').on(t.kvkNumber)],
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
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    index('users_organisation_id_idx').on(t.organisationId),
  ],
)

export const sessions = pgTable(
  'sessions',
  {
    // sha256 of the cookie token: a leaked table does not hand out live sessions.
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId)],
)

export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    ip: text().notNull(),
    succeeded: boolean().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('login_attempts_email_idx').on(t.email, t.createdAt),
    index('login_attempts_ip_idx').on(t.ip, t.createdAt),
  ],
)

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

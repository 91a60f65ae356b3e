import { sql } from 'drizzle-orm'
import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from './accounts'

/**
 * How each person wants to hear of each kind of event (app/modules/notifications/kinds.ts):
 * at once, or in one email a day. No row is "at once". Essential emails (security, payments,
 * booking changes with a calendar update) are not notifications and cannot be batched.
 */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    delivery: text().$type<'immediate' | 'daily_digest'>().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
)

/** A notification waiting for the person's daily digest; sentAt is set when the digest is queued. */
export const notificationDigestItems = pgTable(
  'notification_digest_items',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    props: jsonb().$type<Record<string, string>>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('notification_digest_items_pending_idx').on(t.userId, t.id).where(sql`${t.sentAt} is null`)],
)

import { date, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { organisations, users } from './accounts'

export const feeKind = pgEnum('fee_kind', ['speeddate_booking', 'placement'])

/**
 * The intermediary's fees, append-only: a change is a new row effective from a date, so what was
 * charged before keeps its own amount. Money in integer euro cents; VAT in basis points (2100 = 21%).
 */
export const fees = pgTable(
  'fees',
  {
    id: uuid().primaryKey().defaultRandom(),
    intermediaryOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kind: feeKind().notNull(),
    amountCents: integer().notNull(),
    vatBasisPoints: integer().notNull(),
    effectiveFrom: date({ mode: 'string' }).notNull(),
    createdByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('fees_kind_idx').on(t.intermediaryOrganisationId, t.kind, t.effectiveFrom)],
)

/** Every Stripe event we accepted, once: a replay or a duplicate delivery finds its id here. */
export const stripeEvents = pgTable('stripe_events', {
  id: text().primaryKey(),
  type: text().notNull(),
  stripeCreatedAt: timestamp({ withTimezone: true }).notNull(),
  receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

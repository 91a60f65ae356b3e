import { sql } from 'drizzle-orm'
import { bigint, check, date, index, integer, pgEnum, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { organisations, users } from './accounts'
import { hires } from './hires'
import { speeddateBookings } from './speeddates'

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

/**
 * What the intermediary lets an employer get back when the employer cancels a paid booking: all
 * of it up to a number of hours before the session, a percentage after that. Append-only like fees.
 */
export const cancellationPolicies = pgTable(
  'cancellation_policies',
  {
    id: uuid().primaryKey().defaultRandom(),
    intermediaryOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    fullRefundHoursBefore: integer().notNull(),
    lateRefundPercent: integer().notNull(),
    effectiveFrom: date({ mode: 'string' }).notNull(),
    createdByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('cancellation_policies_org_idx').on(t.intermediaryOrganisationId, t.effectiveFrom),
    check('cancellation_policies_hours', sql`${t.fullRefundHoursBefore} between 0 and 8760`),
    check('cancellation_policies_percent', sql`${t.lateRefundPercent} between 0 and 100`),
  ],
)

// open: to be paid; expired: the checkout window lapsed and the booking let go of its slot;
// cancelled: the booking ended before anything was paid.
export const paymentStatus = pgEnum('payment_status', ['open', 'paid', 'partially_refunded', 'refunded', 'expired', 'cancelled'])

/** Receipt numbers are given when money arrives, so unpaid charges leave no holes in them. */
export const receiptNumbers = pgSequence('payment_receipt_numbers', { startWith: 1 })

/**
 * A charge of one of the intermediary's fees to an employer. Amounts are copied from the fee in
 * force when the charge is made (integer cents, VAT computed once) and never recomputed.
 */
export const payments = pgTable(
  'payments',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: feeKind().notNull(),
    payerOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    intermediaryOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    bookingId: uuid().references(() => speeddateBookings.id, { onDelete: 'set null' }),
    hireId: uuid().references(() => hires.id, { onDelete: 'set null' }),
    description: text().notNull(),
    // The connected account the charge lives on, copied when it is made (Stripe calls for this
    // payment go there, even if the intermediary connects another account later).
    stripeAccountId: text(),
    netCents: integer().notNull(),
    vatBasisPoints: integer().notNull(),
    vatCents: integer().notNull(),
    grossCents: integer().notNull(),
    status: paymentStatus().notNull().default('open'),
    receiptNumber: bigint({ mode: 'number' }),
    stripeCheckoutSessionId: text(),
    checkoutUrl: text(),
    checkoutExpiresAt: timestamp({ withTimezone: true }),
    stripePaymentIntentId: text(),
    paidAt: timestamp({ withTimezone: true }),
    // The last failed attempt as Stripe described it; the employer can try again until expiry.
    failureMessage: text(),
    // A refund we owe: set in the same transaction as the cancellation, carried out with Stripe
    // afterwards (and retried until Stripe has taken it).
    refundDueCents: integer().notNull().default(0),
    refundReason: text(),
    stripeRefundId: text(),
    // Attempts at Stripe that got an error answer; each retry first asks Stripe whether one went through.
    refundAttempts: integer().notNull().default(0),
    refundedCents: integer().notNull().default(0),
    refundedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('payments_payer_idx').on(t.payerOrganisationId, t.createdAt),
    index('payments_intermediary_idx').on(t.intermediaryOrganisationId, t.createdAt),
    uniqueIndex('payments_booking_key').on(t.bookingId),
    uniqueIndex('payments_hire_key').on(t.hireId),
    uniqueIndex('payments_receipt_key').on(t.receiptNumber),
    index('payments_checkout_session_idx').on(t.stripeCheckoutSessionId),
    index('payments_payment_intent_idx').on(t.stripePaymentIntentId),
    check('payments_amounts', sql`${t.netCents} > 0 and ${t.vatCents} >= 0 and ${t.grossCents} = ${t.netCents} + ${t.vatCents}`),
    check('payments_refunds', sql`${t.refundedCents} between 0 and ${t.grossCents} and ${t.refundDueCents} between 0 and ${t.grossCents}`),
  ],
)

/**
 * Signed Stripe events we did not act on because they do not fit the charge they name: another
 * Checkout Session or payment intent, another amount or currency. Nothing changed; the platform
 * admin sees them on the payments page and settles them by hand if money did move.
 */
export const stripeEventRefusals = pgTable(
  'stripe_event_refusals',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    stripeEventId: text().notNull(),
    eventType: text().notNull(),
    paymentId: uuid().references(() => payments.id, { onDelete: 'set null' }),
    reason: text().notNull(),
    expected: text().notNull(),
    received: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stripe_event_refusals_created_idx').on(t.createdAt)],
)

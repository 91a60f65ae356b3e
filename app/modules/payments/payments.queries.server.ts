import { and, desc, eq } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Db } from '#db/client.server'
import { organisations, payments, speeddateBookings, stripeEventRefusals } from '#db/schema'
import type { Actor } from '~/modules/authorisation'
import { scopeOf } from '~/modules/authorisation/index.server'

const payer = alias(organisations, 'payer')
const payee = alias(organisations, 'payee')


const columns = {
  id: payments.id,
  kind: payments.kind,
  payerOrganisationId: payments.payerOrganisationId,
  payerName: payer.name,
  payeeName: payee.name,
  bookingId: payments.bookingId,
  slotId: speeddateBookings.slotId,
  hireId: payments.hireId,
  description: payments.description,
  netCents: payments.netCents,
  vatBasisPoints: payments.vatBasisPoints,
  vatCents: payments.vatCents,
  grossCents: payments.grossCents,
  status: payments.status,
  receiptNumber: payments.receiptNumber,
  checkoutExpiresAt: payments.checkoutExpiresAt,
  stripeCheckoutSessionId: payments.stripeCheckoutSessionId,
  stripeAccountId: payments.stripeAccountId,
  paidAt: payments.paidAt,
  failureMessage: payments.failureMessage,
  refundDueCents: payments.refundDueCents,
  refundReason: payments.refundReason,
  refundAttempts: payments.refundAttempts,
  stripeRefundId: payments.stripeRefundId,
  refundedCents: payments.refundedCents,
  refundedAt: payments.refundedAt,
  createdAt: payments.createdAt,
}

export function listPayments(db: Db, actor: Actor, limit = 200) {
  return db
    .select(columns)
    .from(payments)
    .innerJoin(payer, eq(payer.id, payments.payerOrganisationId))
    .innerJoin(payee, eq(payee.id, payments.intermediaryOrganisationId))
    .leftJoin(speeddateBookings, eq(speeddateBookings.id, payments.bookingId))
    .where(scopeOf(actor).payments())
    .orderBy(desc(payments.createdAt))
    .limit(limit)
}

export async function getPayment(db: Db, actor: Actor, id: string) {
  const [payment] = await db
    .select(columns)
    .from(payments)
    .innerJoin(payer, eq(payer.id, payments.payerOrganisationId))
    .innerJoin(payee, eq(payee.id, payments.intermediaryOrganisationId))
    .leftJoin(speeddateBookings, eq(speeddateBookings.id, payments.bookingId))
    .where(and(eq(payments.id, id), scopeOf(actor).payments()))
  return payment
}
export type PaymentView = NonNullable<Awaited<ReturnType<typeof getPayment>>>

export async function paymentIdForBooking(db: Db, bookingId: string): Promise<string | null> {
  const [row] = await db.select({ id: payments.id }).from(payments).where(eq(payments.bookingId, bookingId))
  return row?.id ?? null
}

/** Stripe events refused as not fitting their charge: platform-wide, for the admin (permission 'stripeRefusals:view'). */
export function listStripeRefusals(db: Db, limit = 50) {
  return db
    .select({
      id: stripeEventRefusals.id,
      stripeEventId: stripeEventRefusals.stripeEventId,
      eventType: stripeEventRefusals.eventType,
      paymentId: stripeEventRefusals.paymentId,
      reason: stripeEventRefusals.reason,
      expected: stripeEventRefusals.expected,
      received: stripeEventRefusals.received,
      createdAt: stripeEventRefusals.createdAt,
    })
    .from(stripeEventRefusals)
    .orderBy(desc(stripeEventRefusals.id))
    .limit(limit)
}

import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { payments, speeddateBookings, users } from '#db/schema'
import { StateConflictError } from '~/lib/errors.server'
import { employerOwners } from '~/modules/accounts/index.server'
import { enqueueEmail } from '~/modules/email/index.server'
import { bookingPaymentPort } from './booking-port'

export class PaymentConflictError extends StateConflictError {}

export type Payment = typeof payments.$inferSelect
/** A fee as charged: its amounts, and the intermediary's connected account the charge goes to. */
export type ChargeAmounts = { amountCents: number; vatBasisPoints: number; vatCents: number; stripeAccountId: string }

/** How long an unpaid booking holds its slot: Stripe's shortest Checkout Session. */
export const BOOKING_PAYMENT_WINDOW_MS = 30 * 60_000

/** What must happen at Stripe once the transaction that decided it has committed. */
export type StripeFollowUps = { refundPaymentIds: string[]; expireSessions: { sessionId: string; stripeAccountId: string | null }[] }
export const noFollowUps = (): StripeFollowUps => ({ refundPaymentIds: [], expireSessions: [] })

export async function lockPayment(tx: Db, id: string): Promise<Payment | undefined> {
  const [payment] = await tx.select().from(payments).where(eq(payments.id, id)).for('update')
  return payment
}

/**
 * Locks a charge for a change that may also change its booking: slot and booking first (as every
 * booking change does), then the charge.
 */
async function lockChargeWithBooking(tx: Db, id: string): Promise<Payment | undefined> {
  const [ref] = await tx.select({ bookingId: payments.bookingId }).from(payments).where(eq(payments.id, id))
  if (ref?.bookingId) await bookingPaymentPort().lockSlotAndBooking(tx, ref.bookingId)
  return lockPayment(tx, id)
}

export async function lockBookingPayment(tx: Db, bookingId: string): Promise<Payment | undefined> {
  const [payment] = await tx.select().from(payments).where(eq(payments.bookingId, bookingId)).for('update')
  return payment
}

/**
 * Charges a fee: amounts are copied from the fee in force now, so a later change of the fee
 * never alters this charge. Runs in the transaction that makes the booking or records the day.
 */
export async function createCharge(
  tx: Db,
  input: {
    kind: 'speeddate_booking' | 'placement'
    payerOrganisationId: string
    intermediaryOrganisationId: string
    bookingId?: string
    hireId?: string
    description: string
    fee: ChargeAmounts
    holdUntil?: Date
  },
): Promise<string> {
  const [payment] = await tx
    .insert(payments)
    .values({
      kind: input.kind,
      payerOrganisationId: input.payerOrganisationId,
      intermediaryOrganisationId: input.intermediaryOrganisationId,
      bookingId: input.bookingId ?? null,
      hireId: input.hireId ?? null,
      description: input.description,
      stripeAccountId: input.fee.stripeAccountId,
      netCents: input.fee.amountCents,
      vatBasisPoints: input.fee.vatBasisPoints,
      vatCents: input.fee.vatCents,
      grossCents: input.fee.amountCents + input.fee.vatCents,
      checkoutExpiresAt: input.holdUntil ?? null,
    })
    .returning({ id: payments.id })
  return payment!.id
}

const settled = new Set<Payment['status']>(['paid', 'partially_refunded', 'refunded'])

/**
 * Money arrived for a charge. However often Stripe tells us (redeliveries, the return page and
 * the webhook racing), the charge becomes paid once: the row lock and the status make the second
 * call a no-op. A booking waiting for this payment is confirmed; if the booking had already let
 * go of its slot and cannot have it back, the money goes back in full.
 */
export async function markPaid(
  tx: Db,
  paymentId: string,
  info: { sessionId: string; paymentIntentId: string | null },
  options: { appUrl: string; now?: Date },
): Promise<StripeFollowUps> {
  const followUps = noFollowUps()
  const payment = await lockChargeWithBooking(tx, paymentId)
  if (!payment || settled.has(payment.status)) return followUps
  const now = options.now ?? new Date()
  const [paid] = await tx
    .update(payments)
    .set({
      status: 'paid',
      paidAt: now,
      receiptNumber: sql`nextval('payment_receipt_numbers')`,
      stripeCheckoutSessionId: info.sessionId,
      stripePaymentIntentId: info.paymentIntentId,
      failureMessage: null,
      updatedAt: now,
    })
    .where(eq(payments.id, paymentId))
    .returning()
  await sendReceipt(tx, paid!, options.appUrl)
  if (payment.bookingId) {
    const outcome = await bookingPaymentPort().confirmPaidBooking(tx, payment.bookingId, { appUrl: options.appUrl, now })
    if (outcome === 'unavailable') {
      await requestRefund(tx, paymentId, payment.grossCents, 'slot_unavailable')
      followUps.refundPaymentIds.push(paymentId)
    }
  }
  return followUps
}

/**
 * A Checkout Session ran out. An unpaid booking then lets go of its slot; a placement fee stays
 * open (the employer can start a new checkout). An older session of the charge changes nothing.
 */
export async function markCheckoutLapsed(tx: Db, paymentId: string, sessionId: string | null, now = new Date()): Promise<void> {
  const payment = await lockChargeWithBooking(tx, paymentId)
  if (!payment || payment.status !== 'open') return
  if (sessionId && payment.stripeCheckoutSessionId && payment.stripeCheckoutSessionId !== sessionId) return
  if (payment.kind === 'placement') {
    await tx.update(payments).set({ stripeCheckoutSessionId: null, checkoutUrl: null, checkoutExpiresAt: null, updatedAt: now }).where(eq(payments.id, paymentId))
    return
  }
  await tx.update(payments).set({ status: 'expired', updatedAt: now }).where(eq(payments.id, paymentId))
  if (payment.bookingId) await bookingPaymentPort().expireUnpaidBooking(tx, payment.bookingId, now)
}

/** A failed attempt (a declined card, an abandoned iDEAL); the employer may try again. */
export async function recordPaymentFailure(tx: Db, paymentId: string, message: string): Promise<void> {
  await tx
    .update(payments)
    .set({ failureMessage: message.slice(0, 500), updatedAt: new Date() })
    .where(and(eq(payments.id, paymentId), eq(payments.status, 'open')))
}

/** The booking ended before it was paid: the charge is void and its checkout must be closed. */
export async function cancelOpenCharge(tx: Db, payment: Payment, followUps: StripeFollowUps): Promise<void> {
  if (payment.status !== 'open') return
  await tx.update(payments).set({ status: 'cancelled', updatedAt: new Date() }).where(eq(payments.id, payment.id))
  if (payment.stripeCheckoutSessionId) followUps.expireSessions.push({ sessionId: payment.stripeCheckoutSessionId, stripeAccountId: payment.stripeAccountId })
}

/**
 * Records that we owe the employer `cents` back. The Stripe call happens after the transaction
 * commits (settleRefund), so a cancellation never waits on, or half-depends on, the network.
 */
export async function requestRefund(tx: Db, paymentId: string, cents: number, reason: string): Promise<boolean> {
  if (cents <= 0) return false
  const [updated] = await tx
    .update(payments)
    .set({ refundDueCents: sql`least(${cents}, ${payments.grossCents})`, refundReason: reason, updatedAt: new Date() })
    .where(and(eq(payments.id, paymentId), eq(payments.status, 'paid'), eq(payments.refundDueCents, 0)))
    .returning({ id: payments.id })
  return Boolean(updated)
}

/**
 * Stripe has returned money (our refund call answered, or `charge.refunded` arrived — whichever
 * is first). The employer hears of it once.
 */
export async function recordRefunded(
  tx: Db,
  paymentId: string,
  totalRefundedCents: number,
  refundId: string | null,
  options: { appUrl: string; now?: Date },
): Promise<void> {
  const payment = await lockPayment(tx, paymentId)
  if (!payment || !settled.has(payment.status)) return
  const refunded = Math.min(Math.max(payment.refundedCents, totalRefundedCents), payment.grossCents)
  if (refunded === payment.refundedCents && payment.refundedAt) return
  const now = options.now ?? new Date()
  const [updated] = await tx
    .update(payments)
    .set({
      refundedCents: refunded,
      status: refunded >= payment.grossCents ? 'refunded' : 'partially_refunded',
      refundedAt: payment.refundedAt ?? now,
      stripeRefundId: payment.stripeRefundId ?? refundId,
      updatedAt: now,
    })
    .where(eq(payments.id, paymentId))
    .returning()
  if (!payment.refundedAt) await sendRefundNotice(tx, updated!, options.appUrl)
}

/** Who is told about a charge: the person who booked, or the employer's owners. */
async function payerRecipients(tx: Db, payment: Payment) {
  if (payment.bookingId) {
    const requester = await tx
      .select({ email: users.email, locale: users.locale })
      .from(speeddateBookings)
      .innerJoin(users, eq(users.id, speeddateBookings.requestedByUserId))
      .where(and(eq(speeddateBookings.id, payment.bookingId), isNull(users.disabledAt)))
    if (requester.length > 0) return requester
  }
  return employerOwners(tx, payment.payerOrganisationId)
}

function receiptProps(payment: Payment, appUrl: string) {
  return {
    kind: payment.kind,
    receiptNumber: formatReceiptNumber(payment.receiptNumber),
    description: payment.description,
    netCents: payment.netCents,
    vatPercent: payment.vatBasisPoints / 100,
    vatCents: payment.vatCents,
    grossCents: payment.grossCents,
    paidAt: (payment.paidAt ?? new Date()).toISOString(),
    url: new URL(`/payments/${payment.id}`, appUrl).toString(),
  }
}

async function sendReceipt(tx: Db, payment: Payment, appUrl: string) {
  for (const recipient of await payerRecipients(tx, payment)) {
    await enqueueEmail(tx, { template: 'payment-receipt', to: recipient.email, locale: recipient.locale, props: receiptProps(payment, appUrl) })
  }
}

async function sendRefundNotice(tx: Db, payment: Payment, appUrl: string) {
  for (const recipient of await payerRecipients(tx, payment)) {
    await enqueueEmail(tx, {
      template: 'payment-refund',
      to: recipient.email,
      locale: recipient.locale,
      props: { ...receiptProps(payment, appUrl), refundedCents: payment.refundedCents },
    })
  }
}

/** WB-000042: the receipt number as printed, stable width for sorting in bookkeeping. */
export function formatReceiptNumber(receiptNumber: number | null): string {
  return receiptNumber === null ? '—' : `WB-${String(receiptNumber).padStart(6, '0')}`
}

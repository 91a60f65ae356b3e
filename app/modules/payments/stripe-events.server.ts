import { eq } from 'drizzle-orm'
import type Stripe from 'stripe'
import type { Db } from '#db/client.server'
import { payments, stripeEvents } from '#db/schema'
import { markCheckoutLapsed, markPaid, noFollowUps, recordPaymentFailure, recordRefunded, type Payment, type StripeFollowUps } from './charges.server'
import { stripeId } from './checkout.server'
import { accountMismatch, checkoutSessionMismatch, paymentIntentMismatch, recordRefusal, type Mismatch } from './stripe-trust.server'
import { logWarning } from '~/lib/log.server'

/**
 * Records a verified Stripe event once. Returns false for an event id we already have — a
 * replay or Stripe's own redelivery — so the caller changes nothing the second time.
 */
export async function recordStripeEvent(db: Db, event: Stripe.Event): Promise<boolean> {
  const [stored] = await db
    .insert(stripeEvents)
    .values({ id: event.id, type: event.type, stripeCreatedAt: new Date(event.created * 1000) })
    .onConflictDoNothing()
    .returning({ id: stripeEvents.id })
  return Boolean(stored)
}

/**
 * Stores a verified event and acts on it in one transaction: if acting fails, the event is not
 * stored either and Stripe's next delivery tries again. Each handler looks at the charge's
 * current state, not at the order events came in, so a late or out-of-order event is harmless.
 */
export async function receiveStripeEvent(db: Db, event: Stripe.Event, options: { appUrl: string }): Promise<{ duplicate: boolean; followUps: StripeFollowUps }> {
  return db.transaction(async (tx) => {
    if (!(await recordStripeEvent(tx, event))) return { duplicate: true, followUps: noFollowUps() }
    return { duplicate: false, followUps: await applyStripeEvent(tx, event, options) }
  })
}

async function applyStripeEvent(tx: Db, event: Stripe.Event, options: { appUrl: string }): Promise<StripeFollowUps> {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = event.data.object
      // Card and iDEAL are paid at completion; a method that settles later sends async_payment_succeeded.
      if (session.payment_status !== 'paid') break
      const payment = await paymentFor(tx, session.metadata, { sessionId: session.id })
      if (!payment || (await refused(tx, event, payment, checkoutSessionMismatch(payment, session)))) break
      return markPaid(tx, payment.id, { sessionId: session.id, paymentIntentId: stripeId(session.payment_intent) }, options)
    }
    case 'checkout.session.expired': {
      const session = event.data.object
      const payment = await paymentFor(tx, session.metadata, { sessionId: session.id })
      // Only the session we opened can lapse: an unknown one would free a slot someone paid for.
      if (!payment || payment.stripeCheckoutSessionId !== session.id || accountMismatch(payment, event.account)) break
      await markCheckoutLapsed(tx, payment.id, session.id)
      break
    }
    case 'payment_intent.payment_failed': {
      const intent = event.data.object
      const payment = await paymentFor(tx, intent.metadata, { paymentIntentId: intent.id })
      if (!payment || (await refused(tx, event, payment, paymentIntentMismatch(payment, intent.id, intent.amount, intent.currency)))) break
      await recordPaymentFailure(tx, payment.id, intent.last_payment_error?.message ?? 'The payment failed.')
      break
    }
    case 'charge.refunded': {
      const charge = event.data.object
      const intentId = stripeId(charge.payment_intent)
      const payment = await paymentFor(tx, charge.metadata, { paymentIntentId: intentId })
      if (!payment || (await refused(tx, event, payment, paymentIntentMismatch(payment, intentId, charge.amount, charge.currency)))) break
      await recordRefunded(tx, payment.id, charge.amount_refunded, null, options)
      break
    }
    default:
      break
  }
  return noFollowUps()
}

async function refused(tx: Db, event: Stripe.Event, payment: Payment, objectMismatch: Mismatch | null): Promise<boolean> {
  const mismatch = accountMismatch(payment, event.account) ?? objectMismatch
  if (!mismatch) return false
  await recordRefusal(tx, event, payment.id, mismatch)
  return true
}

/** Our charge for a Stripe object: by the id we put in its metadata, else by Stripe's ids. */
async function paymentFor(
  tx: Db,
  metadata: Stripe.Metadata | null | undefined,
  ids: { sessionId?: string; paymentIntentId?: string | null },
): Promise<Payment | null> {
  const byMetadata = metadata?.paymentId
  if (byMetadata && /^[0-9a-f-]{36}$/i.test(byMetadata)) {
    const [row] = await tx.select().from(payments).where(eq(payments.id, byMetadata))
    if (row) return row
  }
  const column = ids.sessionId ? payments.stripeCheckoutSessionId : payments.stripePaymentIntentId
  const value = ids.sessionId ?? ids.paymentIntentId
  if (!value) return null
  const [row] = await tx.select().from(payments).where(eq(column, value))
  if (!row) logWarning('stripe', `event for an unknown charge (${value}); ignored`)
  return row ?? null
}

import type Stripe from 'stripe'
import type { Db } from '#db/client.server'
import { stripeEventRefusals } from '#db/schema'
import { logWarning } from '~/lib/log.server'
import type { Payment } from './charges.server'

export type Mismatch = { reason: 'account' | 'session' | 'payment_intent' | 'amount' | 'currency'; expected: string; received: string }

/**
 * A signed event is not yet a payment for *this* charge: its metadata is whatever the session's
 * creator wrote. A completed Checkout Session counts only if it is the session we opened for the
 * charge, for the amount and currency we stored.
 */
export function checkoutSessionMismatch(payment: Payment, session: Pick<Stripe.Checkout.Session, 'id' | 'amount_total' | 'currency'>): Mismatch | null {
  if (payment.stripeCheckoutSessionId !== session.id) {
    return { reason: 'session', expected: payment.stripeCheckoutSessionId ?? '(none opened)', received: session.id }
  }
  return amountMismatch(payment, session.amount_total, session.currency)
}

/**
 * A charge lives on the intermediary's connected account: an event about it must come from that
 * account (Connect events carry `account`), not from another intermediary's or the platform's.
 */
export function accountMismatch(payment: Payment, account: string | null | undefined): Mismatch | null {
  const expected = payment.stripeAccountId ?? null
  const received = account ?? null
  return expected === received ? null : { reason: 'account', expected: expected ?? '(platform)', received: received ?? '(platform)' }
}

/** A payment intent or charge names our charge only with the intent we recorded (once it is known). */
export function paymentIntentMismatch(payment: Payment, intentId: string | null, amount: number | null, currency: string | null): Mismatch | null {
  if (payment.stripePaymentIntentId && payment.stripePaymentIntentId !== intentId) {
    return { reason: 'payment_intent', expected: payment.stripePaymentIntentId, received: intentId ?? '(none)' }
  }
  return amountMismatch(payment, amount, currency)
}

function amountMismatch(payment: Payment, amount: number | null, currency: string | null): Mismatch | null {
  if (amount !== payment.grossCents) return { reason: 'amount', expected: String(payment.grossCents), received: String(amount) }
  if ((currency ?? '').toLowerCase() !== 'eur') return { reason: 'currency', expected: 'eur', received: String(currency) }
  return null
}

/** Logs the refusal and keeps it for the admin, in the event's own transaction. */
export async function recordRefusal(tx: Db, event: Pick<Stripe.Event, 'id' | 'type'>, paymentId: string, mismatch: Mismatch): Promise<void> {
  logWarning('stripe', `event ${event.id} (${event.type}) does not fit payment ${paymentId}: ${mismatch.reason} differs; nothing changed`)
  await tx.insert(stripeEventRefusals).values({
    stripeEventId: event.id,
    eventType: event.type,
    paymentId,
    reason: mismatch.reason,
    expected: mismatch.expected,
    received: mismatch.received,
  })
}

import { and, eq } from 'drizzle-orm'
import type Stripe from 'stripe'
import { onAccount } from '~/lib/stripe.server'
import type { Db } from '#db/client.server'
import { payments } from '#db/schema'
import type { Locale } from '~/lib/i18n'
import type { Actor } from '~/modules/authorisation'
import { may } from '~/modules/authorisation'
import { BOOKING_PAYMENT_WINDOW_MS, lockPayment, markPaid, PaymentConflictError, type StripeFollowUps } from './charges.server'

// Stripe lets a Checkout Session live between 30 minutes and 24 hours.
const PLACEMENT_CHECKOUT_MS = 23 * 3_600_000
// An open session closer than this to its end is not handed out again: the employer would not make it.
const REUSE_MARGIN_MS = 2 * 60_000

type CheckoutOptions = { appUrl: string; locale: Locale; email: string | null; now?: Date }

/**
 * Where the employer pays a charge: the open Checkout Session if there is one, else a new one
 * (EUR; iDEAL and card). The charge row stays locked while Stripe answers, so a double click
 * cannot open two sessions that could both be paid.
 */
export async function checkoutUrl(db: Db, stripe: Stripe, actor: Actor, paymentId: string, options: CheckoutOptions): Promise<string | null> {
  const now = options.now ?? new Date()
  return db.transaction(async (tx) => {
    const payment = await lockPayment(tx, paymentId)
    if (!payment || !may(actor, 'payments:pay', { employerOrganisationId: payment.payerOrganisationId, intermediaryOrganisationId: null })) return null
    if (payment.status !== 'open') throw new PaymentConflictError('errors.paymentNotOpen')
    const expiresAt = payment.checkoutExpiresAt?.getTime() ?? 0
    if (payment.stripeCheckoutSessionId && payment.checkoutUrl && expiresAt - now.getTime() > REUSE_MARGIN_MS) return payment.checkoutUrl
    if (payment.kind === 'speeddate_booking' && payment.stripeCheckoutSessionId) throw new PaymentConflictError('errors.paymentWindowClosed')
    // A booking's session ends with its hold on the slot (a moment later than the hold if the
    // first attempt failed, since Stripe needs 30 minutes); a placement fee's session is a day.
    const sessionEnd = new Date(
      payment.kind === 'placement' ? now.getTime() + PLACEMENT_CHECKOUT_MS : Math.max(expiresAt, now.getTime() + BOOKING_PAYMENT_WINDOW_MS + 5_000),
    )
    const base = options.appUrl.replace(/\/$/, '')
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      payment_method_types: ['ideal', 'card'],
      line_items: [{ quantity: 1, price_data: { currency: 'eur', unit_amount: payment.grossCents, product_data: { name: payment.description } } }],
      client_reference_id: payment.id,
      metadata: { paymentId: payment.id },
      payment_intent_data: { metadata: { paymentId: payment.id }, description: payment.description },
      ...(options.email ? { customer_email: options.email } : {}),
      locale: options.locale,
      expires_at: Math.floor(sessionEnd.getTime() / 1000),
      // Stripe fills in {CHECKOUT_SESSION_ID} itself.
      success_url: `${base}/payments/${payment.id}?checkout=success&session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${base}/payments/${payment.id}?checkout=cancelled`,
    }, onAccount(payment))
    if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`)
    await tx
      .update(payments)
      .set({ stripeCheckoutSessionId: session.id, checkoutUrl: session.url, checkoutExpiresAt: sessionEnd, updatedAt: now })
      .where(and(eq(payments.id, payment.id), eq(payments.status, 'open')))
    return session.url
  })
}

/**
 * The employer is back from Checkout before Stripe's webhook may have arrived: ask Stripe about
 * the session and, if it is paid, record it the same way the webhook would (only once, whoever
 * is first).
 */
export async function reconcileCheckout(
  db: Db,
  stripe: Stripe,
  payment: { id: string; status: string; stripeCheckoutSessionId: string | null; grossCents: number; stripeAccountId: string | null },
  sessionId: string,
  options: { appUrl: string },
): Promise<StripeFollowUps | null> {
  if (payment.status !== 'open' || payment.stripeCheckoutSessionId !== sessionId) return null
  const session = await stripe.checkout.sessions.retrieve(sessionId, {}, onAccount(payment))
  if (session.metadata?.paymentId !== payment.id || session.payment_status !== 'paid') return null
  // The same test as the webhook's: this session, this amount, in euros (see stripe-trust).
  if (session.amount_total !== payment.grossCents || session.currency?.toLowerCase() !== 'eur') return null
  return db.transaction((tx) => markPaid(tx, payment.id, { sessionId, paymentIntentId: stripeId(session.payment_intent) }, options))
}

/** Stripe fields that may be an id or an expanded object. */
export function stripeId(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null
  return typeof value === 'string' ? value : value.id
}

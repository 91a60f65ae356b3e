import { and, eq, lt } from 'drizzle-orm'
import type Stripe from 'stripe'
import { onAccount } from '~/lib/stripe.server'
import type { Db } from '#db/client.server'
import { payments } from '#db/schema'
import { markCheckoutLapsed, markPaid } from './charges.server'
import { stripeId } from './checkout.server'
import { settleFollowUps, settlePendingRefunds } from './settlement.server'
import { logError } from '~/lib/log.server'

// Stripe's own checkout.session.expired usually arrives first; the sweep is the safety net.
const GRACE_MS = 2 * 60_000

/**
 * Lets go of slots held by bookings whose payment window has passed, and retries refunds that
 * Stripe has not accepted yet. Before a slot is released the session is closed at Stripe, so a
 * payment cannot slip in afterwards; if Stripe says it was paid after all, it counts as paid.
 */
export async function sweepPayments(db: Db, stripe: Stripe, options: { appUrl: string; now?: Date }): Promise<{ lapsed: number; refunds: number }> {
  const now = options.now ?? new Date()
  const overdue = await db
    .select({ id: payments.id, sessionId: payments.stripeCheckoutSessionId, stripeAccountId: payments.stripeAccountId })
    .from(payments)
    .where(and(eq(payments.kind, 'speeddate_booking'), eq(payments.status, 'open'), lt(payments.checkoutExpiresAt, new Date(now.getTime() - GRACE_MS))))
    .limit(50)
  let lapsed = 0
  for (const payment of overdue) {
    try {
      if (payment.sessionId) {
        const session = await closeSession(stripe, payment.sessionId, onAccount(payment))
        if (session.payment_status === 'paid') {
          const followUps = await db.transaction((tx) => markPaid(tx, payment.id, { sessionId: session.id, paymentIntentId: stripeId(session.payment_intent) }, options))
          await settleFollowUps(db, stripe, followUps, options)
          continue
        }
      }
      await db.transaction((tx) => markCheckoutLapsed(tx, payment.id, payment.sessionId, now))
      lapsed++
    } catch (error) {
      logError('payments', `could not close the payment window of ${payment.id}`, error)
    }
  }
  return { lapsed, refunds: await settlePendingRefunds(db, stripe, options) }
}

async function closeSession(stripe: Stripe, sessionId: string, account: { stripeAccount?: string }): Promise<Stripe.Checkout.Session> {
  try {
    return await stripe.checkout.sessions.expire(sessionId, {}, account)
  } catch {
    // Only an open session can be expired; a completed or already expired one says what happened.
    return stripe.checkout.sessions.retrieve(sessionId, {}, account)
  }
}

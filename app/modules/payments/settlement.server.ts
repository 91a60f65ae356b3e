import { and, eq, gt, isNull, isNotNull, lt } from 'drizzle-orm'
import type Stripe from 'stripe'
import { onAccount } from '~/lib/stripe.server'
import type { Db } from '#db/client.server'
import { payments } from '#db/schema'
import { recordRefunded, type StripeFollowUps } from './charges.server'
import { logError, logWarning } from '~/lib/log.server'

type Options = { appUrl: string }

/** After this many error answers the sweep stops retrying; the payment page asks for a hand. */
export const MAX_REFUND_ATTEMPTS = 10

/**
 * Where a refund we owe stands: none owed or all of it back, on its way (Stripe has not taken it
 * yet, the sweep keeps trying), or stuck (Stripe refused it too often; a person must settle it).
 */
export function refundProgress(payment: { refundDueCents: number; refundedCents: number; stripeRefundId: string | null; refundAttempts: number }) {
  if (payment.refundDueCents <= payment.refundedCents || payment.stripeRefundId) return 'none' as const
  return payment.refundAttempts >= MAX_REFUND_ATTEMPTS ? ('stuck' as const) : ('pending' as const)
}

/**
 * Carries out at Stripe what a committed transaction decided. A failure here is logged, not
 * thrown: the cancellation stands, and the payment sweep tries the refund again.
 */
export async function settleFollowUps(db: Db, stripe: Stripe | null, followUps: StripeFollowUps, options: Options): Promise<void> {
  if (!stripe) return
  for (const { sessionId, stripeAccountId } of followUps.expireSessions) {
    try {
      await stripe.checkout.sessions.expire(sessionId, {}, onAccount({ stripeAccountId }))
    } catch (error) {
      // Already expired or completed: a late payment is refunded when its event arrives.
      logWarning('payments', `could not close checkout ${sessionId}`, error)
    }
  }
  for (const paymentId of followUps.refundPaymentIds) {
    try {
      await settleRefund(db, stripe, paymentId, options)
    } catch (error) {
      logError('payments', `refund of payment ${paymentId} failed, will retry`, error)
    }
  }
}

/**
 * Asks Stripe for the refund we owe. Stripe keeps the answer to an idempotency key, errors
 * included, so a key is used for one attempt only; before a new attempt we ask Stripe whether an
 * earlier one went through after all (its answer lost on the way), so the money never goes back twice.
 */
export async function settleRefund(db: Db, stripe: Stripe, paymentId: string, options: Options): Promise<boolean> {
  const [payment] = await db.select().from(payments).where(eq(payments.id, paymentId))
  if (!payment || payment.refundDueCents === 0 || payment.stripeRefundId || !payment.stripePaymentIntentId) return false
  // Refunded by hand in Stripe's dashboard in the meantime: nothing left for us to do.
  if (payment.refundedCents >= payment.refundDueCents) return false
  let refund: Stripe.Refund | undefined
  if (payment.refundAttempts > 0) {
    const earlier = await stripe.refunds.list({ payment_intent: payment.stripePaymentIntentId, limit: 100 }, onAccount(payment))
    refund = earlier.data.find((r) => r.metadata?.paymentId === paymentId && r.status !== 'failed' && r.status !== 'canceled')
  }
  if (!refund) {
    try {
      refund = await stripe.refunds.create(
        { payment_intent: payment.stripePaymentIntentId, amount: payment.refundDueCents, reason: 'requested_by_customer', metadata: { paymentId } },
        { idempotencyKey: `werkbrug-refund-${paymentId}-${payment.refundAttempts}`, ...onAccount(payment) },
      )
    } catch (error) {
      await db.update(payments).set({ refundAttempts: payment.refundAttempts + 1, updatedAt: new Date() }).where(eq(payments.id, paymentId))
      throw error
    }
  }
  const accepted = refund
  await db.transaction(async (tx) => {
    await tx.update(payments).set({ stripeRefundId: accepted.id, updatedAt: new Date() }).where(and(eq(payments.id, paymentId), isNull(payments.stripeRefundId)))
    // A pending refund (some iDEAL banks) is recorded when charge.refunded arrives.
    if (accepted.status === 'succeeded') await recordRefunded(tx, paymentId, accepted.amount, accepted.id, options)
  })
  return true
}

/** Refunds decided but not yet accepted by Stripe (the network failed, or the process stopped). */
export async function settlePendingRefunds(db: Db, stripe: Stripe, options: Options): Promise<number> {
  const pending = await db
    .select({ id: payments.id })
    .from(payments)
    .where(
      and(
        gt(payments.refundDueCents, 0),
        isNull(payments.stripeRefundId),
        isNotNull(payments.stripePaymentIntentId),
        lt(payments.refundAttempts, MAX_REFUND_ATTEMPTS),
      ),
    )
    .limit(50)
  let settled = 0
  for (const { id } of pending) {
    try {
      if (await settleRefund(db, stripe, id, options)) settled++
    } catch (error) {
      logError('payments', `refund of payment ${id} failed, will retry`, error)
    }
  }
  return settled
}

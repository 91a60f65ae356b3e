import { and, eq, gt, isNull, isNotNull } from 'drizzle-orm'
import type Stripe from 'stripe'
import type { Db } from '#db/client.server'
import { payments } from '#db/schema'
import { recordRefunded, type StripeFollowUps } from './charges.server'

type Options = { appUrl: string }

/**
 * Carries out at Stripe what a committed transaction decided. A failure here is logged, not
 * thrown: the cancellation stands, and the payment sweep tries the refund again.
 */
export async function settleFollowUps(db: Db, stripe: Stripe | null, followUps: StripeFollowUps, options: Options): Promise<void> {
  if (!stripe) return
  for (const sessionId of followUps.expireSessionIds) {
    try {
      await stripe.checkout.sessions.expire(sessionId)
    } catch (error) {
      // Already expired or completed: a late payment is refunded when its event arrives.
      console.warn(`[payments] could not close checkout ${sessionId}: ${describe(error)}`)
    }
  }
  for (const paymentId of followUps.refundPaymentIds) {
    try {
      await settleRefund(db, stripe, paymentId, options)
    } catch (error) {
      console.error(`[payments] refund of payment ${paymentId} failed, will retry: ${describe(error)}`)
    }
  }
}

/**
 * Asks Stripe for the refund we owe. The idempotency key is the payment's, so a retry after a
 * timeout, or two sweeps at once, never refunds twice.
 */
export async function settleRefund(db: Db, stripe: Stripe, paymentId: string, options: Options): Promise<boolean> {
  const [payment] = await db.select().from(payments).where(eq(payments.id, paymentId))
  if (!payment || payment.refundDueCents === 0 || payment.stripeRefundId || !payment.stripePaymentIntentId) return false
  const refund = await stripe.refunds.create(
    { payment_intent: payment.stripePaymentIntentId, amount: payment.refundDueCents, reason: 'requested_by_customer', metadata: { paymentId } },
    { idempotencyKey: `werkbrug-refund-${paymentId}` },
  )
  await db.transaction(async (tx) => {
    await tx.update(payments).set({ stripeRefundId: refund.id, updatedAt: new Date() }).where(and(eq(payments.id, paymentId), isNull(payments.stripeRefundId)))
    // A pending refund (some iDEAL banks) is recorded when charge.refunded arrives.
    if (refund.status === 'succeeded') await recordRefunded(tx, paymentId, refund.amount, refund.id, options)
  })
  return true
}

/** Refunds decided but not yet accepted by Stripe (the network failed, or the process stopped). */
export async function settlePendingRefunds(db: Db, stripe: Stripe, options: Options): Promise<number> {
  const pending = await db
    .select({ id: payments.id })
    .from(payments)
    .where(and(gt(payments.refundDueCents, 0), isNull(payments.stripeRefundId), isNotNull(payments.stripePaymentIntentId)))
    .limit(50)
  let settled = 0
  for (const { id } of pending) {
    try {
      if (await settleRefund(db, stripe, id, options)) settled++
    } catch (error) {
      console.error(`[payments] refund of payment ${id} failed, will retry: ${describe(error)}`)
    }
  }
  return settled
}

function describe(error: unknown) {
  return error instanceof Error ? error.message : String(error)
}

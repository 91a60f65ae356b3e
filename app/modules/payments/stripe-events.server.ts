import type Stripe from 'stripe'
import type { Db } from '#db/client.server'
import { stripeEvents } from '#db/schema'

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

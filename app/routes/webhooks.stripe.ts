import type { ActionFunctionArgs } from '@remix-run/node'
import { ApiProblem, problemResponse } from '~/lib/api/problem.server'
import { stripeClient } from '~/lib/stripe.server'
import { settleFollowUps } from '~/modules/payments/settlement.server'
import { receiveStripeEvent } from '~/modules/payments/stripe-events.server'
import { logWarning } from '~/lib/log.server'

export async function loader() {
  return problemResponse(new ApiProblem(405, 'api.methodNotAllowed', { headers: { Allow: 'POST' } }), 'en', '/webhooks/stripe')
}

/**
 * Stripe's webhook: the raw body's signature is checked with the SDK before anything is read from
 * it; a bad signature is logged and answered 400, and nothing changes. Each event id is stored
 * once, in the same transaction as what it changes.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const stripe = stripeClient(context.env)
  if (!stripe || !context.env.STRIPE_WEBHOOK_SECRET) {
    return problemResponse(new ApiProblem(404, 'api.notFound'), 'en', '/webhooks/stripe')
  }
  const raw = await request.text()
  const signature = request.headers.get('stripe-signature') ?? ''
  let event
  try {
    event = stripe.webhooks.constructEvent(raw, signature, context.env.STRIPE_WEBHOOK_SECRET)
  } catch (error) {
    logWarning('stripe', 'refused a webhook with a bad signature', error)
    return problemResponse(new ApiProblem(400, 'api.invalidSignature'), 'en', '/webhooks/stripe')
  }
  const options = { appUrl: context.env.APP_URL }
  const { duplicate, followUps } = await receiveStripeEvent(context.db, event, options)
  // Stripe is answered only after what the event decided is carried out (a refund for a payment
  // that came too late); a failure there is retried by the payment sweep, not by Stripe.
  await settleFollowUps(context.db, stripe, followUps, options)
  return Response.json({ received: true, duplicate })
}

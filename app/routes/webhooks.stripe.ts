import type { ActionFunctionArgs } from '@remix-run/node'
import { ApiProblem, problemResponse } from '~/lib/api/problem.server'
import { stripeClient } from '~/lib/stripe.server'
import { recordStripeEvent } from '~/modules/payments/stripe-events.server'

export async function loader() {
  return problemResponse(new ApiProblem(405, 'api.methodNotAllowed', { headers: { Allow: 'POST' } }), 'en', '/webhooks/stripe')
}

/**
 * Stripe's webhook: the raw body's signature is checked with the SDK before anything is read from
 * it; a bad signature is logged and answered 400, and nothing changes. Each event id is stored once.
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
    console.warn(`[stripe] refused a webhook with a bad signature: ${error instanceof Error ? error.message : String(error)}`)
    return problemResponse(new ApiProblem(400, 'api.invalidSignature'), 'en', '/webhooks/stripe')
  }
  const first = await recordStripeEvent(context.db, event)
  return Response.json({ received: true, duplicate: !first })
}

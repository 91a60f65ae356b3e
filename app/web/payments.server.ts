import { redirect, type AppLoadContext } from '@remix-run/node'
import type { SessionUser } from '~/modules/accounts/sessions.server'
import { checkoutUrl } from '~/modules/payments/checkout.server'
import { StateConflictError } from '~/lib/errors.server'
import { resolveLocale } from '~/lib/locale.server'
import { actorOf } from './auth.server'
import { stripeClient } from '~/lib/stripe.server'
import { logError } from '~/lib/log.server'

/**
 * Sends the employer to Stripe's checkout for a charge. If Stripe cannot be reached, the charge
 * page says so and offers to try again; the booking keeps its slot until its window closes.
 */
export async function redirectToCheckout(request: Request, context: AppLoadContext, user: SessionUser, paymentId: string): Promise<Response> {
  const stripe = stripeClient(context.env)
  if (!stripe) return redirect(`/payments/${paymentId}?checkout=unavailable`)
  let url: string | null
  try {
    url = await checkoutUrl(context.db, stripe, actorOf(user), paymentId, {
      appUrl: context.env.APP_URL,
      locale: await resolveLocale(request, user.locale),
      email: user.email,
    })
  } catch (error) {
    if (error instanceof StateConflictError) throw error
    logError('payments', `could not open a checkout for ${paymentId}`, error)
    return redirect(`/payments/${paymentId}?checkout=unavailable`)
  }
  if (!url) throw new Response('Not found', { status: 404 })
  return redirect(url)
}

/** Options for booking changes: payments (and refunds) go through Stripe when it is configured. */
export function bookingOptions(context: AppLoadContext) {
  return { appUrl: context.env.APP_URL, stripe: stripeClient(context.env) }
}

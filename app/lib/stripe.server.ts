import Stripe from 'stripe'
import type { Env } from './env.server'

const clients = new Map<string, Stripe>()

/** The real Stripe SDK; in tests STRIPE_API_BASE points it at a local stand-in. Null when off. */
export function stripeClient(env: Env): Stripe | null {
  if (!env.paymentsEnabled || !env.STRIPE_SECRET_KEY) return null
  const key = `${env.STRIPE_SECRET_KEY}|${env.STRIPE_API_BASE ?? ''}`
  let client = clients.get(key)
  if (!client) {
    const base = env.STRIPE_API_BASE ? new URL(env.STRIPE_API_BASE) : null
    client = new Stripe(env.STRIPE_SECRET_KEY, {
      ...(base
        ? { host: base.hostname, port: Number(base.port || (base.protocol === 'https:' ? 443 : 80)), protocol: base.protocol.replace(':', '') as 'http' | 'https' }
        : {}),
      maxNetworkRetries: 2,
      telemetry: false,
    })
    clients.set(key, client)
  }
  return client
}

/** Requests about a charge go to the connected account it lives on (none: the platform's own, for charges made before Connect). */
export function onAccount(payment: { stripeAccountId: string | null }): { stripeAccount?: string } {
  return payment.stripeAccountId ? { stripeAccount: payment.stripeAccountId } : {}
}

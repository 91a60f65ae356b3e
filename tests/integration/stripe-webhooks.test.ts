import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countRows } from '../support/db'
import { startTestApp, type TestApp } from '../support/app'

const WEBHOOK_SECRET = 'whsec_test_werkbrug_integration'
let app: TestApp
// The real SDK, used here only for its own test-signature helper.
const stripe = new Stripe('sk_test_werkbrug_integration')

beforeAll(async () => {
  app = await startTestApp({ STRIPE_SECRET_KEY: 'sk_test_werkbrug_integration', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET })
})
afterAll(() => app.close())

function event(id: string) {
  return JSON.stringify({ id, object: 'event', type: 'checkout.session.completed', created: Math.floor(Date.now() / 1000), data: { object: { id: 'cs_test_1', object: 'checkout.session' } } })
}

function post(body: string, signature: string | null) {
  return fetch(new URL('/webhooks/stripe', app.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { 'stripe-signature': signature } : {}) },
    body,
  })
}

describe('Stripe webhook intake', () => {
  it('refuses a forged or missing signature with 400 and stores nothing', async () => {
    const before = await countRows(app.database, ['stripe_events'])
    const body = event('evt_forged')
    const forged = stripe.webhooks.generateTestHeaderString({ payload: body, secret: 'whsec_someone_else' })
    const response = await post(body, forged)
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toMatch(/problem\+json/)
    expect((await post(body, null)).status).toBe(400)
    // A valid signature over another body does not carry over to a changed body.
    const signed = stripe.webhooks.generateTestHeaderString({ payload: event('evt_other'), secret: WEBHOOK_SECRET })
    expect((await post(body, signed)).status).toBe(400)
    expect(await countRows(app.database, ['stripe_events'])).toEqual(before)
  })

  it('stores a signed event once, however often it is delivered', async () => {
    const body = event('evt_once')
    const signature = stripe.webhooks.generateTestHeaderString({ payload: body, secret: WEBHOOK_SECRET })
    const responses = await Promise.all([post(body, signature), post(body, signature), post(body, signature)])
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200])
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as { duplicate: boolean }[]
    expect(bodies.filter((b) => !b.duplicate)).toHaveLength(1)
    const [row] = await app.database.query<{ n: number }>(`select count(*)::int as n from stripe_events where id = 'evt_once'`)
    expect(row!.n).toBe(1)
  })

  it('answers 404 when payments are not configured', async () => {
    const off = await startTestApp()
    try {
      const response = await fetch(new URL('/webhooks/stripe', off.url), { method: 'POST', body: '{}' })
      expect(response.status).toBe(404)
    } finally {
      await off.close()
    }
  })
})

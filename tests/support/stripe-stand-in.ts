import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import Stripe from 'stripe'

/**
 * A small local stand-in for the parts of Stripe's API Werkbrug uses — Checkout Sessions (create,
 * retrieve, expire), refunds — plus a hosted checkout page, so the real `stripe` SDK can be pointed
 * at it (STRIPE_API_BASE). Webhooks it sends are signed with the SDK's own test-header helper.
 * It keeps every API call it received, so tests can count them.
 */
export type StandInSession = {
  id: string
  object: 'checkout.session'
  status: 'open' | 'complete' | 'expired'
  payment_status: 'unpaid' | 'paid'
  amount_total: number
  currency: string
  mode: string
  payment_method_types: string[]
  payment_intent: string | null
  metadata: Record<string, string>
  client_reference_id: string | null
  customer_email: string | null
  locale: string | null
  expires_at: number
  created: number
  success_url: string
  cancel_url: string
  url: string
  line_items: { name: string; amount: number }[]
  payment_intent_metadata: Record<string, string>
  /** The connected account it was created on (Stripe-Account header); null: the platform's own. */
  account: string | null
}

type PaymentIntent = { id: string; amount: number; metadata: Record<string, string>; charge: string; amountRefunded: number; account: string | null }
export type ApiCall = { method: string; path: string; body: FormTree; idempotencyKey: string | null; account: string | null }

/** A form-encoded Stripe request body: `a[b][0]=x` becomes { a: { b: { 0: 'x' } } }. */
export type FormTree = { [key: string]: string | FormTree }
const node = (value: string | FormTree | undefined): FormTree => (typeof value === 'object' ? value : {})
const text = (value: string | FormTree | undefined): string | undefined => (typeof value === 'string' ? value : undefined)
const texts = (value: string | FormTree | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(node(value)).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))

export const STAND_IN_SECRET_KEY = 'sk_test_werkbrug_stand_in'
export const STAND_IN_WEBHOOK_SECRET = 'whsec_werkbrug_stand_in'

const signer = new Stripe(STAND_IN_SECRET_KEY)
const id = (prefix: string) => `${prefix}_test_${randomBytes(12).toString('hex')}`

export async function startStripeStandIn(options: { refundStatus?: 'succeeded' | 'pending'; port?: number } = {}) {
  const sessions = new Map<string, StandInSession>()
  const intents = new Map<string, PaymentIntent>()
  const calls: ApiCall[] = []
  const refunds: { id: string; payment_intent: string; amount: number; metadata: Record<string, string>; account: string | null }[] = []
  const idempotent = new Map<string, { status: number; body: unknown }>()
  let webhookUrl: string | null = null
  let failRefunds = 0
  let refundThenFail = false

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { error: { type: 'api_error', message: String(error) } }))
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', base)
    const raw = await readBody(req)
    // The hosted checkout page, as the employer's browser sees it.
    const page = url.pathname.match(/^\/checkout\/([\w]+)$/)
    if (page) {
      const session = sessions.get(page[1]!)
      if (!session) return send(res, 404, 'no such checkout', 'text/plain')
      if (req.method === 'GET') return send(res, 200, checkoutPage(session), 'text/html; charset=utf-8')
      const form = new URLSearchParams(raw)
      if (session.status !== 'open') return send(res, 410, checkoutPage(session), 'text/html; charset=utf-8')
      const event = pay(session.id, form.get('method') === 'card' ? 'card' : 'ideal')
      await deliver(event)
      res.writeHead(303, { location: session.success_url.replace('{CHECKOUT_SESSION_ID}', session.id) })
      return res.end()
    }
    if (req.headers.authorization !== `Bearer ${STAND_IN_SECRET_KEY}`) {
      return send(res, 401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } })
    }
    const body = parseForm(req.method === 'GET' ? url.search.slice(1) : raw)
    const idempotencyKey = (req.headers['idempotency-key'] as string | undefined) ?? null
    // Stripe Connect: a request on a connected account names it; objects live on one account only.
    const account = (req.headers['stripe-account'] as string | undefined) ?? null
    calls.push({ method: req.method ?? 'GET', path: url.pathname, body, idempotencyKey, account })
    if (idempotencyKey && idempotent.has(idempotencyKey)) {
      const cached = idempotent.get(idempotencyKey)!
      return send(res, cached.status, cached.body)
    }
    const [status, answer] = api(req.method ?? 'GET', url.pathname, body, account)
    if (idempotencyKey && req.method === 'POST') idempotent.set(idempotencyKey, { status, body: answer })
    return send(res, status, answer)
  }

  function api(method: string, path: string, body: FormTree, account: string | null): [number, unknown] {
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      const items = Object.values(node(body.line_items)).map((item) => {
        const price = node(node(item).price_data)
        return { quantity: Number(text(node(item).quantity) ?? 1), amount: Number(text(price.unit_amount)), currency: text(price.currency) ?? 'eur', name: text(node(price.product_data).name) ?? '' }
      })
      const session: StandInSession = {
        id: id('cs'),
        object: 'checkout.session',
        status: 'open',
        payment_status: 'unpaid',
        amount_total: items.reduce((sum, item) => sum + item.amount * item.quantity, 0),
        currency: items[0]?.currency ?? 'eur',
        mode: text(body.mode) ?? 'payment',
        payment_method_types: Object.values(texts(body.payment_method_types)),
        payment_intent: null,
        metadata: texts(body.metadata),
        client_reference_id: text(body.client_reference_id) ?? null,
        customer_email: text(body.customer_email) ?? null,
        locale: text(body.locale) ?? null,
        expires_at: Number(text(body.expires_at) ?? Math.floor(Date.now() / 1000) + 86_400),
        created: Math.floor(Date.now() / 1000),
        success_url: text(body.success_url) ?? '',
        cancel_url: text(body.cancel_url) ?? '',
        url: '',
        line_items: items.map((item) => ({ name: item.name, amount: item.amount })),
        payment_intent_metadata: texts(node(body.payment_intent_data).metadata),
        account,
      }
      const lifetime = session.expires_at - session.created
      if (lifetime < 1800 || lifetime > 86_400) return [400, invalid('expires_at must be between 30 minutes and 24 hours from now', 'expires_at')]
      session.url = `${base}/checkout/${session.id}`
      sessions.set(session.id, session)
      return [200, publicSession(session)]
    }
    const sessionPath = path.match(/^\/v1\/checkout\/sessions\/(\w+)(\/expire)?$/)
    if (sessionPath) {
      const session = sessions.get(sessionPath[1]!)
      if (!session || session.account !== account) return [404, invalid(`No such checkout.session: '${sessionPath[1]}'`)]
      if (sessionPath[2] && method === 'POST') {
        if (session.status !== 'open') return [400, invalid(`Only Checkout Sessions with a status of open can be expired. This Checkout Session has a status of ${session.status}.`)]
        session.status = 'expired'
      }
      return [200, publicSession(session)]
    }
    if (method === 'GET' && path === '/v1/refunds') {
      const intent = text(body.payment_intent)
      return [200, { object: 'list', url: '/v1/refunds', has_more: false, data: refunds.filter((r) => r.account === account && (!intent || r.payment_intent === intent)) }]
    }
    if (method === 'POST' && path === '/v1/refunds') {
      if (failRefunds > 0 && !refundThenFail) {
        failRefunds--
        return [500, { error: { type: 'api_error', message: 'stand-in: refund failure requested by the test' } }]
      }
      const found = intents.get(text(body.payment_intent) ?? '')
      const intent = found && found.account === account ? found : undefined
      if (!intent) return [404, invalid(`No such payment_intent: '${body.payment_intent}'`, 'payment_intent')]
      const amount = body.amount === undefined ? intent.amount - intent.amountRefunded : Number(text(body.amount))
      if (amount <= 0 || amount > intent.amount - intent.amountRefunded) return [400, invalid('Refund amount is greater than the unrefunded amount', 'amount')]
      intent.amountRefunded += amount
      const refund = { id: id('re'), object: 'refund', amount, currency: 'eur', payment_intent: intent.id, charge: intent.charge, status: options.refundStatus ?? 'succeeded', metadata: texts(body.metadata), account }
      refunds.push(refund)
      if (failRefunds > 0) {
        // The refund was made, but the answer is an error: as when Stripe fails after acting.
        failRefunds--
        return [500, { error: { type: 'api_error', message: 'stand-in: refunded, then failed to answer' } }]
      }
      return [200, refund]
    }
    return [404, invalid(`Unrecognized request URL (${method}: ${path}) — not part of the Werkbrug stand-in`)]
  }

  /** The employer pays: the session completes and the checkout.session.completed event is returned. */
  function pay(sessionId: string, method: 'ideal' | 'card' = 'ideal') {
    const session = sessions.get(sessionId)
    if (!session) throw new Error(`stand-in: no session ${sessionId}`)
    const intent: PaymentIntent = { id: id('pi'), amount: session.amount_total, metadata: session.payment_intent_metadata, charge: id('ch'), amountRefunded: 0, account: session.account }
    intents.set(intent.id, intent)
    Object.assign(session, { status: 'complete', payment_status: 'paid', payment_intent: intent.id, payment_method_types: [method] })
    return event('checkout.session.completed', publicSession(session), session.account)
  }

  /** An event as Stripe sends it; one about a connected account's object names the account (Connect). */
  function event(type: string, object: unknown, account: string | null = null) {
    return { id: id('evt'), object: 'event', api_version: '2025-08-27.basil', created: Math.floor(Date.now() / 1000), livemode: false, pending_webhooks: 1, type, data: { object }, ...(account ? { account } : {}) }
  }

  /** Signs an event as Stripe would and posts it to the portal's webhook; returns the HTTP statuses. */
  async function deliver(evt: unknown, times = 1, secret = STAND_IN_WEBHOOK_SECRET): Promise<number[]> {
    if (!webhookUrl) return []
    const payload = JSON.stringify(evt)
    const statuses: number[] = []
    for (let i = 0; i < times; i++) {
      const signature = signer.webhooks.generateTestHeaderString({ payload, secret })
      const response = await fetch(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body: payload })
      await response.arrayBuffer()
      statuses.push(response.status)
    }
    return statuses
  }

  return {
    url: base,
    env: () => ({ STRIPE_SECRET_KEY: STAND_IN_SECRET_KEY, STRIPE_WEBHOOK_SECRET: STAND_IN_WEBHOOK_SECRET, STRIPE_API_BASE: base }),
    setWebhookUrl: (url: string) => {
      webhookUrl = url
    },
    sessions,
    calls,
    refundCalls: () => calls.filter((c) => c.method === 'POST' && c.path === '/v1/refunds'),
    /** Refunds Stripe actually made (an idempotent replay is one refund, however many calls). */
    refunds,
    /** The next n refund requests get a 500; with `afterRefunding`, the first one still refunds. */
    failNextRefunds: (n: number, mode: { afterRefunding?: boolean } = {}) => {
      failRefunds = n
      refundThenFail = Boolean(mode.afterRefunding)
    },
    lastSession: () => [...sessions.values()].at(-1),
    pay,
    deliver,
    event,
    /** Stripe's event when a session runs out unpaid (sent whatever the session's state, as a late event would be). */
    expiredEvent: (sessionId: string) => event('checkout.session.expired', { ...publicSession(sessions.get(sessionId)!), status: 'expired' }, sessions.get(sessionId)!.account),
    paymentFailedEvent: (sessionId: string, message: string) => {
      const session = sessions.get(sessionId)!
      return event('payment_intent.payment_failed', {
        id: session.payment_intent ?? id('pi'),
        object: 'payment_intent',
        amount: session.amount_total,
        currency: 'eur',
        metadata: session.payment_intent_metadata,
        last_payment_error: { message, type: 'card_error' },
        status: 'requires_payment_method',
      }, session.account)
    },
    chargeRefundedEvent: (paymentIntentId: string) => {
      const intent = intents.get(paymentIntentId)!
      return event('charge.refunded', { id: intent.charge, object: 'charge', amount: intent.amount, currency: 'eur', amount_refunded: intent.amountRefunded, payment_intent: intent.id, metadata: {}, refunded: intent.amountRefunded === intent.amount }, intent.account)
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export type StripeStandIn = Awaited<ReturnType<typeof startStripeStandIn>>

function publicSession(session: StandInSession) {
  const { line_items: _items, payment_intent_metadata: _metadata, account: _account, ...rest } = session
  return { ...rest }
}

function invalid(message: string, param?: string) {
  return { error: { type: 'invalid_request_error', message, ...(param ? { param } : {}) } }
}

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json') {
  res.writeHead(status, { 'content-type': type, 'request-id': id('req') })
  res.end(typeof body === 'string' ? body : JSON.stringify(body))
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** Stripe's form encoding (`a[b][0][c]=x`) into nested objects; list indices stay object keys. */
export function parseForm(raw: string): FormTree {
  const root: FormTree = {}
  for (const [key, value] of new URLSearchParams(raw)) {
    const parts = key.split(/\[|\]\[|\]/).filter((p) => p !== '')
    let current = root
    parts.forEach((part, index) => {
      if (index === parts.length - 1) current[part] = value
      else {
        const next = current[part]
        current = typeof next === 'object' ? next : (current[part] = {})
      }
    })
  }
  return root
}

function escapeHtml(value: string) {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function checkoutPage(session: StandInSession) {
  const nl = session.locale === 'nl'
  const euros = new Intl.NumberFormat(nl ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(session.amount_total / 100)
  const open = session.status === 'open'
  return `<!doctype html>
<html lang="${nl ? 'nl' : 'en'}"><head><meta charset="utf-8"><title>${nl ? 'Betalen' : 'Pay'} — Stripe stand-in</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main>
<h1>${nl ? 'Betalen' : 'Pay'} ${escapeHtml(euros)}</h1>
<ul>${session.line_items.map((item) => `<li>${escapeHtml(item.name)}</li>`).join('')}</ul>
${
  open
    ? `<form method="post"><fieldset><legend>${nl ? 'Betaalmethode' : 'Payment method'}</legend>
${session.payment_method_types.map((m, i) => `<label><input type="radio" name="method" value="${escapeHtml(m)}"${i === 0 ? ' checked' : ''}> ${m === 'ideal' ? 'iDEAL' : nl ? 'Creditcard' : 'Card'}</label>`).join('\n')}
</fieldset><button type="submit">${nl ? 'Betalen' : 'Pay'} ${escapeHtml(euros)}</button></form>
<p><a href="${escapeHtml(session.cancel_url)}">${nl ? 'Annuleren en terug' : 'Cancel and go back'}</a></p>`
    : `<p>${nl ? 'Deze betaalsessie is gesloten' : 'This checkout session is closed'} (${session.status}).</p>`
}
</main></body></html>`
}

import { sql } from 'drizzle-orm'
import { Agent, request } from 'undici'
import type { Db } from '#db/client.server'
import { webhookDeliveries } from '#db/schema'
import { logError, redact } from '~/lib/log.server'
import { SIGNATURE_HEADER, signatureHeader } from './signature'
import { guardedLookup, type TargetPolicy } from './targets.server'

export const MAX_WEBHOOK_ATTEMPTS = 8
const CLAIM_SECONDS = 60
const TIMEOUT_MS = 10_000

/** 1 min, 5 min, 30 min, 2 h, 6 h, 12 h, 24 h: a receiver that is down for a day loses nothing. */
export function webhookRetryDelayMs(attempts: number): number {
  const minutes = [1, 5, 30, 120, 360, 720, 1440]
  return minutes[Math.min(attempts, minutes.length) - 1]! * 60_000
}

type Options = { policy: TargetPolicy; now?: Date; log?: (message: string) => void }
type Claimed = { id: number; event_id: string; event_type: string; payload: { organisationId: string; data: unknown }; created_at: string | Date; attempts: number; url: string; secret: string }
export type WebhookDispatchResult = { delivered: number; retried: number; failed: number }

// One connection pool per policy; every connection goes through the guarded lookup.
const agents = new Map<string, Agent>()
function agentFor(policy: TargetPolicy) {
  const key = `${policy.allowHttp}:${policy.allowPrivate}`
  let agent = agents.get(key)
  if (!agent) {
    agent = new Agent({ connect: { lookup: guardedLookup(policy) as never, timeout: TIMEOUT_MS }, headersTimeout: TIMEOUT_MS, bodyTimeout: TIMEOUT_MS })
    agents.set(key, agent)
  }
  return agent
}

/** Delivers one event the moment its job runs; one already delivered, or claimed by another worker, is left alone. */
export function deliverWebhook(db: Db, deliveryId: number, options: Options) {
  return dispatch(db, sql`d.id = ${deliveryId}`, 1, options)
}

/** The safety net (every minute): what is due — retries, and jobs lost with a worker. */
export function deliverDueWebhooks(db: Db, options: Options & { batchSize?: number }) {
  const dueBy = options.now ? sql`${options.now.toISOString()}::timestamptz` : sql`now()`
  return dispatch(db, sql`d.next_attempt_at <= ${dueBy}`, options.batchSize ?? 20, options)
}

/**
 * Claim, commit, send, record — nothing is locked while a receiver takes its time. A worker that
 * dies after claiming leaves a claim that runs out; delivery is at least once, and the event id
 * lets the receiver drop a repeat.
 */
async function dispatch(db: Db, condition: ReturnType<typeof sql>, limit: number, options: Options): Promise<WebhookDispatchResult> {
  const result = await db.execute(sql`
    update ${webhookDeliveries} set claimed_until = now() + make_interval(secs => ${CLAIM_SECONDS}), attempts = attempts + 1
    where id in (
      select d.id from ${webhookDeliveries} d
      where d.status = 'pending' and (d.claimed_until is null or d.claimed_until < now()) and ${condition}
      order by d.id limit ${limit}
      for update skip locked
    )
    returning id, event_id, event_type, payload, created_at, attempts,
      (select url from webhook_endpoints e where e.id = endpoint_id and e.disabled_at is null) as url,
      (select secret from webhook_endpoints e where e.id = endpoint_id) as secret`)
  const claimed = ((Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Claimed[]).sort((a, b) => a.id - b.id)
  const outcome: WebhookDispatchResult = { delivered: 0, retried: 0, failed: 0 }
  const log = options.log ?? ((message: string) => logError('webhooks', message))
  for (const delivery of claimed) {
    const now = options.now ?? new Date()
    const { statusCode, error } = delivery.url ? await post(delivery, now, options.policy) : { statusCode: null, error: 'endpoint disabled' }
    const ok = statusCode !== null && statusCode >= 200 && statusCode < 300
    const gaveUp = !ok && (delivery.attempts >= MAX_WEBHOOK_ATTEMPTS || !delivery.url)
    await db
      .update(webhookDeliveries)
      .set({
        status: ok ? 'delivered' : gaveUp ? 'failed' : 'pending',
        deliveredAt: ok ? now : null,
        lastStatusCode: statusCode,
        lastError: ok ? null : (error ?? `HTTP ${statusCode}`).slice(0, 500),
        claimedUntil: null,
        nextAttemptAt: ok || gaveUp ? now : new Date(now.getTime() + webhookRetryDelayMs(delivery.attempts)),
      })
      .where(sql`id = ${delivery.id}`)
    if (ok) outcome.delivered++
    else if (gaveUp) {
      outcome.failed++
      log(`gave up on webhook delivery ${delivery.id} after ${delivery.attempts} attempts: ${redact(error ?? `HTTP ${statusCode}`)}`)
    } else outcome.retried++
  }
  return outcome
}

/** The body is the same on every attempt; the signature is made at sending. */
export function webhookBody(delivery: Pick<Claimed, 'event_id' | 'event_type' | 'payload' | 'created_at'>): string {
  return JSON.stringify({
    id: delivery.event_id,
    type: delivery.event_type,
    createdAt: new Date(delivery.created_at).toISOString(),
    organisationId: delivery.payload.organisationId,
    data: delivery.payload.data,
  })
}

async function post(delivery: Claimed, now: Date, policy: TargetPolicy): Promise<{ statusCode: number | null; error: string | null }> {
  const body = webhookBody(delivery)
  try {
    const response = await request(delivery.url, {
      method: 'POST',
      body,
      dispatcher: agentFor(policy),
      maxRedirections: 0,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Werkbrug-Webhooks/1',
        'werkbrug-event-id': delivery.event_id,
        'werkbrug-event-type': delivery.event_type,
        [SIGNATURE_HEADER.toLowerCase()]: signatureHeader(delivery.secret, body, now),
      },
    })
    // Only the status counts; the receiver's body is read (to free the connection) and dropped.
    await response.body.dump({ limit: 64 * 1024 }).catch(() => {})
    return { statusCode: response.statusCode, error: null }
  } catch (error) {
    const code = (error as { code?: string }).code
    return { statusCode: null, error: code === 'EWEBHOOKTARGET' ? 'refused: the address is not a public one' : error instanceof Error ? error.message : String(error) }
  }
}

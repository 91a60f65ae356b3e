import { randomBytes } from 'node:crypto'
import { and, count, desc, eq, isNull } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { webhookDeliveries, webhookEndpoints } from '#db/schema'
import { FieldValidationError } from '~/lib/errors.server'
import type { MessageKey } from '~/lib/i18n'
import type { Actor } from '~/modules/authorisation'
import { can } from '~/modules/authorisation'
import { scopeOf } from '~/modules/authorisation/index.server'
import { recordAudit } from '~/modules/audit/index.server'
import { emitWebhookEvent } from './emit.server'
import { checkTargetUrl, resolvePublicTarget, TargetRefused, type TargetPolicy } from './targets.server'
import type { EndpointCreateInput } from './webhooks.schema'

// Enough for an ATS, an HR system and a test receiver; more is a sign of something wrong.
export const MAX_ENDPOINTS = 5

/** Production: https to public addresses only. Development: http too; private addresses only when asked for (the tests' receiver). */
export function webhookTargetPolicy(env: { NODE_ENV: string; WEBHOOK_ALLOW_PRIVATE_TARGETS: boolean }): TargetPolicy {
  return { allowHttp: env.NODE_ENV !== 'production', allowPrivate: env.WEBHOOK_ALLOW_PRIVATE_TARGETS }
}

const refusals: Record<TargetRefused['reason'], MessageKey> = {
  url: 'errors.webhookUrl',
  scheme: 'errors.webhookHttps',
  credentials: 'errors.webhookCredentials',
  private: 'errors.webhookPrivate',
  unresolvable: 'errors.webhookUnresolvable',
}

const newSecret = () => `whsec_${randomBytes(24).toString('base64url')}`

export function listEndpoints(db: Db, actor: Actor) {
  return db
    .select({ id: webhookEndpoints.id, url: webhookEndpoints.url, description: webhookEndpoints.description, secret: webhookEndpoints.secret, eventTypes: webhookEndpoints.eventTypes, createdAt: webhookEndpoints.createdAt })
    .from(webhookEndpoints)
    .where(and(scopeOf(actor).ownOrganisation(webhookEndpoints.organisationId), isNull(webhookEndpoints.disabledAt)))
    .orderBy(desc(webhookEndpoints.createdAt))
}

/** The last deliveries of the organisation's endpoints, newest first: the log HR's IT reads. */
export function recentDeliveries(db: Db, actor: Actor, limit = 50) {
  return db
    .select({
      id: webhookDeliveries.id,
      endpointId: webhookDeliveries.endpointId,
      url: webhookEndpoints.url,
      eventId: webhookDeliveries.eventId,
      eventType: webhookDeliveries.eventType,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      lastError: webhookDeliveries.lastError,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      deliveredAt: webhookDeliveries.deliveredAt,
      createdAt: webhookDeliveries.createdAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(scopeOf(actor).ownOrganisation(webhookEndpoints.organisationId))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit)
}

/** Registers an endpoint after checking its address (https, public — after DNS resolution). */
export async function createEndpoint(db: Db, actor: Actor, input: EndpointCreateInput, policy: TargetPolicy): Promise<string | null> {
  if (!can(actor.role, 'webhooks:manage')) return null
  try {
    const url = checkTargetUrl(input.url, policy)
    await resolvePublicTarget(url.hostname, policy)
  } catch (error) {
    if (error instanceof TargetRefused) throw new FieldValidationError({ url: { key: refusals[error.reason] } })
    throw error
  }
  return db.transaction(async (tx) => {
    const [{ value: existing } = { value: 0 }] = await tx
      .select({ value: count() })
      .from(webhookEndpoints)
      .where(and(scopeOf(actor).ownOrganisation(webhookEndpoints.organisationId), isNull(webhookEndpoints.disabledAt)))
    if (existing >= MAX_ENDPOINTS) throw new FieldValidationError({ url: { key: 'errors.webhookTooMany' } })
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({ organisationId: actor.organisationId, url: input.url, description: input.description, eventTypes: input.eventTypes, secret: newSecret(), createdByUserId: actor.userId })
      .returning({ id: webhookEndpoints.id })
    await recordAudit(tx, { actorUserId: actor.userId, organisationId: actor.organisationId, action: 'webhook_endpoint.created', subjectType: 'webhook_endpoint', subjectId: row!.id, details: { url: input.url, eventTypes: input.eventTypes } })
    return row!.id
  })
}

/** Stops an endpoint: nothing more is sent to it, and what was waiting is given up. */
export async function disableEndpoint(db: Db, actor: Actor, endpointId: string): Promise<boolean> {
  if (!can(actor.role, 'webhooks:manage')) return false
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookEndpoints)
      .set({ disabledAt: new Date() })
      .where(and(eq(webhookEndpoints.id, endpointId), scopeOf(actor).ownOrganisation(webhookEndpoints.organisationId), isNull(webhookEndpoints.disabledAt)))
      .returning({ id: webhookEndpoints.id, url: webhookEndpoints.url })
    if (!row) return false
    await recordAudit(tx, { actorUserId: actor.userId, organisationId: actor.organisationId, action: 'webhook_endpoint.disabled', subjectType: 'webhook_endpoint', subjectId: row.id, details: { url: row.url } })
    return true
  })
}

/** A new signing secret; the old one stops at once (the receiver must be given the new one). */
export async function rotateSecret(db: Db, actor: Actor, endpointId: string): Promise<boolean> {
  if (!can(actor.role, 'webhooks:manage')) return false
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookEndpoints)
      .set({ secret: newSecret() })
      .where(and(eq(webhookEndpoints.id, endpointId), scopeOf(actor).ownOrganisation(webhookEndpoints.organisationId), isNull(webhookEndpoints.disabledAt)))
      .returning({ id: webhookEndpoints.id })
    if (!row) return false
    await recordAudit(tx, { actorUserId: actor.userId, organisationId: actor.organisationId, action: 'webhook_endpoint.secret_rotated', subjectType: 'webhook_endpoint', subjectId: row.id, details: {} })
    return true
  })
}

/** The test button: a `ping` to one endpoint, through the queue like every event. */
export async function sendTestEvent(db: Db, actor: Actor, endpointId: string): Promise<boolean> {
  if (!can(actor.role, 'webhooks:manage')) return false
  return db.transaction(async (tx) => {
    const [endpoint] = await tx
      .select({ id: webhookEndpoints.id })
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.id, endpointId), scopeOf(actor).ownOrganisation(webhookEndpoints.organisationId), isNull(webhookEndpoints.disabledAt)))
    if (!endpoint) return false
    await emitWebhookEvent(tx, actor.organisationId, 'ping', { message: 'Werkbrug test event' }, { endpointId })
    return true
  })
}

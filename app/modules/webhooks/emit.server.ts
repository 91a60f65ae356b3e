import { and, eq, isNull, or, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { webhookDeliveries, webhookEndpoints } from '#db/schema'
import { enqueueJob } from '~/modules/jobs/index.server'
import type { WebhookData, WebhookEventType } from './events'

/**
 * Queues an event for every active endpoint of the organisation, in the transaction of the change
 * that caused it: the event exists if and only if the change commits. Delivery happens later, on
 * the job queue, with retries.
 */
export async function emitWebhookEvent<T extends WebhookEventType>(tx: Db, organisationId: string, type: T, data: WebhookData[T], options: { endpointId?: string } = {}): Promise<number> {
  const endpoints = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.organisationId, organisationId),
        isNull(webhookEndpoints.disabledAt),
        // The test button's ping goes to the endpoint it was pressed for, whatever it subscribed to.
        options.endpointId ? eq(webhookEndpoints.id, options.endpointId) : or(isNull(webhookEndpoints.eventTypes), sql`${type} = any(${webhookEndpoints.eventTypes})`),
      ),
    )
  for (const endpoint of endpoints) {
    const [delivery] = await tx
      .insert(webhookDeliveries)
      .values({ endpointId: endpoint.id, eventType: type, payload: { organisationId, data } })
      .returning({ id: webhookDeliveries.id })
    await enqueueJob(tx, 'webhooks.deliver', { deliveryId: delivery!.id })
  }
  return endpoints.length
}

import { responseSchema } from '~/lib/json-schema'
import { webhookEventSchema, webhookEventTypes, type WebhookData, type WebhookEventType } from './events'

const descriptions: Record<WebhookEventType, string> = {
  'vacancy.status_changed': 'A vacancy changed status: submitted, published, sent back (with the comment) or closed.',
  'booking.requested': 'A speeddate was requested (through the portal or the API).',
  'booking.approved': 'The intermediary approved a speeddate, accepted a proposed time, or the payment came in.',
  'booking.declined': 'The intermediary declined a requested speeddate, with the reason.',
  'booking.cancelled': 'A speeddate was cancelled by either side, or its slot was withdrawn.',
  'booking.moved': 'A speeddate moved to another slot; the status says whether it needs approval again.',
  'booking.expired': 'A speeddate with a fee was not paid within its payment window and let go of its slot (status expired). A payment that still arrives confirms it if the slot is free (booking.approved).',
  'hire.step_completed': 'A step of the path to a first working day was recorded as done (or its date corrected).',
  'hire.first_working_day_recorded': 'The first working day of a hire was recorded.',
  ping: 'The test message of the portal\'s "Send a test message" button.',
}

const examples: WebhookData = {
  'vacancy.status_changed': { vacancyId: '3f2b8c1e-4d5a-4e6f-9a7b-8c9d0e1f2a3b', title: 'Orderpicker', from: 'submitted', to: 'published', comment: null },
  'booking.requested': booking('requested'),
  'booking.approved': booking('approved'),
  'booking.declined': { ...booking('declined'), reason: 'Deze week zijn er geen kandidaten beschikbaar.' },
  'booking.cancelled': { ...booking('cancelled'), reason: 'Vacature vervuld' },
  'booking.moved': booking('requested'),
  'booking.expired': booking('expired'),
  'hire.step_completed': { hireId: '0b8f2d6e-1c4a-4b7e-9f3d-2a5c6e7f8a9b', vacancyId: '3f2b8c1e-4d5a-4e6f-9a7b-8c9d0e1f2a3b', reference: 'AZC-1042', step: 'step.twv_decision', doneOn: '2026-12-14' },
  'hire.first_working_day_recorded': { hireId: '0b8f2d6e-1c4a-4b7e-9f3d-2a5c6e7f8a9b', vacancyId: '3f2b8c1e-4d5a-4e6f-9a7b-8c9d0e1f2a3b', reference: 'AZC-1042', firstWorkingDay: '2027-01-04' },
  ping: { message: 'Werkbrug test event' },
}

function booking(status: 'requested' | 'approved' | 'declined' | 'cancelled' | 'expired') {
  return { bookingId: '7d1e5f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a', vacancyId: '3f2b8c1e-4d5a-4e6f-9a7b-8c9d0e1f2a3b', slotId: 'c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f', status, startsAt: '2026-12-07T09:00:00.000Z', endsAt: '2026-12-07T10:00:00.000Z', reason: null }
}

const operationName = (type: string) => `webhook${type.replace(/(^|[._])(\w)/g, (_, __, c: string) => c.toUpperCase())}`

/**
 * The OpenAPI `webhooks`: what Werkbrug POSTs to an employer's registered address, signed in the
 * Werkbrug-Signature header. A 2xx answer is delivery; anything else is tried again with backoff.
 */
export function webhookOpenApi() {
  const answers = {
    '2XX': { description: 'Received. Answer quickly (within 10 seconds); do the work afterwards.' },
    '4XX': { description: 'Not accepted: Werkbrug tries again later, up to 8 times over about a day, with the same event id.' },
    '5XX': { description: 'Not accepted: Werkbrug tries again later, up to 8 times over about a day, with the same event id.' },
  }
  const headers = [
    { name: 'Werkbrug-Signature', in: 'header', required: true, schema: { type: 'string' }, description: 't=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the endpoint secret>. Refuse a signature older than five minutes.' },
    { name: 'Werkbrug-Event-Id', in: 'header', required: true, schema: { type: 'string', format: 'uuid' }, description: 'The event id (also in the body); drop an event you already handled.' },
    { name: 'Werkbrug-Event-Type', in: 'header', required: true, schema: { type: 'string', enum: webhookEventTypes } },
  ]
  return Object.fromEntries(
    webhookEventTypes.map((type) => [
      type,
      {
        post: {
          operationId: operationName(type),
          summary: `Event ${type}`,
          description: descriptions[type],
          tags: ['Webhooks'],
          security: [],
          parameters: headers,
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: responseSchema(webhookEventSchema(type)),
                example: { id: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e', type, createdAt: '2026-12-01T09:15:00.000Z', organisationId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', data: examples[type] },
              },
            },
          },
          responses: answers,
        },
      },
    ]),
  )
}

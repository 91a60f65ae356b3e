import { z } from 'zod'

/**
 * The events an employer's system can be told of, and what each carries. The names and payloads
 * are part of the API contract (the OpenAPI document's `webhooks`, generated from these schemas):
 * add, never rename.
 */
const bookingChanged = z.object({
  bookingId: z.uuid(),
  vacancyId: z.uuid(),
  slotId: z.uuid(),
  status: z.enum(['awaiting_payment', 'requested', 'approved', 'declined', 'cancelled', 'expired']),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  reason: z.string().nullable(),
})
const hireSubject = { hireId: z.uuid(), vacancyId: z.uuid(), reference: z.string().meta({ description: "The candidate's pseudonymous reference code" }) }

export const webhookDataSchemas = {
  'vacancy.status_changed': z.object({ vacancyId: z.uuid(), title: z.string(), from: z.string(), to: z.string(), comment: z.string().nullable().meta({ description: 'The reason, when the intermediary sent it back' }) }),
  'booking.requested': bookingChanged,
  'booking.approved': bookingChanged,
  'booking.declined': bookingChanged,
  'booking.cancelled': bookingChanged,
  'booking.moved': bookingChanged,
  'booking.expired': bookingChanged,
  'hire.step_completed': z.object({ ...hireSubject, step: z.string().meta({ description: 'The step key, e.g. step.twv_decision' }), doneOn: z.iso.date() }),
  'hire.first_working_day_recorded': z.object({ ...hireSubject, firstWorkingDay: z.iso.date() }),
  // Sent by the portal's test button only.
  ping: z.object({ message: z.string() }),
} as const

export type WebhookEventType = keyof typeof webhookDataSchemas
export const webhookEventTypes = Object.keys(webhookDataSchemas) as WebhookEventType[]
export type WebhookData = { [T in WebhookEventType]: z.output<(typeof webhookDataSchemas)[T]> }

/** The body a receiver gets; the id repeats on a retry, so it can drop a duplicate. */
export function webhookEventSchema<T extends WebhookEventType>(type: T) {
  return z.object({
    id: z.uuid().meta({ description: 'The event id; the same on every retry of this event' }),
    type: z.literal(type),
    createdAt: z.iso.datetime(),
    organisationId: z.uuid(),
    data: webhookDataSchemas[type],
  })
}
export type WebhookEvent<T extends WebhookEventType = WebhookEventType> = z.output<ReturnType<typeof webhookEventSchema<T>>>

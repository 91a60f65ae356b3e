import { z } from 'zod'
import { webhookEventTypes } from './events'

/** What an endpoint can subscribe to: every event but the test button's ping, which always goes. */
export const subscribableEventTypes = webhookEventTypes.filter((type) => type !== 'ping') as Exclude<(typeof webhookEventTypes)[number], 'ping'>[]

export const endpointCreateSchema = z
  .object({
    url: z.string({ message: 'errors.required' }).trim().min(1, 'errors.required').max(2000, 'errors.tooLong'),
    description: z
      .string()
      .trim()
      .max(200, 'errors.tooLong')
      .optional()
      .transform((v) => v || null),
    // The form's checkboxes, joined with commas by the route (a form sends one value per box).
    eventTypes: z
      .string()
      .optional()
      .transform((v) => [...new Set((v ?? '').split(',').filter(Boolean))])
      .pipe(z.array(z.enum(subscribableEventTypes, { message: 'errors.invalid' })).min(1, 'errors.webhookNoEvents')),
  })
  .strict()

export type EndpointCreateInput = z.output<typeof endpointCreateSchema>

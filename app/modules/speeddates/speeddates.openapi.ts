import { z } from 'zod'
import { requestSchema, responseSchema } from '~/lib/json-schema'
import { bookingCreateSchema, optionalReasonSchema, slotListFiltersSchema } from './speeddates.schema'

const slotSchema = z.object({
  id: z.uuid(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  placeKind: z.enum(['reception_location', 'employer_site']),
  receptionLocationId: z.uuid().nullable(),
  place: z.string(),
  seats: z.int(),
  note: z.string().nullable(),
})

const bookingSchema = z.object({
  id: z.uuid(),
  slotId: z.uuid(),
  vacancyId: z.uuid(),
  status: z.enum(['awaiting_payment', 'requested', 'approved', 'declined', 'cancelled', 'expired']),
  reason: z.string().nullable(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  place: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  payment: z
    .object({
      id: z.uuid(),
      status: z.enum(['open', 'paid', 'partially_refunded', 'refunded', 'expired', 'cancelled']),
      amountCents: z.int().meta({ description: 'Total including VAT, in euro cents' }),
      vatCents: z.int(),
      currency: z.literal('eur'),
      payUrl: z.string().meta({ description: 'Portal page where a signed-in employer pays through Stripe Checkout' }),
      payBefore: z.iso.datetime().nullable().meta({ description: 'While awaiting payment: when the slot is released if unpaid' }),
    })
    .nullable()
    .meta({ description: "The intermediary's booking fee, when the slot carries one and online payment is on" }),
})

/** The speeddate part of the OpenAPI document, from the endpoints' own schemas. */
export function speeddateOpenApi(example: { booking: unknown; cancel: unknown }) {
  const problem = { $ref: '#/components/responses/Problem' }
  const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }
  const bookingResponse = { description: 'The booking', content: { 'application/json': { schema: { $ref: '#/components/schemas/Booking' } } } }
  return {
    schemas: {
      SpeeddateSlot: responseSchema(slotSchema),
      Booking: responseSchema(bookingSchema),
      BookingCreate: requestSchema(bookingCreateSchema),
      BookingCancel: requestSchema(optionalReasonSchema.strict()),
    },
    paths: {
      '/api/v1/speeddate-slots': {
        get: {
          operationId: 'listFreeSpeeddateSlots',
          summary: 'Free speeddate slots (open, in the future, not held by anyone)',
          parameters: Object.entries((requestSchema(slotListFiltersSchema).properties ?? {}) as Record<string, unknown>).map(([name, s]) => ({ name, in: 'query', required: false, schema: s })),
          responses: {
            200: {
              description: 'Free slots, earliest first',
              content: { 'application/json': { schema: { type: 'object', required: ['data'], properties: { data: { type: 'array', items: { $ref: '#/components/schemas/SpeeddateSlot' } } } } } },
            },
            400: problem,
            401: problem,
            429: problem,
          },
        },
      },
      '/api/v1/speeddate-slots/{id}/bookings': {
        post: {
          operationId: 'requestSpeeddate',
          summary: 'Request a slot for one of your published vacancies; the intermediary approves or declines',
          parameters: [idParam],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/BookingCreate' }, example: example.booking } } },
          responses: { 201: bookingResponse, 400: problem, 401: problem, 404: problem, 409: problem, 429: problem },
        },
      },
      '/api/v1/bookings/{id}': {
        get: {
          operationId: 'getBooking',
          summary: 'One of your bookings',
          parameters: [idParam],
          responses: { 200: bookingResponse, 401: problem, 404: problem, 429: problem },
        },
      },
      '/api/v1/bookings/{id}/cancel': {
        post: {
          operationId: 'cancelBooking',
          summary: 'Cancel a requested or approved booking; the slot becomes free',
          parameters: [idParam],
          requestBody: { required: false, content: { 'application/json': { schema: { $ref: '#/components/schemas/BookingCancel' }, example: example.cancel } } },
          responses: { 200: bookingResponse, 401: problem, 404: problem, 409: problem, 429: problem },
        },
      },
    },
  }
}

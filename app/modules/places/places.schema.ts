import { z } from 'zod'
import { emptyAsNull, postcodeField } from '~/lib/schema-fields'

const text = (max: number) => z.string({ message: 'errors.invalid' }).trim().max(max, 'errors.tooLong')

/** A reception location as the admin keeps it: where it is and what a visitor needs to get in. */
export const placeSchema = z.object({
  name: text(120).min(1, 'errors.required'),
  municipality: text(120).min(1, 'errors.required'),
  address: emptyAsNull(text(200)),
  postcode: emptyAsNull(postcodeField()),
  arrival: emptyAsNull(text(1000)),
  contact: emptyAsNull(text(300)),
  accessibility: emptyAsNull(text(1000)),
})
export type PlaceInput = z.output<typeof placeSchema>

export const placeUpdateSchema = placeSchema.extend({ placeId: z.uuid({ message: 'errors.invalid' }) })

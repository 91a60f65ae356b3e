import { z } from 'zod'
import { isIsoDate } from './dates'

/** A calendar date field (YYYY-MM-DD, a real date between 1900 and 2999): one rule for every schema. */
export const calendarDate = () => z.iso.date({ message: 'errors.dateInvalid' }).refine(isIsoDate, 'errors.dateInvalid')

/** A Dutch postcode: four digits (no leading zero) and two letters, stored as "1234 AB". */
export const postcodeField = () =>
  z
    .string({ message: 'errors.invalid' })
    .trim()
    .toUpperCase()
    .regex(/^[1-9][0-9]{3} ?[A-Z]{2}$/, 'errors.postcodeInvalid')
    .transform((value) => `${value.slice(0, 4)} ${value.slice(-2)}`)

/** A form field left empty (or absent) is null, then checked by `schema`. */
export const emptyAsNull = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' || v === undefined ? null : v), schema.nullable())

import { z } from 'zod'

/** A fee as the admin enters it: euros and a VAT percentage, from a date. */
export const feeFormSchema = z.object({
  kind: z.enum(['speeddate_booking', 'placement'], { message: 'errors.invalidChoice' }),
  amount: z
    .string({ message: 'errors.required' })
    .trim()
    .regex(/^-?\d{1,6}([.,]\d{1,2})?$/, 'errors.amountInvalid')
    .transform((v) => Math.round(Number(v.replace(',', '.')) * 100))
    .pipe(z.int().min(0, 'errors.amountNegative')),
  vatPercent: z
    .string({ message: 'errors.required' })
    .trim()
    .regex(/^\d{1,3}([.,]\d{1,2})?$/, 'errors.invalid')
    .transform((v) => Math.round(Number(v.replace(',', '.')) * 100))
    .pipe(z.int().min(0, 'errors.numberRange').max(10_000, 'errors.numberRange')),
  effectiveFrom: z.iso.date({ message: 'errors.dateInvalid' }),
})
export type FeeInput = z.output<typeof feeFormSchema>

import { z } from 'zod'
import { calendarDate } from '~/lib/schema-fields'
import { parseEuroCents } from '~/lib/money'

/** A fee as the admin enters it: euros and a VAT percentage, from a date. */
export const feeFormSchema = z.object({
  kind: z.enum(['speeddate_booking', 'placement'], { message: 'errors.invalidChoice' }),
  amount: z
    .string({ message: 'errors.required' })
    .min(1, 'errors.required')
    .transform((v, ctx) => {
      const cents = parseEuroCents(v)
      if (cents === undefined || cents === null) {
        ctx.addIssue({ code: 'custom', message: cents === null ? 'errors.required' : 'errors.amountInvalid' })
        return z.NEVER
      }
      return cents
    })
    .pipe(z.int().min(0, 'errors.amountNegative').max(100_000_000, 'errors.amountInvalid')),
  vatPercent: z
    .string({ message: 'errors.required' })
    .trim()
    .regex(/^\d{1,3}([.,]\d{1,2})?$/, 'errors.invalid')
    .transform((v) => Math.round(Number(v.replace(',', '.')) * 100))
    .pipe(z.int().min(0, 'errors.numberRange').max(10_000, 'errors.numberRange')),
  effectiveFrom: calendarDate(),
})
export type FeeInput = z.output<typeof feeFormSchema>

/** The intermediary's terms for employers' cancellations, as the admin enters them. */
export const cancellationPolicyFormSchema = z
  .object({
    policyHours: z
      .string({ message: 'errors.required' })
      .trim()
      .regex(/^\d{1,4}$/, 'errors.numberRange')
      .transform(Number)
      .pipe(z.int().min(0, 'errors.numberRange').max(8760, 'errors.numberRange')),
    policyPercent: z
      .string({ message: 'errors.required' })
      .trim()
      .regex(/^\d{1,3}$/, 'errors.numberRange')
      .transform(Number)
      .pipe(z.int().min(0, 'errors.numberRange').max(100, 'errors.numberRange')),
    policyEffectiveFrom: calendarDate(),
  })
  .transform((v) => ({ fullRefundHoursBefore: v.policyHours, lateRefundPercent: v.policyPercent, effectiveFrom: v.policyEffectiveFrom }))

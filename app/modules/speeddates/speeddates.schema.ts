import { z } from 'zod'
import { calendarDate } from '~/lib/schema-fields'

const text = (max: number) => z.string({ message: 'errors.required' }).trim().max(max, 'errors.tooLong')
const localDateTime = z
  .string({ message: 'errors.required' })
  .min(1, 'errors.required')
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'errors.dateTimeInvalid')

/** A slot as the intermediary enters it: wall-clock times in Amsterdam. */
export const slotCreateSchema = z
  .object({
    startsAt: localDateTime,
    endsAt: localDateTime,
    placeKind: z.enum(['reception_location', 'employer_site'], { message: 'errors.invalidChoice' }),
    receptionLocationId: z.union([z.uuid({ message: 'errors.invalidChoice' }), z.literal('').transform(() => null)]).nullable().default(null),
    placeAddress: text(200).nullable().default(null),
    seats: z.coerce.number({ message: 'errors.wholeNumber' }).int('errors.wholeNumber').min(1, 'errors.seatsRange').max(50, 'errors.seatsRange'),
    note: text(500).nullable().default(null),
  })
  .superRefine((slot, ctx) => {
    if (slot.placeKind === 'reception_location' && !slot.receptionLocationId) {
      ctx.addIssue({ code: 'custom', path: ['receptionLocationId'], message: 'errors.required' })
    }
    if (slot.placeKind === 'employer_site' && !slot.placeAddress) {
      ctx.addIssue({ code: 'custom', path: ['placeAddress'], message: 'errors.required' })
    }
  })
export type SlotInput = z.output<typeof slotCreateSchema>

export const bookingCreateSchema = z.object({ vacancyId: z.uuid({ message: 'errors.invalid' }) }).strict()

export const optionalReasonSchema = z.object({
  reason: z.string().trim().max(1000, 'errors.tooLong').optional().default(''),
})

/** The intermediary's own code for a candidate: letters, digits and dashes (no BSN, no V-number). */
export const referenceCodeField = () =>
  z
    .string({ message: 'errors.required' })
    .trim()
    .min(1, 'errors.required')
    .max(40, 'errors.tooLong')
    .regex(/^[A-Za-z0-9-]+$/, 'errors.referenceCodeInvalid')

export const candidateSchema = z.object({
  referenceCode: referenceCodeField(),
  firstName: text(60).min(1, 'errors.required'),
  languages: text(200).min(1, 'errors.required'),
  experience: text(300).optional().default(''),
})
export type CandidateInput = z.output<typeof candidateSchema>

export const seatResultSchema = z.object({
  seatId: z.uuid(),
  attendance: z.enum(['attended', 'no_show'], { message: 'errors.invalidChoice' }),
  outcome: z
    .union([z.enum(['no_interest', 'second_talk', 'match']), z.literal('').transform(() => null)], { message: 'errors.invalidChoice' })
    .nullable()
    .default(null),
})

export const slotListFiltersSchema = z.object({
  from: calendarDate().optional(),
  to: calendarDate().optional(),
  receptionLocationId: z.uuid({ message: 'errors.invalid' }).optional(),
  placeKind: z.enum(['reception_location', 'employer_site'], { message: 'errors.invalidChoice' }).optional(),
})
export type SlotListFilters = z.output<typeof slotListFiltersSchema>

const optionalLocal = z
  .string()
  .trim()
  .regex(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})?$/, 'errors.dateTimeInvalid')
  .optional()
  .default('')

/** Up to three times of the employer's own, as form fields time1Start … time3End. */
export const proposalSchema = z
  .object({
    vacancyId: z.uuid({ message: 'errors.vacancyNotBookable' }),
    time1Start: optionalLocal,
    time1End: optionalLocal,
    time2Start: optionalLocal,
    time2End: optionalLocal,
    time3Start: optionalLocal,
    time3End: optionalLocal,
    placeKind: z.enum(['reception_location', 'employer_site'], { message: 'errors.invalidChoice' }),
    receptionLocationId: z.union([z.uuid({ message: 'errors.invalidChoice' }), z.literal('').transform(() => null)]).nullable().default(null),
    placeAddress: z.string().trim().max(200, 'errors.tooLong').optional().default(''),
    note: z.string().trim().max(500, 'errors.tooLong').optional().default(''),
  })
  .superRefine((p, ctx) => {
    const pairs = ([1, 2, 3] as const).map((n) => [p[`time${n}Start`], p[`time${n}End`], n] as const)
    pairs.forEach(([start, end, n]) => {
      if (start && !end) ctx.addIssue({ code: 'custom', path: [`time${n}End`], message: 'errors.required' })
      if (end && !start) ctx.addIssue({ code: 'custom', path: [`time${n}Start`], message: 'errors.required' })
    })
    if (!pairs.some(([start, end]) => start && end)) {
      ctx.addIssue({ code: 'custom', path: ['time1Start'], message: 'errors.required' })
    }
    if (p.placeKind === 'reception_location' && !p.receptionLocationId) {
      ctx.addIssue({ code: 'custom', path: ['receptionLocationId'], message: 'errors.required' })
    }
    if (p.placeKind === 'employer_site' && !p.placeAddress) {
      ctx.addIssue({ code: 'custom', path: ['placeAddress'], message: 'errors.required' })
    }
  })
export type ProposalInput = z.output<typeof proposalSchema>

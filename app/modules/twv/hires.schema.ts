import { z } from 'zod'
import { calendarDate } from '~/lib/schema-fields'

const optionalDate = z.union([calendarDate(), z.literal('').transform(() => null)]).nullable().default(null)
const triState = z
  .enum(['', 'yes', 'no'], { message: 'errors.invalidChoice' })
  .default('')
  .transform((v) => (v === '' ? null : v === 'yes'))

/** What the intermediary reports about a hire, as the form sends it. */
export const hireFactsSchema = z.object({
  residenceStatus: z.enum(['asylum_seeker', 'status_holder', 'unknown'], { message: 'errors.invalidChoice' }),
  isAdult: triState,
  asylumApplicationDate: optionalDate,
  wDocumentValidUntil: optionalDate,
  dublinClaimant: triState,
  medicalResidenceGround: triState,
  hasBsn: triState,
  permitChance: z
    .enum(['', 'high', 'low'], { message: 'errors.invalidChoice' })
    .default('')
    .transform((v) => (v === '' ? null : v)),
})
export type HireFactsInput = z.output<typeof hireFactsSchema>

export const directMatchSchema = z.object({
  vacancyId: z.uuid({ message: 'errors.required' }),
  candidateId: z.uuid({ message: 'errors.required' }),
  residenceStatus: z.enum(['asylum_seeker', 'status_holder', 'unknown'], { message: 'errors.invalidChoice' }),
})

export const stepTickSchema = z.object({
  stepKey: z.string().regex(/^step\.[a-z_]+$/, 'errors.invalid'),
  doneOn: calendarDate(),
})

export const documentTickSchema = z.object({
  documentKey: z.string().regex(/^doc\.[a-z_]+$/, 'errors.invalid'),
  inHand: z.enum(['yes', 'no'], { message: 'errors.invalidChoice' }).transform((v) => v === 'yes'),
})

import { z } from 'zod'
import { policyStatuses, sourceSchema } from '~/modules/policy'
import type { Guidance } from './guidance'

const date = z.iso.date()
const residenceStatus = z.enum(['asylum_seeker', 'status_holder', 'unknown'])
const source = sourceSchema

/**
 * The TWV guidance as `GET /api/v1/hires/{id}/twv-guidance` answers it. The OpenAPI document is
 * generated from this schema, and `guidanceResponse` is typed by it, so the two cannot drift.
 */
export const guidanceResponseSchema = z.object({
  hire: z.object({ id: z.uuid(), reference: z.string().meta({ description: "The candidate's pseudonymous reference code" }), vacancyId: z.uuid(), residenceStatus }),
  path: residenceStatus.meta({ description: 'Which path the steps follow' }),
  eligibility: z
    .object({
      eligible: z.boolean().nullable().meta({ description: 'Null while a condition is unknown' }),
      conditions: z.array(z.object({ key: z.string(), state: z.enum(['met', 'not_met', 'unknown']), from: date.optional().meta({ description: 'When waiting is the only obstacle: from when it is met' }) })),
      eligibleFrom: date.optional(),
    })
    .nullable()
    .meta({ description: 'Whether an asylum seeker may work for a TWV today, condition by condition; null for status holders' }),
  steps: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      body: z.string(),
      owner: z.string().meta({ description: 'Who takes the step: employer, intermediary, uwv, coa, municipality, candidate' }),
      sources: z.array(source),
      reviewedOn: date,
      doneOn: date.nullable(),
      state: z.enum(['done', 'current', 'upcoming']),
      waitingDays: z.int().nullable().meta({ description: 'Days the open step has waited since the step before it was done' }),
      p80Days: z.int().nullable().meta({ description: 'Eight in ten cases took at most this many days' }),
      p80AtLeast: z.boolean().meta({ description: 'The data only tells that the 80th percentile is at least p80Days (cases still pending)' }),
      decisionTermDays: z.int().nullable().meta({ description: 'The legal decision term, when there is one' }),
    }),
  ),
  documents: z.array(z.object({ key: z.string(), title: z.string(), sources: z.array(source), reviewedOn: date, checkedOn: date.nullable() })),
  expected: z
    .object({
      basis: z.enum(['pilot', 'own', 'recorded', 'none']).meta({ description: "pilot: the pilot's lead times; own: Werkbrug's recorded durations; recorded: the first working day is recorded" }),
      median: date,
      p80: date,
      p80AtLeast: z.boolean(),
      weeks: z.array(z.number()).meta({ description: 'Share of cases per week from today' }),
      open: z.number().meta({ description: 'Share whose end is unknown' }),
    })
    .nullable()
    .meta({ description: 'The realistic first working day: median and 80th percentile' }),
  rulesUsed: z.array(
    z.object({ key: z.string(), title: z.string(), sources: z.array(source), reviewedOn: date, reviewBy: date, status: z.enum(policyStatuses), updatedAt: z.iso.datetime({ offset: true }).meta({ description: 'When the rule last changed' }) }),
  ),
})

export type GuidanceResponse = z.output<typeof guidanceResponseSchema>

export function guidanceResponse(hire: GuidanceResponse['hire'], guidance: Guidance): GuidanceResponse {
  return { hire, ...guidance }
}

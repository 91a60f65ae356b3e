import { z } from 'zod'
import { calendarDate, postcodeField } from '~/lib/schema-fields'
import { todayInAmsterdam } from '~/lib/dates'
import { minimumHourlyWage } from '~/modules/policy'
import type { MinimumWageData } from '~/modules/policy'
import { vacancyStatuses } from './workflow'

import { candidateStatuses, contractTypes, emptyVacancyFields, languageLevels, sectors, shiftKinds } from './options'

export { candidateStatuses, contractTypes, languageLevels, sectors, shiftKinds }

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { message: 'errors.invalidChoice' })
const wholeNumber = (min: number, max: number, rangeKey: 'errors.hoursRange' | 'errors.numberRange' = 'errors.numberRange') =>
  z.int({ message: 'errors.wholeNumber' }).min(min, rangeKey).max(max, rangeKey)
const optionalText = (max: number) => z.string({ message: 'errors.invalid' }).trim().max(max, 'errors.tooLong').nullable()

const postcode = postcodeField()

// format: date in the API document, and the same check as every other date.
const isoDate = calendarDate()

export const travelTimeSchema = z
  .object({
    receptionLocationId: z.uuid({ message: 'errors.invalid' }),
    minutes: wholeNumber(0, 300),
  })
  .strict()

/** Every field of a vacancy profile as the API names it (camelCase, money in cents). */
export const vacancyFieldsSchema = z
  .object({
    title: z.string({ message: 'errors.required' }).trim().min(3, 'errors.titleTooShort').max(200, 'errors.tooLong'),
    sector: choice(sectors).nullable(),
    tasks: optionalText(5000),
    address: optionalText(200),
    postcode: postcode.nullable(),
    municipality: optionalText(100),
    travelTimes: z.array(travelTimeSchema).max(20),
    hoursMin: wholeNumber(1, 48, 'errors.hoursRange').nullable(),
    hoursMax: wholeNumber(1, 48, 'errors.hoursRange').nullable(),
    contractType: choice(contractTypes).nullable(),
    contractMonths: wholeNumber(1, 60).nullable(),
    shifts: z.array(choice(shiftKinds)).max(shiftKinds.length),
    hourlyWageCents: wholeNumber(1, 100_000).nullable(),
    forWorkersUnder21: z.boolean({ message: 'errors.invalid' }),
    youngestAge: wholeNumber(15, 20).nullable(),
    startDate: isoDate.nullable(),
    positions: wholeNumber(1, 500).nullable(),
    englishLevel: choice(languageLevels).nullable(),
    dutchLevel: choice(languageLevels).nullable(),
    physicalDemands: optionalText(2000),
    requirements: optionalText(2000),
    candidateStatus: choice(candidateStatuses).nullable(),
    trialPlacementOffered: z.boolean({ message: 'errors.invalid' }),
    trialPlacementWeeks: wholeNumber(1, 26).nullable(),
  })
  .strict()

export type VacancyFields = z.output<typeof vacancyFieldsSchema>

export { emptyVacancyFields }

type Issue = { path: (string | number)[]; message: string; params?: Record<string, string | number> }

/**
 * The rules across fields, for drafts too: whatever is filled in must make sense. Submitting adds
 * completeness (requiredForSubmit). `today` is the Dutch date, passed in so rules are testable.
 */
export function crossFieldIssues(fields: VacancyFields, today: string): Issue[] {
  const issues: Issue[] = []
  if (fields.hoursMin !== null && fields.hoursMax !== null && fields.hoursMin > fields.hoursMax) {
    issues.push({ path: ['hoursMax'], message: 'errors.hoursOrder' })
  }
  if (fields.startDate !== null && fields.startDate < today) {
    issues.push({ path: ['startDate'], message: 'errors.startDateInPast' })
  }
  if (fields.forWorkersUnder21 && fields.youngestAge === null) {
    issues.push({ path: ['youngestAge'], message: 'errors.required' })
  }
  if (fields.trialPlacementOffered && fields.trialPlacementWeeks === null) {
    issues.push({ path: ['trialPlacementWeeks'], message: 'errors.required' })
  }
  if (fields.contractType === 'temporary' && fields.contractMonths === null) {
    issues.push({ path: ['contractMonths'], message: 'errors.required' })
  }
  const locations = fields.travelTimes.map((t) => t.receptionLocationId)
  if (new Set(locations).size !== locations.length) {
    issues.push({ path: ['travelTimes'], message: 'errors.duplicateLocation' })
  }
  return issues
}

const requiredForSubmit = [
  'sector',
  'tasks',
  'address',
  'postcode',
  'municipality',
  'hoursMin',
  'hoursMax',
  'contractType',
  'hourlyWageCents',
  'startDate',
  'positions',
  'englishLevel',
  'dutchLevel',
  'candidateStatus',
] as const satisfies (keyof VacancyFields)[]

/** What the intermediary needs before it can review: every field, and a travel time per location. */
/**
 * The wage against the statutory minimum on the start date, from the `minimum_wage` rule. When the
 * amounts of a passed indexation date are missing, the refusal says which period it used.
 */
export function wageIssues(fields: VacancyFields, today: string, minimumWage: MinimumWageData): Issue[] {
  if (fields.hourlyWageCents === null) return []
  const minimum = minimumHourlyWage(fields.startDate ?? today, fields.forWorkersUnder21 ? fields.youngestAge : null, minimumWage)
  if (!minimum || fields.hourlyWageCents >= minimum.hourlyCents) return []
  const youth = fields.forWorkersUnder21
  const message = minimum.newerDue
    ? youth
      ? 'errors.wageBelowYouthMinimumStale'
      : 'errors.wageBelowMinimumStale'
    : youth
      ? 'errors.wageBelowYouthMinimum'
      : 'errors.wageBelowMinimum'
  return [
    {
      path: ['hourlyWageCents'],
      message,
      params: { minimumCents: minimum.hourlyCents, sinceDate: minimum.period.effectiveFrom, age: minimum.age ?? 21, ...(minimum.newerDue ? { dueDate: minimum.newerDue } : {}) },
    },
  ]
}

export function submitIssues(fields: VacancyFields, receptionLocationIds: string[], today: string): Issue[] {
  const issues: Issue[] = requiredForSubmit
    .filter((field) => fields[field] === null || fields[field] === '')
    .map((field) => ({ path: [field], message: 'errors.requiredForSubmit' }))
  const given = new Set(fields.travelTimes.map((t) => t.receptionLocationId))
  for (const id of receptionLocationIds) {
    if (!given.has(id)) issues.push({ path: ['travelTimes', id], message: 'errors.requiredForSubmit' })
  }
  return [...issues, ...crossFieldIssues(fields, today)]
}

/** The full input schema: fields plus the cross-field rules, for create and update alike. */
export function vacancyInputSchema(today = todayInAmsterdam()) {
  return vacancyFieldsSchema.superRefine((fields, ctx) => {
    for (const issue of crossFieldIssues(fields, today)) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message, params: issue.params })
    }
  })
}

/** Creating needs a title; everything else may follow while it is a draft. */
export function vacancyCreateSchema(today = todayInAmsterdam()) {
  return vacancyFieldsSchema
    .partial()
    .required({ title: true })
    // Which of the employer's intermediaries reviews it; needed only when it works with several.
    .extend({ intermediaryOrganisationId: z.uuid({ message: 'errors.invalid' }).optional() })
    .strict()
    .transform(({ intermediaryOrganisationId, ...input }) => ({ fields: { ...emptyVacancyFields, ...input } as VacancyFields, intermediaryOrganisationId }))
    .superRefine((fields, ctx) => {
      for (const issue of crossFieldIssues(fields.fields, today)) {
        ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message, params: issue.params })
      }
    })
}
export type VacancyCreateInput = z.output<ReturnType<typeof vacancyCreateSchema>>

/** PATCH: any subset of the fields; merged with the stored vacancy, then checked as a whole. */
export const vacancyPatchSchema = vacancyFieldsSchema.partial().strict()
export type VacancyPatch = z.output<typeof vacancyPatchSchema>

export const vacancyReviewSchema = z.object({
  comment: z.string({ message: 'errors.required' }).trim().min(1, 'errors.required').max(2000, 'errors.tooLong'),
})

export const vacancyListFiltersSchema = z.object({
  status: choice(vacancyStatuses).optional(),
  sector: choice(sectors).optional(),
  municipality: z.string().trim().max(100, 'errors.tooLong').optional(),
  startFrom: isoDate.optional(),
  startTo: isoDate.optional(),
  limit: z.coerce.number({ message: 'errors.wholeNumber' }).int('errors.wholeNumber').min(1, 'errors.numberRange').max(100, 'errors.numberRange').default(25),
  cursor: z.string().max(200).optional(),
})
export type VacancyListFilters = z.output<typeof vacancyListFiltersSchema>

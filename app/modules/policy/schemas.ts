import { z } from 'zod'
import { calendarDate } from '~/lib/schema-fields'

// One schema per kind of rule: what an admin may save and what the evaluators may read. A rule
// whose data does not pass is not used (and is listed for review), never cast and hoped for.

import { policyKinds, policyStatuses, sourceKinds, type PolicyKind } from './kinds'

export { policyKinds, policyStatuses, sourceKinds, type PolicyKind }

const https = z
  .string()
  .trim()
  .max(1000, 'errors.tooLong')
  .refine((value) => {
    try {
      return new URL(value).protocol === 'https:'
    } catch {
      return false
    }
  }, 'errors.httpsUrl')

/**
 * Where a rule comes from. An official page, press or secondary source is verified only with an
 * https link and the date it was read; the pilot's report is cited by section (the employer has
 * the report, not our text file's line numbers); a Werkbrug assumption says so.
 */
export const sourceSchema = z
  .object({
    kind: z.enum(sourceKinds, { message: 'errors.invalidChoice' }),
    title: z.string().trim().min(1, 'errors.required').max(300, 'errors.tooLong'),
    url: https.nullable().default(null),
    section: z.string().trim().max(120, 'errors.tooLong').nullable().default(null),
    readOn: calendarDate().nullable().default(null),
    verified: z.boolean(),
  })
  .superRefine((source, ctx) => {
    if (source.kind === 'report' && !source.section) ctx.addIssue({ code: 'custom', path: ['section'], message: 'errors.required' })
    if (source.verified && source.kind !== 'report' && source.kind !== 'assumption') {
      if (!source.url) ctx.addIssue({ code: 'custom', path: ['url'], message: 'errors.verifiedNeedsUrl' })
      if (!source.readOn) ctx.addIssue({ code: 'custom', path: ['readOn'], message: 'errors.verifiedNeedsUrl' })
    }
    if (source.kind === 'assumption' && source.verified) ctx.addIssue({ code: 'custom', path: ['verified'], message: 'errors.invalidChoice' })
  })
export type PolicySource = z.output<typeof sourceSchema>

const residenceStatuses = z.array(z.enum(['asylum_seeker', 'status_holder'])).min(1)
const order = z.number().int().min(0).max(99)

const conditionData = z.object({
  months: z.number().int().min(1).max(24).optional(),
  // The announced shorter wait is for asylum seekers likely to be granted asylum, not for everyone.
  appliesTo: z.enum(['everyone', 'high_permit_chance']).default('everyone'),
}).strict()

export const stepOwners = ['employer', 'intermediary', 'uwv', 'coa', 'candidate', 'municipality'] as const
const stepData = z.object({
  paths: residenceStatuses,
  owner: z.enum(stepOwners),
  order,
  leadTime: z.string().regex(/^lead\.[a-z_]+$/).optional(),
  after: z.string().regex(/^step\.[a-z_]+$/).optional(),
  // A legal decision term: reminders go out when it has passed (the estimate is no deadline).
  decisionTermDays: z.number().int().min(1).max(365).optional(),
}).strict()

const documentData = z.object({ paths: residenceStatuses, order }).strict()

/** A row of a published table: cases finished within the bin, and cases still pending in it. */
export const leadTimeBinSchema = z
  .object({
    minDays: z.number().int().min(0).max(730),
    maxDays: z.number().int().min(0).max(730).nullable(),
    finished: z.number().int().min(0).max(100_000),
    pending: z.number().int().min(0).max(100_000),
  })
  .strict()
  .refine((bin) => bin.maxDays === null || bin.maxDays >= bin.minDays, { message: 'errors.hoursOrder', path: ['maxDays'] })
export type LeadTimeBin = z.output<typeof leadTimeBinSchema>

const leadTimeData = z.object({
  measuredOn: calendarDate(),
  // The N printed above the table, kept beside the rows so a mismatch stays visible.
  reportedN: z.number().int().min(0).nullable(),
  bins: z.array(leadTimeBinSchema).min(1).max(20),
}).strict()

export const riskSeverities = ['high', 'medium', 'info'] as const
const levels = z.array(z.enum(['good', 'reasonable', 'a_little', 'none']))
const trialStatuses = z.array(z.enum(['asylum_seeker', 'status_holder']))

const riskData = z.object({
  severity: z.enum(riskSeverities),
  mitigationNl: z.string().trim().min(1).max(2000),
  mitigationEn: z.string().trim().min(1).max(2000),
  // The sentence about this vacancy, with its {placeholders}; the body explains the rule itself.
  factNl: z.string().trim().max(1000).default(''),
  factEn: z.string().trim().max(1000).default(''),
  hoursThreshold: z.number().int().min(1).max(60).optional(),
  fullTimeHours: z.number().int().min(1).max(60).optional(),
  ratePerKmCents: z.number().int().min(0).max(1000).optional(),
  lateFromDays: z.number().int().min(0).max(60).optional(),
  dutchLevels: levels.optional(),
  trialFits: z
    .object({
      none: trialStatuses,
      probation: trialStatuses,
      internship: trialStatuses,
      municipal_trial: trialStatuses,
      uwv_proefplaatsing: trialStatuses,
    })
    .strict()
    .optional(),
}).strict()

const youth = z.object({ 15: z.number().int(), 16: z.number().int(), 17: z.number().int(), 18: z.number().int(), 19: z.number().int(), 20: z.number().int() })
export const minimumWagePeriodSchema = z.object({
  effectiveFrom: calendarDate(),
  adultHourlyCents: z.number().int().min(100).max(100_000),
  youthHourlyCents: youth,
}).strict()
const minimumWageData = z.object({
  // Indexation dates (month-day) on which a new period is due.
  indexedOn: z.array(z.string().regex(/^\d{2}-\d{2}$/)).min(1),
  periods: z.array(minimumWagePeriodSchema).min(1),
}).strict()

const parameterData = z.object({
  // The pilot's speeddate turnout: so many came of so many announced, over so many events.
  attended: z.number().int().min(0),
  announced: z.number().int().min(1),
  events: z.number().int().min(1),
}).strict()

const aftercareData = z.object({
  // Weeks after the first working day at which the intermediary checks in, ascending.
  checkInWeeks: z
    .array(z.number().int().min(1).max(104))
    .min(1)
    .max(10)
    .refine((weeks) => weeks.every((w, i) => i === 0 || w > weeks[i - 1]!), 'ascending, each week once'),
}).strict()

const retentionData = z.object({
  // Months without any activity after which a candidate's record is anonymised.
  inactiveMonths: z.number().int().min(6).max(120),
}).strict()

const holidayName = { nameNl: z.string().trim().min(1).max(80), nameEn: z.string().trim().min(1).max(80) }
const calendarData = z.object({
  // The public holidays: a fixed day of the year (King's Day moves to the Saturday before a
  // Sunday) or a number of days after Easter Sunday; sessions and start dates on them get a note.
  holidays: z
    .array(
      z.union([
        z.object({ ...holidayName, monthDay: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/, 'MM-DD'), ifSunday: z.literal('day_before').optional() }).strict(),
        z.object({ ...holidayName, easterOffset: z.number().int().min(-70).max(70) }).strict(),
      ]),
    )
    .max(30),
}).strict()

export const dataSchemas = {
  condition: conditionData,
  step: stepData,
  document: documentData,
  lead_time: leadTimeData,
  risk: riskData,
  minimum_wage: minimumWageData,
  parameter: parameterData,
  aftercare: aftercareData,
  retention: retentionData,
  calendar: calendarData,
} as const satisfies Record<PolicyKind, z.ZodType>

export type PolicyData = { [K in PolicyKind]: z.output<(typeof dataSchemas)[K]> }
export type MinimumWageData = PolicyData['minimum_wage']
export type MinimumWagePeriod = z.output<typeof minimumWagePeriodSchema>

/** The `{name}` placeholders in a text. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)
}

const text = (max: number) => z.string().trim().max(max, 'errors.tooLong')

/** The parts of a rule an admin edits; `data` arrives as JSON and is checked against the kind. */
export const ruleContentSchema = z.object({
  titleNl: text(300).min(1, 'errors.required'),
  titleEn: text(300).min(1, 'errors.required'),
  bodyNl: text(4000),
  bodyEn: text(4000),
  sources: z.array(sourceSchema).min(1, 'errors.sourceRequired').max(8),
  effectiveFrom: calendarDate().nullable(),
  effectiveTo: calendarDate().nullable(),
  reviewedOn: calendarDate(),
  reviewBy: calendarDate(),
  status: z.enum(policyStatuses, { message: 'errors.invalidChoice' }),
})
export type RuleContent = z.output<typeof ruleContentSchema>

/**
 * A whole rule checked: content, data by kind, and text without placeholders except in a risk's
 * fact sentence, where only the names the risk fills in may appear.
 */
export function validateRule(kind: PolicyKind, content: RuleContent, data: unknown, allowedFactParams: readonly string[] = []) {
  const issues: { path: (string | number)[]; message: string }[] = []
  const parsed = dataSchemas[kind].safeParse(data)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) issues.push({ path: ['data', ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], message: 'errors.invalidData' })
  }
  for (const field of ['titleNl', 'titleEn', 'bodyNl', 'bodyEn'] as const) {
    if (placeholdersOf(content[field]).length > 0) issues.push({ path: [field], message: 'errors.placeholderNotAllowed' })
  }
  if (content.effectiveFrom && content.effectiveTo && content.effectiveTo < content.effectiveFrom) {
    issues.push({ path: ['effectiveTo'], message: 'errors.endBeforeStart' })
  }
  if (content.reviewBy < content.reviewedOn) issues.push({ path: ['reviewBy'], message: 'errors.endBeforeStart' })
  if (parsed.success && kind === 'risk') {
    const risk = parsed.data as PolicyData['risk']
    for (const field of ['mitigationNl', 'mitigationEn'] as const) {
      if (placeholdersOf(risk[field]).length > 0) issues.push({ path: ['data', field], message: 'errors.placeholderNotAllowed' })
    }
    for (const field of ['factNl', 'factEn'] as const) {
      if (placeholdersOf(risk[field]).some((name) => !allowedFactParams.includes(name))) issues.push({ path: ['data', field], message: 'errors.placeholderNotAllowed' })
    }
  }
  return { issues, data: parsed.success ? parsed.data : null }
}

import { z } from 'zod'
import { calendarDate, emptyAsNull } from '~/lib/schema-fields'
import { referenceCodeField } from '~/modules/speeddates'
import { approachOutcomes, educationLevels, genders, municipalLinkages, notStartedReasons, residenceStatuses, stopReasons } from './categories'

const knownLanguageLevels = ['good', 'reasonable', 'a_little', 'none'] as const


/** The first day of the default period: the twelve months up to today, the pilot's review span. */
export function yearBefore(today: string): string {
  const date = new Date(`${today}T12:00:00Z`)
  date.setUTCDate(date.getUTCDate() - 364)
  return date.toISOString().slice(0, 10)
}

/** The report's period and location, from the query string; the default is the last twelve months. */
export const funnelQuerySchema = (today: string) =>
  z
    .object({
      from: z.preprocess((v) => (v === '' || v === undefined ? yearBefore(today) : v), calendarDate()),
      to: z.preprocess((v) => (v === '' || v === undefined ? today : v), calendarDate()),
      location: emptyAsNull(z.uuid({ message: 'errors.invalidChoice' })),
    })
    .superRefine((q, ctx) => {
      if (q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'errors.endBeforeStart' })
    })

const count = z.coerce.number({ message: 'errors.wholeNumber' }).int('errors.wholeNumber').min(0, 'errors.wholeNumber').max(1_000_000, 'errors.wholeNumber')

export const targetGroupFormSchema = z.object({
  receptionLocationId: z.uuid({ message: 'errors.invalidChoice' }),
  referenceDate: calendarDate(),
  residents: emptyAsNull(count),
  statusHolders: count,
  asylumSeekers: count,
})

export const approachFormSchema = z.object({
  organisationName: z.string({ message: 'errors.required' }).trim().min(1, 'errors.required').max(200, 'errors.tooLong'),
  approachedOn: calendarDate(),
  outcome: z.enum(approachOutcomes, { message: 'errors.invalidChoice' }),
  note: emptyAsNull(z.string().trim().max(500, 'errors.tooLong')),
})

/**
 * How a match ended, as the intermediary records it: still open (waiting, or working once the
 * first working day is ticked), stopped after working, or never started. Blank fields of the
 * other outcomes are ignored, so the form round-trips.
 */
export const matchOutcomeSchema = z
  .object({
    outcome: z.enum(['open', 'stopped', 'not_started'], { message: 'errors.invalidChoice' }),
    endedOn: emptyAsNull(calendarDate()),
    stopReason: emptyAsNull(z.enum(stopReasons, { message: 'errors.invalidChoice' })),
    notStartedOn: emptyAsNull(calendarDate()),
    notStartedReason: emptyAsNull(z.enum(notStartedReasons, { message: 'errors.invalidChoice' })),
    outcomeNote: emptyAsNull(z.string().trim().max(500, 'errors.tooLong')),
  })
  .superRefine((o, ctx) => {
    const required = (path: string) => ctx.addIssue({ code: 'custom', path: [path], message: 'errors.required' })
    if (o.outcome === 'stopped' && o.endedOn === null) required('endedOn')
    if (o.outcome === 'stopped' && o.stopReason === null) required('stopReason')
    if (o.outcome === 'not_started' && o.notStartedOn === null) required('notStartedOn')
    if (o.outcome === 'not_started' && o.notStartedReason === null) required('notStartedReason')
  })
  .transform((o) => ({
    outcome: o.outcome,
    endedOn: o.outcome === 'stopped' ? o.endedOn : null,
    stopReason: o.outcome === 'stopped' ? o.stopReason : null,
    notStartedOn: o.outcome === 'not_started' ? o.notStartedOn : null,
    notStartedReason: o.outcome === 'not_started' ? o.notStartedReason : null,
    outcomeNote: o.outcome === 'open' ? null : o.outcomeNote,
  }))
export type MatchOutcomeInput = z.output<typeof matchOutcomeSchema>

/** An aftercare check-in as the intermediary records it. */
export const checkInSchema = z.object({
  week: z.coerce.number({ message: 'errors.invalidChoice' }).int('errors.invalidChoice').min(1, 'errors.invalidChoice').max(104, 'errors.invalidChoice'),
  doneOn: calendarDate(),
  howItGoes: emptyAsNull(z.string().trim().max(1000, 'errors.tooLong')),
  dropoutRisk: z.enum(['low', 'medium', 'high'], { message: 'errors.invalidChoice' }),
  agreed: emptyAsNull(z.string().trim().max(1000, 'errors.tooLong')),
})
export type CheckInInput = z.output<typeof checkInSchema>

const optionalText = (max: number) => emptyAsNull(z.string().trim().max(max, 'errors.tooLong'))
const optionalDay = emptyAsNull(calendarDate())
const unknownWhenEmpty = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' || v === undefined ? 'unknown' : v), z.enum(values, { message: 'errors.invalidChoice' }))

/**
 * The intake as the intermediary records it (report §3.1's categories). Only the reference code
 * is required; everything else may be unknown. A form sent back unchanged changes nothing.
 */
export const candidateIntakeSchema = z
  .object({
    referenceCode: referenceCodeField(),
    firstName: optionalText(60),
    receptionLocationId: emptyAsNull(z.uuid({ message: 'errors.invalidChoice' })),
    residenceStatus: unknownWhenEmpty(residenceStatuses),
    gender: unknownWhenEmpty(genders),
    educationLevel: unknownWhenEmpty(educationLevels),
    englishLevel: emptyAsNull(z.enum(knownLanguageLevels, { message: 'errors.invalidChoice' })),
    dutchLevel: emptyAsNull(z.enum(knownLanguageLevels, { message: 'errors.invalidChoice' })),
    municipalLinkage: unknownWhenEmpty(municipalLinkages),
    linkedMunicipality: optionalText(120),
    intakeDate: optionalDay,
    hoursWanted: emptyAsNull(z.coerce.number({ message: 'errors.wholeNumber' }).int('errors.wholeNumber').min(1, 'errors.hoursRange').max(48, 'errors.hoursRange')),
    languages: optionalText(200),
    experience: optionalText(300),
    skills: optionalText(300),
    movedOutOn: optionalDay,
    consentPurpose: optionalText(300),
    consentGivenOn: optionalDay,
    consentWithdrawnOn: optionalDay,
  })
  .superRefine((c, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
    if (c.linkedMunicipality !== null && c.municipalLinkage !== 'yes') issue('linkedMunicipality', 'errors.municipalityWithoutLinkage')
    if (c.movedOutOn !== null && c.intakeDate !== null && c.movedOutOn < c.intakeDate) issue('movedOutOn', 'errors.endBeforeStart')
    if (c.consentWithdrawnOn !== null && c.consentGivenOn === null) issue('consentGivenOn', 'errors.required')
    if (c.consentWithdrawnOn !== null && c.consentGivenOn !== null && c.consentWithdrawnOn < c.consentGivenOn) issue('consentWithdrawnOn', 'errors.endBeforeStart')
    if (c.consentGivenOn !== null && c.consentPurpose === null) issue('consentPurpose', 'errors.required')
  })
export type CandidateIntakeInput = z.output<typeof candidateIntakeSchema>

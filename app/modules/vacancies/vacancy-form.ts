import { centsToFormValue, parseEuroCents } from '~/lib/money'
import type { FieldErrors } from '~/lib/forms'
import { emptyVacancyFields, shiftKinds } from './options'
import type { VacancyFields } from './vacancies.schema'

// The portal form speaks euros and one input per reception location; the module speaks the API's
// shape (cents, travelTimes array). These two functions translate, and map errors back to inputs.

const numberFields = ['hoursMin', 'hoursMax', 'contractMonths', 'youngestAge', 'positions', 'trialPlacementWeeks'] as const
const textFields = ['tasks', 'address', 'postcode', 'municipality', 'physicalDemands', 'requirements', 'startDate'] as const
const choiceFields = ['sector', 'contractType', 'englishLevel', 'dutchLevel', 'candidateStatus'] as const

export const travelField = (locationId: string) => `travel-${locationId}`

export type FormInput = { input: Record<string, unknown>; preErrors: FieldErrors }

/** Form values (strings) → the API's input shape; unreadable amounts become errors up front. */
export function formToVacancyInput(values: Record<string, string>, shifts: string[], locationIds: string[]): FormInput {
  const preErrors: FieldErrors = {}
  const input: Record<string, unknown> = { title: values.title ?? '' }
  for (const field of textFields) input[field] = blankToNull(values[field])
  for (const field of choiceFields) input[field] = blankToNull(values[field])
  for (const field of numberFields) input[field] = toNumber(values[field])
  input.shifts = shifts.filter((s) => (shiftKinds as readonly string[]).includes(s))
  input.forWorkersUnder21 = values.forWorkersUnder21 === 'on'
  input.trialPlacementOffered = values.trialPlacementOffered === 'on'
  // Only the new-vacancy form asks which intermediary, and only of an employer with several.
  if (values.intermediaryOrganisationId) input.intermediaryOrganisationId = values.intermediaryOrganisationId
  const wage = parseEuroCents(values.hourlyWage)
  if (wage === undefined) preErrors.hourlyWage = { key: 'errors.amountInvalid' }
  else input.hourlyWageCents = wage
  input.travelTimes = locationIds
    .map((id) => ({ receptionLocationId: id, minutes: toNumber(values[travelField(id)]) }))
    .filter((t) => t.minutes !== null)
  return { input, preErrors }
}

/** A module error's field → the form input that shows it. */
export function formFieldOf(field: string, input: Record<string, unknown>): string {
  if (field === 'hourlyWageCents') return 'hourlyWage'
  const byIndex = /^travelTimes\.(\d+)\./.exec(field)
  if (byIndex) {
    const travel = (input.travelTimes as { receptionLocationId: string }[])[Number(byIndex[1])]
    return travel ? travelField(travel.receptionLocationId) : 'travelTimes'
  }
  const byLocation = /^travelTimes\.([0-9a-f-]{36})$/.exec(field)
  if (byLocation) return travelField(byLocation[1]!)
  return field
}

export function toFormErrors(errors: FieldErrors, input: Record<string, unknown>): FieldErrors {
  const mapped: FieldErrors = {}
  for (const [field, message] of Object.entries(errors)) mapped[formFieldOf(field, input)] ??= message
  return mapped
}

/** A stored vacancy → the strings the form shows. */
export function vacancyToFormValues(fields: VacancyFields): Record<string, string> {
  const values: Record<string, string> = { title: fields.title }
  for (const field of [...textFields, ...choiceFields]) values[field] = (fields[field] as string | null) ?? ''
  for (const field of numberFields) values[field] = fields[field] === null ? '' : String(fields[field])
  values.hourlyWage = centsToFormValue(fields.hourlyWageCents)
  if (fields.forWorkersUnder21) values.forWorkersUnder21 = 'on'
  if (fields.trialPlacementOffered) values.trialPlacementOffered = 'on'
  for (const t of fields.travelTimes) values[travelField(t.receptionLocationId)] = String(t.minutes)
  return values
}

export const blankVacancyForm = vacancyToFormValues({ ...emptyVacancyFields, title: '' })

function blankToNull(value: string | undefined): string | null {
  const trimmed = (value ?? '').trim()
  return trimmed === '' ? null : trimmed
}

function toNumber(value: string | undefined): number | string | null {
  const trimmed = (value ?? '').trim()
  if (trimmed === '') return null
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed
}

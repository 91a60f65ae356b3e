import type { VacancyFields } from './vacancies.schema'

// The choices of a vacancy profile, without the schema (zod) around them: the browser needs the
// lists for the form's options, not the validator, which stays on the server.
export const sectors = ['logistics', 'hospitality', 'cleaning', 'retail', 'production', 'care', 'ict', 'other'] as const
export const contractTypes = ['permanent', 'temporary', 'agency', 'on_call'] as const
export const languageLevels = ['good', 'reasonable', 'a_little', 'none'] as const
export const candidateStatuses = ['asylum_seekers_welcome', 'status_holders_only'] as const
export const shiftKinds = ['day', 'evening', 'night', 'weekend', 'rotating'] as const

export const emptyVacancyFields: Omit<VacancyFields, 'title'> = {
  sector: null,
  tasks: null,
  address: null,
  postcode: null,
  municipality: null,
  travelTimes: [],
  hoursMin: null,
  hoursMax: null,
  contractType: null,
  contractMonths: null,
  shifts: [],
  hourlyWageCents: null,
  forWorkersUnder21: false,
  youngestAge: null,
  startDate: null,
  positions: null,
  englishLevel: null,
  dutchLevel: null,
  physicalDemands: null,
  requirements: null,
  candidateStatus: null,
  trialPlacementOffered: false,
  trialPlacementWeeks: null,
}

/** "16–24 uur", or "16 uur" when the range is one number (not "16–16 uur"). */
export function hoursLabel(t: (key: 'vacancy.hoursRange' | 'vacancy.hoursExact', params: Record<string, number>) => string, min: number, max: number): string {
  return min === max ? t('vacancy.hoursExact', { hours: min }) : t('vacancy.hoursRange', { min, max })
}

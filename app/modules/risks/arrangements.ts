export const travelModes = ['public_transport', 'employer_van', 'shuttle', 'bicycle', 'none_needed'] as const
export const payers = ['employer', 'municipality', 'intermediary', 'shared'] as const
export const paymentMoments = ['in_advance', 'weekly', 'monthly', 'after_claim'] as const
export const coachProviders = ['municipality', 'employer', 'intermediary', 'other'] as const
export const languageSupports = ['none', 'on_the_job', 'course_english', 'course_dutch'] as const
export const trialKinds = ['none', 'probation', 'internship', 'municipal_trial', 'uwv_proefplaatsing'] as const

export type Arrangements = {
  travelMode: (typeof travelModes)[number] | null
  travelPayer: (typeof payers)[number] | null
  travelAmountCents: number | null
  travelAmountUnit: 'per_day' | 'per_km' | null
  travelPaid: (typeof paymentMoments)[number] | null
  travelPaidDaysAfter: number | null
  travelDistanceKm: number | null
  travelFareCentsPerDay: number | null
  coachProvider: (typeof coachProviders)[number] | null
  coachHoursPerWeek: number | null
  coachWeeks: number | null
  coachContact: string | null
  languageSupport: (typeof languageSupports)[number] | null
  languagePayer: (typeof payers)[number] | null
  trialKind: (typeof trialKinds)[number] | null
}

export const emptyArrangements: Arrangements = {
  travelMode: null,
  travelPayer: null,
  travelAmountCents: null,
  travelAmountUnit: null,
  travelPaid: null,
  travelPaidDaysAfter: null,
  travelDistanceKm: null,
  travelFareCentsPerDay: null,
  coachProvider: null,
  coachHoursPerWeek: null,
  coachWeeks: null,
  coachContact: null,
  languageSupport: null,
  languagePayer: null,
  trialKind: null,
}

export type ResidenceStatus = 'asylum_seeker' | 'status_holder'

/**
 * Which trial arrangements fit which status. UWV proefplaatsing needs a UWV benefit, which
 * asylum seekers in an azc do not have; a municipal trial placement is for status holders.
 */
export const trialFits: Record<(typeof trialKinds)[number], ResidenceStatus[]> = {
  none: ['asylum_seeker', 'status_holder'],
  probation: ['asylum_seeker', 'status_holder'],
  internship: ['asylum_seeker', 'status_holder'],
  municipal_trial: ['status_holder'],
  uwv_proefplaatsing: [],
}

/** Daily commuting cost: the fare the user entered, or return distance at the tax-free rate. */
export function estimatedDailyTravelCents(a: Arrangements, ratePerKmCents: number): number | null {
  if (a.travelFareCentsPerDay !== null) return a.travelFareCentsPerDay
  if (a.travelDistanceKm !== null) return a.travelDistanceKm * 2 * ratePerKmCents
  return null
}

/** What the arrangement pays per day, or everything when transport itself is arranged. */
export function coveredDailyTravelCents(a: Arrangements, estimated: number | null): number | null {
  if (a.travelMode === 'employer_van' || a.travelMode === 'shuttle' || a.travelMode === 'none_needed' || a.travelMode === 'bicycle') return estimated ?? 0
  if (a.travelAmountCents === null) return 0
  if (a.travelAmountUnit === 'per_km') return a.travelDistanceKm === null ? null : a.travelAmountCents * a.travelDistanceKm * 2
  return a.travelAmountCents
}

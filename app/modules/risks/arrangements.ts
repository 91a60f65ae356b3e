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
 * Daily commuting cost. A public-transport fare the user entered is the actual cost (reimbursable
 * tax-free in full); without one the cost is unknown. For other transport only the tax-free
 * maximum per km can be computed, which is a ceiling, not an estimate of what travel costs.
 */
export function dailyTravelEstimate(a: Arrangements, ratePerKmCents: number): { cents: number | null; basis: 'fare' | 'distance_cap' | 'unknown' } {
  if (a.travelFareCentsPerDay !== null) return { cents: a.travelFareCentsPerDay, basis: 'fare' }
  if (a.travelMode !== 'public_transport' && a.travelDistanceKm !== null) return { cents: a.travelDistanceKm * 2 * ratePerKmCents, basis: 'distance_cap' }
  return { cents: null, basis: 'unknown' }
}

/** What the arrangement pays per day, or everything when transport itself is arranged. */
export function coveredDailyTravelCents(a: Arrangements, estimated: number | null): number | null {
  if (a.travelMode === 'employer_van' || a.travelMode === 'shuttle' || a.travelMode === 'none_needed' || a.travelMode === 'bicycle') return estimated ?? 0
  if (a.travelAmountCents === null) return 0
  if (a.travelAmountUnit === 'per_km') return a.travelDistanceKm === null ? null : a.travelAmountCents * a.travelDistanceKm * 2
  return a.travelAmountCents
}

// Statutory minimum hourly wage (Wet minimumloon en minimumvakantiebijslag), gross, in cents.
// Law as data: each period has its source and the date we last checked it. Add the next period
// when it is published (1 January and 1 July); the rule below picks the one in force.

export type MinimumWagePeriod = {
  effectiveFrom: string // ISO date
  adultHourlyCents: number // 21 years and older
  /** Youth minimum per age (15–20), as published. */
  youthHourlyCents: Record<15 | 16 | 17 | 18 | 19 | 20, number>
  source: string
  reviewedOn: string
}

export const minimumWagePeriods: MinimumWagePeriod[] = [
  {
    effectiveFrom: '2025-07-01',
    adultHourlyCents: 1440,
    // Youth amounts computed from the statutory percentages (30, 34.5, 39.5, 50, 60, 80 %).
    youthHourlyCents: { 15: 432, 16: 497, 17: 569, 18: 720, 19: 864, 20: 1152 },
    source: 'Rijksoverheid, "Bedragen minimumloon 2025", per 1 juli 2025 (youth: computed from the WML percentages)',
    reviewedOn: '2026-11-27',
  },
  {
    effectiveFrom: '2026-01-01',
    adultHourlyCents: 1471,
    youthHourlyCents: { 15: 441, 16: 507, 17: 581, 18: 736, 19: 883, 20: 1177 },
    source: 'Rijksoverheid, "Bedragen minimumloon 2026", per 1 januari 2026',
    reviewedOn: '2026-11-27',
  },
]

export type AppliedMinimumWage = { hourlyCents: number; period: MinimumWagePeriod; age: number | null }

/**
 * The minimum that applies on a start date: the adult rate, or for a vacancy aimed at workers
 * under 21 the youth rate for the youngest age it accepts. Returns null before our first period.
 */
export function minimumHourlyWage(
  startDate: string,
  youngestAge: number | null,
  periods: MinimumWagePeriod[] = minimumWagePeriods,
): AppliedMinimumWage | null {
  const period = periods
    .filter((p) => p.effectiveFrom <= startDate)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0]
  if (!period) return null
  if (youngestAge !== null && youngestAge >= 15 && youngestAge <= 20) {
    const age = youngestAge as keyof MinimumWagePeriod['youthHourlyCents']
    return { hourlyCents: period.youthHourlyCents[age], period, age }
  }
  return { hourlyCents: period.adultHourlyCents, period, age: null }
}

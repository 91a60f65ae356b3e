import type { MinimumWageData, MinimumWagePeriod } from './schemas'

// Statutory minimum hourly wage (Wet minimumloon en minimumvakantiebijslag), gross, in cents, from
// the `minimum_wage` rule. It is indexed on fixed dates; when one has passed without new amounts,
// the check still uses the last known period (the minimum only rises, so a wage below it is below
// the real one too) but says so, and never presents the old amount as current.

export type AppliedMinimumWage = {
  hourlyCents: number
  period: MinimumWagePeriod
  age: number | null
  /** The indexation date whose amounts are missing, when the period used is not the latest due. */
  newerDue: string | null
}

/** The first indexation date after `from`, in the yyyy-mm-dd of the following dates. */
export function nextIndexation(from: string, indexedOn: readonly string[]): string {
  const year = Number(from.slice(0, 4))
  const candidates = [year, year + 1].flatMap((y) => indexedOn.map((md) => `${y}-${md}`)).sort()
  return candidates.find((d) => d > from)!
}

/**
 * The minimum on a start date: the adult rate, or for a vacancy aimed at workers under 21 the
 * youth rate for the youngest age it accepts. Null before the first known period.
 */
export function minimumHourlyWage(startDate: string, youngestAge: number | null, data: MinimumWageData): AppliedMinimumWage | null {
  const period = data.periods.filter((p) => p.effectiveFrom <= startDate).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0]
  if (!period) return null
  const due = nextIndexation(period.effectiveFrom, data.indexedOn)
  const newerDue = due <= startDate ? due : null
  if (youngestAge !== null && youngestAge >= 15 && youngestAge <= 20) {
    const age = youngestAge as keyof MinimumWagePeriod['youthHourlyCents']
    return { hourlyCents: period.youthHourlyCents[age], period, age, newerDue }
  }
  return { hourlyCents: period.adultHourlyCents, period, age: null, newerDue }
}

/** The indexation date that has passed on `today` without amounts entered, if any. */
export function minimumWageDue(data: MinimumWageData, today: string): string | null {
  const latest = [...data.periods].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0]
  if (!latest) return null
  const due = nextIndexation(latest.effectiveFrom, data.indexedOn)
  return due <= today ? due : null
}

/** A policy rule as stored (policy_rules), in the shape the pure functions read. */
export type PolicyRule = {
  key: string
  kind: string
  titleNl: string
  titleEn: string
  bodyNl: string
  bodyEn: string
  source: string
  effectiveFrom: string | null
  effectiveTo: string | null
  reviewedOn: string
  status: 'in_force' | 'announced' | 'struck_down'
  data: Record<string, unknown>
}

/** In force on a date: marked in force, and the date within its validity. */
export function inForce(rule: PolicyRule, date: string): boolean {
  if (rule.status !== 'in_force') return false
  if (rule.effectiveFrom && rule.effectiveFrom > date) return false
  if (rule.effectiveTo && rule.effectiveTo <= date) return false
  return true
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

export function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T12:00:00Z`)
  const day = d.getUTCDate()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() + months)
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()
  d.setUTCDate(Math.min(day, last))
  return d.toISOString().slice(0, 10)
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000)
}

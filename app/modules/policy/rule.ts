import type { PolicyData, PolicyKind, PolicySource } from './schemas'

export type PolicyStatus = 'in_force' | 'announced' | 'struck_down'

/**
 * A policy rule as stored (policy_rules) and validated against its kind's schema: the text in both
 * languages, where it comes from, when it applies and when it must be looked at again.
 */
export type PolicyRule<K extends PolicyKind = PolicyKind> = {
  key: string
  kind: K
  titleNl: string
  titleEn: string
  bodyNl: string
  bodyEn: string
  sources: PolicySource[]
  effectiveFrom: string | null
  effectiveTo: string | null
  reviewedOn: string
  reviewBy: string
  status: PolicyStatus
  data: PolicyData[K]
  updatedAt: string
}

export type AnyPolicyRule = { [K in PolicyKind]: PolicyRule<K> }[PolicyKind]

/** In force on a date: marked in force, and the date within its validity. */
export function inForce(rule: Pick<PolicyRule, 'status' | 'effectiveFrom' | 'effectiveTo'>, date: string): boolean {
  if (rule.status !== 'in_force') return false
  if (rule.effectiveFrom && rule.effectiveFrom > date) return false
  if (rule.effectiveTo && rule.effectiveTo <= date) return false
  return true
}

/** The rule of a key and kind, typed; undefined when the data has no such rule. */
export function ruleOf<K extends PolicyKind>(rules: readonly AnyPolicyRule[], key: string, kind: K): PolicyRule<K> | undefined {
  const rule = rules.find((r) => r.key === key)
  return rule && rule.kind === kind ? (rule as PolicyRule<K>) : undefined
}

export function rulesOfKind<K extends PolicyKind>(rules: readonly AnyPolicyRule[], kind: K): PolicyRule<K>[] {
  return rules.filter((r): r is PolicyRule<K> & AnyPolicyRule => r.kind === kind) as PolicyRule<K>[]
}

export function localised(rule: Pick<PolicyRule, 'titleNl' | 'titleEn' | 'bodyNl' | 'bodyEn'>, locale: 'nl' | 'en') {
  return locale === 'nl' ? { title: rule.titleNl, body: rule.bodyNl } : { title: rule.titleEn, body: rule.bodyEn }
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

import { parameterDefaults } from './defaults-parameters'
import { riskDefaults } from './defaults-risks'
import { twvDefaults, type PolicyDefault } from './defaults-twv'
import { factParamsOfRule } from './risk-codes'
import type { AnyPolicyRule } from './rule'
import { sourceSchema, validateRule } from './schemas'

export const policyDefaults: PolicyDefault[] = [...twvDefaults, ...riskDefaults, ...parameterDefaults]

/**
 * The defaults as the evaluators read them, each checked against its kind's schema exactly as a
 * stored rule is — so a default that would not pass an admin's save fails here, loudly.
 */
export function rulesFromDefaults(defaults: readonly PolicyDefault[] = policyDefaults, updatedAt = '2026-11-27T00:00:00.000Z'): AnyPolicyRule[] {
  return defaults.map((d) => {
    const content = {
      titleNl: d.titleNl,
      titleEn: d.titleEn,
      bodyNl: d.bodyNl,
      bodyEn: d.bodyEn,
      sources: d.sources.map((s) => sourceSchema.parse(s)),
      effectiveFrom: d.effectiveFrom ?? null,
      effectiveTo: d.effectiveTo ?? null,
      reviewedOn: d.reviewedOn,
      reviewBy: d.reviewBy,
      status: d.status,
    }
    const checked = validateRule(d.kind, content, d.data, factParamsOfRule(d.key))
    if (checked.issues.length > 0 || !checked.data) throw new Error(`default rule ${d.key} does not validate: ${JSON.stringify(checked.issues)}`)
    return { ...content, key: d.key, kind: d.kind, data: checked.data, updatedAt } as AnyPolicyRule
  })
}

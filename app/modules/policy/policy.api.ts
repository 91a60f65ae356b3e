import type { Locale } from '~/lib/i18n'
import type { AnyPolicyRule } from './rule'

/**
 * A rule as the public API serves it: the words in the requested language, its sources, dates
 * and status, and its data (numbers, tables) without the texts already given in that language.
 */
export function ruleForApi(rule: AnyPolicyRule, locale: Locale, lastChangedAt: string | null) {
  const nl = locale === 'nl'
  const { mitigationNl, mitigationEn, factNl, factEn, ...riskData } = rule.kind === 'risk' ? rule.data : ({} as Record<string, unknown>)
  return {
    key: rule.key,
    kind: rule.kind,
    title: nl ? rule.titleNl : rule.titleEn,
    body: nl ? rule.bodyNl : rule.bodyEn,
    ...(rule.kind === 'risk' ? { mitigation: nl ? mitigationNl : mitigationEn, factTemplate: (nl ? factNl : factEn) || null } : {}),
    status: rule.status,
    effectiveFrom: rule.effectiveFrom,
    effectiveTo: rule.effectiveTo,
    reviewedOn: rule.reviewedOn,
    reviewBy: rule.reviewBy,
    lastChangedAt: lastChangedAt ?? rule.updatedAt,
    sources: rule.sources,
    data: rule.kind === 'risk' ? riskData : rule.data,
  }
}

export type PolicyRuleResponse = ReturnType<typeof ruleForApi>

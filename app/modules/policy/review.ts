import { minimumWageDue } from './minimum-wage'
import { ruleOf, type AnyPolicyRule } from './rule'

export type ReviewReason = 'review_by_passed' | 'announced_start_passed' | 'minimum_wage_due' | 'invalid'
export type ReviewItem = { key: string; reason: ReviewReason; since: string | null }

/**
 * What the admin must look at: rules past their review-by date, announced rules whose start date
 * has passed (did it take effect?), a minimum-wage indexation without amounts, and rules whose
 * stored data no longer validates (they are not used until fixed).
 */
export function reviewDue(rules: readonly AnyPolicyRule[], invalidKeys: readonly string[], today: string): ReviewItem[] {
  const items: ReviewItem[] = invalidKeys.map((key) => ({ key, reason: 'invalid', since: null }))
  for (const rule of rules) {
    if (rule.reviewBy < today) items.push({ key: rule.key, reason: 'review_by_passed', since: rule.reviewBy })
    if (rule.status === 'announced' && rule.effectiveFrom && rule.effectiveFrom <= today) {
      items.push({ key: rule.key, reason: 'announced_start_passed', since: rule.effectiveFrom })
    }
  }
  const wage = ruleOf(rules, 'minimum_wage', 'minimum_wage')
  const due = wage ? minimumWageDue(wage.data, today) : null
  if (due) items.push({ key: 'minimum_wage', reason: 'minimum_wage_due', since: due })
  return items
}

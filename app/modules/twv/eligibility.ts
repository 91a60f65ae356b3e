import { addMonths, inForce, rulesOfKind, type AnyPolicyRule } from '~/modules/policy'

export type EligibilityFacts = {
  isAdult: boolean | null
  asylumApplicationDate: string | null
  wDocumentValidUntil: string | null
  dublinClaimant: boolean | null
  medicalResidenceGround: boolean | null
  /** "Kansrijk": likely to be granted asylum, as COA tells the intermediary. Null: not known. */
  permitChance: 'high' | 'low' | null
}

export type ConditionState = 'met' | 'not_met' | 'unknown'
export type ConditionResult = { key: string; state: ConditionState; from?: string }
export type Eligibility = { eligible: boolean | null; conditions: ConditionResult[]; eligibleFrom?: string }

/**
 * Whether an asylum seeker may work for a TWV on `today`, condition by condition. A condition
 * we know nothing about is 'unknown' (the intermediary asks COA); the whole is eligible only when
 * every condition is met. Where waiting is the only obstacle, `eligibleFrom` says until when.
 */
export function evaluateEligibility(facts: EligibilityFacts, rules: readonly AnyPolicyRule[], today: string): Eligibility {
  // A shorter period meant for people likely to be granted asylum counts only for them: with the
  // chance unknown, the general period applies.
  const periods = rulesOfKind(rules, 'condition')
    .filter((r) => r.key.startsWith('condition.application_period') && inForce(r, today))
    .filter((r) => r.data.appliesTo === 'everyone' || facts.permitChance === 'high')
    .map((r) => r.data.months)
    .filter((m): m is number => m !== undefined)
  const months = periods.length > 0 ? Math.min(...periods) : 6

  const conditions: ConditionResult[] = [
    { key: 'condition.adult', state: fromBoolean(facts.isAdult) },
    applicationPeriod(facts.asylumApplicationDate, months, today),
    {
      key: 'condition.w_document',
      state: facts.wDocumentValidUntil === null ? 'unknown' : facts.wDocumentValidUntil >= today ? 'met' : 'not_met',
    },
    { key: 'condition.not_dublin', state: fromBoolean(facts.dublinClaimant === null ? null : !facts.dublinClaimant) },
    { key: 'condition.no_medical_ground', state: fromBoolean(facts.medicalResidenceGround === null ? null : !facts.medicalResidenceGround) },
  ]
  const notMet = conditions.filter((c) => c.state === 'not_met')
  const eligible = notMet.length > 0 ? false : conditions.every((c) => c.state === 'met') ? true : null
  const onlyWaiting = notMet.length === 1 && notMet[0]!.key === 'condition.application_period'
  return { eligible, conditions, eligibleFrom: onlyWaiting ? notMet[0]!.from : undefined }
}

function applicationPeriod(applied: string | null, months: number, today: string): ConditionResult {
  if (applied === null) return { key: 'condition.application_period', state: 'unknown' }
  const from = addMonths(applied, months)
  return { key: 'condition.application_period', state: from <= today ? 'met' : 'not_met', from }
}

function fromBoolean(value: boolean | null): ConditionState {
  return value === null ? 'unknown' : value ? 'met' : 'not_met'
}

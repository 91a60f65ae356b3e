import type { Locale } from '~/lib/i18n'
import type { AnyPolicyRule } from '~/modules/policy'
import { localised, ruleOf } from '~/modules/policy'
import { evaluateRisks, type Risk, type RiskCode } from '~/modules/risks'
import { buildGuidance, plannedStart, type ExpectedStart, type Guidance } from '~/modules/twv'
import { asVacancyFields, type ScanAnswers } from './scan.schema'

/**
 * Risks whose facts the scan does not ask: the Dutch the job needs (job coach), a trial placement,
 * and what is arranged (travel costs are judged as if nothing is arranged yet, which is what the
 * scan knows). They are listed as "not known", never as "no risk".
 */
export const notAskedRisks: { code: RiskCode; field: 'dutchLevel' | 'trialPlacement' | 'arrangements' }[] = [
  { code: 'no-job-coach', field: 'dutchLevel' },
  { code: 'trial-arrangement-mismatch', field: 'trialPlacement' },
]

export type ScanResult = {
  risks: Risk[]
  notAsked: { code: RiskCode; title: string; field: string }[]
  paths: { path: 'asylum_seeker' | 'status_holder'; steps: Guidance['steps']; documents: Guidance['documents']; expected: ExpectedStart | null }[]
  rulesUsed: Guidance['rulesUsed']
}

/**
 * What a job described in the scan means for an employer: the same evaluator and rules as a
 * vacancy (the scan's answers are a vacancy's fields), the steps of both paths and who takes
 * them, and the first working day the lead times make realistic.
 */
export function evaluateScan(answers: ScanAnswers, rules: readonly AnyPolicyRule[], today: string, locale: Locale): ScanResult {
  const vacancy = asVacancyFields(answers)
  const risks = evaluateRisks({ vacancy, arrangements: null, date: today, rules, locale })
  const blank = { hasBsn: null, createdOn: today, isAdult: null, asylumApplicationDate: null, wDocumentValidUntil: null, dublinClaimant: null, medicalResidenceGround: null, permitChance: null }
  const paths = (['asylum_seeker', 'status_holder'] as const).map((path) => {
    const guidance = buildGuidance({ hire: { ...blank, residenceStatus: path }, rules, done: {}, today, own: {}, locale })
    return { path, steps: guidance.steps, documents: guidance.documents, expected: plannedStart(path, rules, today), rulesUsed: guidance.rulesUsed }
  })
  const rulesUsed = new Map(paths.flatMap((p) => p.rulesUsed).map((r) => [r.key, r]))
  return {
    risks,
    notAsked: notAskedRisks.flatMap(({ code, field }) => {
      const rule = ruleOf(rules, `risk.${code}`, 'risk')
      return rule ? [{ code, field, title: localised(rule, locale).title }] : []
    }),
    paths: paths.map(({ rulesUsed: _, ...p }) => p),
    rulesUsed: [...rulesUsed.values()],
  }
}

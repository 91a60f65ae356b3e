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
  paths: {
    path: 'asylum_seeker' | 'status_holder'
    /** Where "who can do the job" on this path comes from: the sources of the steps that say it. */
    whoSources: Guidance['steps'][number]['sources']
    steps: Guidance['steps']
    documents: Guidance['documents']
    expected: ExpectedStart | null
  }[]
  rulesUsed: Guidance['rulesUsed']
}

/**
 * The steps whose rules say who may do the job on each path: an asylum seeker with a TWV the
 * employer applies for at UWV, after the intermediary checked the conditions; a status holder
 * without a TWV, but with a BSN and usually a move to a municipality.
 */
const WHO_STEPS = {
  asylum_seeker: ['step.eligibility', 'step.twv_application'],
  status_holder: ['step.bsn_check', 'step.municipality_linkage'],
} as const

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
    const whoSteps: readonly string[] = WHO_STEPS[path]
    const whoSources = guidance.steps
      .filter((step) => whoSteps.includes(step.key))
      .flatMap((step) => step.sources)
      .filter((source, i, all) => all.findIndex((other) => other.title === source.title && other.section === source.section) === i)
    return { path, whoSources, steps: guidance.steps, documents: guidance.documents, expected: plannedStart(path, rules, today), rulesUsed: guidance.rulesUsed }
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

import { formatDate, formatEuros, translate, type Locale, type MessageParams } from '~/lib/i18n'
import { convolve, pmfFromBins, quantile, type LeadTimeBin } from '../twv/lead-times'
import { addDays, inForce, type PolicyRule } from '../twv/policy'
import {
  coveredDailyTravelCents,
  estimatedDailyTravelCents,
  trialFits,
  type Arrangements,
  type ResidenceStatus,
} from './arrangements'

export const riskCodes = [
  'twv-required',
  'bsn-wait',
  'azc-relocation',
  'municipal-linkage-24h',
  '24-week-rule',
  'travel-cost-gap',
  'no-job-coach',
  'inburgering-overlap',
  'trial-arrangement-mismatch',
  'start-date-unrealistic',
] as const
export type RiskCode = (typeof riskCodes)[number]

export type RiskVacancy = {
  hoursMin: number | null
  hoursMax: number | null
  candidateStatus: 'asylum_seekers_welcome' | 'status_holders_only' | null
  englishLevel: 'good' | 'reasonable' | 'a_little' | 'none' | null
  dutchLevel: 'good' | 'reasonable' | 'a_little' | 'none' | null
  startDate: string | null
  trialPlacementOffered: boolean
  travelTimes: { minutes: number }[]
}

export type RiskHire = { residenceStatus: 'asylum_seeker' | 'status_holder' | 'unknown'; hasBsn: boolean | null; expectedMedian: string | null }

export type Risk = {
  code: RiskCode
  severity: 'high' | 'medium' | 'info'
  title: string
  explanation: string
  mitigation: string
  sources: { title: string; reference: string }[]
  ruleStatus: PolicyRule['status']
  facts: Record<string, string | number | boolean | null>
}

/**
 * The hiring risks of a vacancy — or of a hire, whose own status and dates then count — on a
 * date, from the risk rules as data. Pure: the same input always gives the same risks.
 */
export function evaluateRisks(input: {
  vacancy: RiskVacancy
  arrangements: Arrangements | null
  hire?: RiskHire | null
  date: string
  rules: PolicyRule[]
  locale: Locale
}): Risk[] {
  const { vacancy, hire, date, rules, locale } = input
  const a = input.arrangements
  const statuses: ResidenceStatus[] =
    hire && hire.residenceStatus !== 'unknown'
      ? [hire.residenceStatus]
      : vacancy.candidateStatus === 'status_holders_only'
        ? ['status_holder']
        : ['asylum_seeker', 'status_holder']
  const asylum = statuses.includes('asylum_seeker')
  const statusHolder = statuses.includes('status_holder')
  const risks: Risk[] = []

  const raise = (code: RiskCode, facts: Risk['facts'], params: MessageParams = {}, override?: { severity: Risk['severity']; status: Risk['ruleStatus'] }) => {
    const rule = rules.find((r) => r.key === `risk.${code}`)
    if (!rule) return
    const fill = (text: string) =>
      text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? formatValue(locale, name, params[name]!) : match))
    const sources = ((rule.data.sources as string[] | undefined) ?? [rule.source]).map((reference) => ({ title: locale === 'nl' ? rule.titleNl : rule.titleEn, reference }))
    risks.push({
      code,
      severity: override?.severity ?? (rule.data.severity as Risk['severity']) ?? 'medium',
      title: locale === 'nl' ? rule.titleNl : rule.titleEn,
      explanation: fill(locale === 'nl' ? rule.bodyNl : rule.bodyEn),
      mitigation: String((locale === 'nl' ? rule.data.mitigationNl : rule.data.mitigationEn) ?? ''),
      sources,
      ruleStatus: override?.status ?? rule.status,
      facts,
    })
  }
  const active = (code: RiskCode) => {
    const rule = rules.find((r) => r.key === `risk.${code}`)
    return rule ? inForce(rule, date) : false
  }
  const leadTimes = leadTimeSummary(rules)

  if (asylum && active('twv-required')) raise('twv-required', { asylumSeekersWelcome: true }, { twvMedianDays: leadTimes.twvMedianDays })
  // No BSN wait for a hire the intermediary recorded as having one, whatever the status.
  const waitsForBsn = hire ? hire.hasBsn !== true && (hire.residenceStatus !== 'status_holder' || hire.hasBsn === false) : asylum
  if (waitsForBsn && active('bsn-wait')) raise('bsn-wait', { hasBsn: hire?.hasBsn ?? null })
  if (asylum && active('azc-relocation')) raise('azc-relocation', { asylumSeekersWelcome: true })

  const threshold = Number(rules.find((r) => r.key === 'risk.municipal-linkage-24h')?.data.hoursThreshold ?? 24)
  if (statusHolder && vacancy.hoursMin !== null && vacancy.hoursMin < threshold && active('municipal-linkage-24h')) {
    raise('municipal-linkage-24h', { hoursMin: vacancy.hoursMin, threshold }, { hoursMin: vacancy.hoursMin })
  }

  const weekRule = rules.find((r) => r.key === 'risk.24-week-rule')
  if (asylum && weekRule) {
    // Shown either way: as in force for a date before the ruling, as struck down after it.
    const stillInForce = weekRule.effectiveTo !== null && date < weekRule.effectiveTo
    raise('24-week-rule', { evaluatedOn: date, struckDownOn: weekRule.effectiveTo }, {}, stillInForce ? { severity: 'high', status: 'in_force' } : { severity: 'info', status: 'struck_down' })
  }

  const commute = vacancy.travelTimes.some((t) => t.minutes > 0)
  if (commute && active('travel-cost-gap')) {
    const rate = Number(rules.find((r) => r.key === 'risk.travel-cost-gap')?.data.ratePerKmCents ?? 23)
    const estimated = a ? estimatedDailyTravelCents(a, rate) : null
    const covered = a?.travelMode ? coveredDailyTravelCents(a, estimated) : 0
    const late = a?.travelPaid === 'monthly' || (a?.travelPaid === 'after_claim' && (a.travelPaidDaysAfter ?? 8) > 7)
    const short = !a?.travelMode || covered === null || (estimated !== null && (covered ?? 0) < estimated)
    if (short || late) {
      raise('travel-cost-gap', { estimatedCents: estimated, coveredCents: covered, paidLaterThanWeekly: late }, { estimatedCents: estimated ?? translate(locale, 'risk.unknownAmount'), coveredCents: covered ?? 0 })
    }
  }

  const demanding = vacancy.englishLevel === 'good' || vacancy.dutchLevel === 'good' || vacancy.dutchLevel === 'reasonable'
  const supported = Boolean(a?.coachProvider) || (a?.languageSupport !== null && a?.languageSupport !== undefined && a.languageSupport !== 'none')
  if (demanding && !supported && active('no-job-coach')) raise('no-job-coach', { englishLevel: vacancy.englishLevel, dutchLevel: vacancy.dutchLevel })

  const fullTime = Number(rules.find((r) => r.key === 'risk.inburgering-overlap')?.data.fullTimeHours ?? 36)
  if (statusHolder && vacancy.hoursMax !== null && vacancy.hoursMax >= fullTime && active('inburgering-overlap')) {
    raise('inburgering-overlap', { hoursMax: vacancy.hoursMax }, { hoursMax: vacancy.hoursMax })
  }

  if (vacancy.trialPlacementOffered && active('trial-arrangement-mismatch')) {
    const kind = a?.trialKind ?? null
    const unfit = kind ? statuses.filter((s) => !trialFits[kind].includes(s)) : statuses
    if (!kind || kind === 'none' || unfit.length > 0) {
      raise('trial-arrangement-mismatch', { trialKind: kind, unfitFor: unfit.join(',') || null }, { problem: trialProblem(locale, kind, unfit) })
    }
  }

  if (asylum && vacancy.startDate && active('start-date-unrealistic')) {
    const realistic = hire?.expectedMedian ?? addDays(date, leadTimes.twvAndBsnMedianDays)
    if (vacancy.startDate < realistic) raise('start-date-unrealistic', { startDate: vacancy.startDate, realisticDate: realistic }, { startDate: vacancy.startDate, realisticDate: realistic })
  }
  return risks
}

// The lead-time medians depend only on the rules: computed once per set of rules, not per vacancy
// (a portfolio evaluates thousands of vacancies against the same rules).
const leadTimeCache = new WeakMap<PolicyRule[], { twvMedianDays: number; twvAndBsnMedianDays: number }>()

function leadTimeSummary(rules: PolicyRule[]) {
  let summary = leadTimeCache.get(rules)
  if (!summary) {
    const lead = (key: string) => pmfFromBins((rules.find((r) => r.key === key)?.data.bins as LeadTimeBin[] | undefined) ?? [{ minDays: 0, maxDays: 0, count: 1 }])
    summary = { twvMedianDays: quantile(lead('lead.twv'), 0.5), twvAndBsnMedianDays: quantile(convolve(lead('lead.twv'), lead('lead.bsn')), 0.5) }
    leadTimeCache.set(rules, summary)
  }
  return summary
}

function trialProblem(locale: Locale, kind: Arrangements['trialKind'], unfit: ResidenceStatus[]): string {
  if (!kind || kind === 'none') return translate(locale, 'risk.trialNone')
  return translate(locale, 'risk.trialUnfit', { statuses: unfit.map((s) => translate(locale, `twv.status.${s}`)).join(', ') })
}

/** Money (…Cents) and dates (…Date) in the reader's notation, as the message catalogue does. */
function formatValue(locale: Locale, name: string, value: string | number): string {
  if (typeof value === 'number' && name.endsWith('Cents')) return formatEuros(locale, value)
  if (typeof value === 'string' && name.endsWith('Date') && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(locale, `${value}T12:00:00Z`)
  return String(value)
}

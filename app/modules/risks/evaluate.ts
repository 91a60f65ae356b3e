import { formatDate, formatEuros, translate, type Locale } from '~/lib/i18n'
import { convolve, leadTimeFromBins, quantile, NO_WAIT } from '~/modules/policy'
import { riskCodes, type RiskCode } from '~/modules/policy'
import { addDays, inForce, localised, ruleOf, type AnyPolicyRule, type PolicyRule } from '~/modules/policy'
import type { PolicySource } from '~/modules/policy'
import { coveredDailyTravelCents, dailyTravelEstimate, type Arrangements, type ResidenceStatus } from './arrangements'

export { riskCodes, type RiskCode }

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

type ParamValue = string | number | null
/** A risk as the evaluator finds it: a code and the values it rests on, no words yet. */
export type RiskFinding = {
  code: RiskCode
  severity: 'high' | 'medium' | 'info'
  ruleStatus: PolicyRule['status']
  params: Record<string, ParamValue>
}

/** A finding in the reader's language, with the rule's sources and dates. */
export type Risk = RiskFinding & {
  title: string
  explanation: string
  mitigation: string
  sources: PolicySource[]
  reviewedOn: string
  ruleUpdatedAt: string
  /** Kept for API clients of the first version: the same values as `params`. */
  facts: Record<string, ParamValue>
}

type Rules = readonly AnyPolicyRule[]

/**
 * The hiring risks of a vacancy — or of a hire, whose own status and dates then count — on a
 * date, from the risk rules as data. Pure: the same input always gives the same findings.
 */
export function findRisks(input: { vacancy: RiskVacancy; arrangements: Arrangements | null; hire?: RiskHire | null; date: string; rules: Rules }): RiskFinding[] {
  const { vacancy, hire, date, rules } = input
  const a = input.arrangements
  const statuses: ResidenceStatus[] =
    hire && hire.residenceStatus !== 'unknown'
      ? [hire.residenceStatus]
      : vacancy.candidateStatus === 'status_holders_only'
        ? ['status_holder']
        : ['asylum_seeker', 'status_holder']
  const asylum = statuses.includes('asylum_seeker')
  const statusHolder = statuses.includes('status_holder')
  const findings: RiskFinding[] = []
  const rule = (code: RiskCode) => ruleOf(rules, `risk.${code}`, 'risk')
  const active = (code: RiskCode) => {
    const r = rule(code)
    return r ? inForce(r, date) : false
  }
  const raise = (code: RiskCode, params: Record<string, ParamValue> = {}, override?: Pick<RiskFinding, 'severity' | 'ruleStatus'>) => {
    const r = rule(code)
    if (!r) return
    findings.push({ code, severity: override?.severity ?? r.data.severity, ruleStatus: override?.ruleStatus ?? r.status, params })
  }
  const leadTimes = leadTimeSummary(rules)

  if (asylum && active('twv-required')) raise('twv-required', { twvMedianDays: leadTimes.twvMedianDays })
  // No BSN wait for a hire the intermediary recorded as having one, whatever the status.
  const waitsForBsn = hire ? hire.hasBsn !== true && (hire.residenceStatus !== 'status_holder' || hire.hasBsn === false) : asylum
  if (waitsForBsn && active('bsn-wait')) raise('bsn-wait', { hasBsn: hire?.hasBsn === undefined || hire?.hasBsn === null ? null : String(hire.hasBsn) })
  if (asylum && active('azc-relocation')) raise('azc-relocation')
  // Everyone the portal serves lives in reception, with or without a status.
  if (active('residents-contribution')) raise('residents-contribution')

  const threshold = rule('municipal-linkage-24h')?.data.hoursThreshold ?? 24
  if (statusHolder && vacancy.hoursMin !== null && vacancy.hoursMin < threshold && active('municipal-linkage-24h')) {
    raise('municipal-linkage-24h', { hoursMin: vacancy.hoursMin, threshold })
  }

  const weekRule = rule('24-week-rule')
  if (asylum && weekRule) {
    // Shown either way: as in force for a date before the ruling, as struck down after it.
    const stillInForce = weekRule.effectiveTo !== null && date < weekRule.effectiveTo
    raise('24-week-rule', { evaluatedOn: date, struckDownOn: weekRule.effectiveTo }, stillInForce ? { severity: 'high', ruleStatus: 'in_force' } : { severity: 'info', ruleStatus: 'struck_down' })
  }

  const commute = vacancy.travelTimes.some((t) => t.minutes > 0)
  const travel = rule('travel-cost-gap')
  if (commute && travel && active('travel-cost-gap')) {
    const estimate = a ? dailyTravelEstimate(a, travel.data.ratePerKmCents ?? 23) : { cents: null, basis: 'unknown' as const }
    const covered = a?.travelMode ? coveredDailyTravelCents(a, estimate.cents) : 0
    const lateFrom = travel.data.lateFromDays ?? 7
    // A claim paid a week after travelling is what made people stop in the pilot: that is late.
    const late = a?.travelPaid === 'monthly' || (a?.travelPaid === 'after_claim' && (a.travelPaidDaysAfter ?? lateFrom) >= lateFrom)
    const short = !a?.travelMode || covered === null || (estimate.cents !== null && (covered ?? 0) < estimate.cents) || (estimate.cents === null && a.travelMode === 'public_transport')
    if (short || late) {
      raise('travel-cost-gap', {
        estimatedCents: estimate.cents,
        estimateBasis: estimate.basis,
        coveredCents: covered ?? 0,
        paidDaysAfter: a?.travelPaid === 'after_claim' ? (a.travelPaidDaysAfter ?? null) : null,
        paidMoment: a?.travelPaid ?? null,
      })
    }
  }

  const coach = rule('no-job-coach')
  const demanding = vacancy.dutchLevel !== null && (coach?.data.dutchLevels ?? ['good', 'reasonable']).includes(vacancy.dutchLevel)
  const supported = Boolean(a?.coachProvider) || (a?.languageSupport !== null && a?.languageSupport !== undefined && a.languageSupport !== 'none')
  if (demanding && !supported && active('no-job-coach')) raise('no-job-coach', { dutchLevel: vacancy.dutchLevel })

  const fullTime = rule('inburgering-overlap')?.data.fullTimeHours ?? 36
  if (statusHolder && vacancy.hoursMax !== null && vacancy.hoursMax >= fullTime && active('inburgering-overlap')) {
    raise('inburgering-overlap', { hoursMax: vacancy.hoursMax })
  }

  const trial = rule('trial-arrangement-mismatch')
  if (vacancy.trialPlacementOffered && trial?.data.trialFits && active('trial-arrangement-mismatch')) {
    const kind = a?.trialKind ?? null
    const unfit = kind ? statuses.filter((s) => !trial.data.trialFits![kind].includes(s)) : statuses
    if (!kind || kind === 'none' || unfit.length > 0) raise('trial-arrangement-mismatch', { trialKind: kind, unfitFor: unfit.join(',') || null })
  }

  if (asylum && vacancy.startDate && active('start-date-unrealistic')) {
    const realistic = hire?.expectedMedian ?? addDays(date, leadTimes.twvAndBsnMedianDays)
    if (vacancy.startDate < realistic) raise('start-date-unrealistic', { startDate: vacancy.startDate, realisticDate: realistic })
  }
  return findings
}

/** The findings in the reader's language: the rule's words, its fact sentence filled in. */
export function describeRisks(findings: readonly RiskFinding[], rules: Rules, locale: Locale): Risk[] {
  return findings.flatMap((finding) => {
    const rule = ruleOf(rules, `risk.${finding.code}`, 'risk')
    if (!rule) return []
    const { title, body } = localised(rule, locale)
    const template = locale === 'nl' ? rule.data.factNl : rule.data.factEn
    const fact = fillTemplate(template, displayParams(locale, finding), locale)
    return [
      {
        ...finding,
        title,
        explanation: [fact, body].filter(Boolean).join(' '),
        mitigation: locale === 'nl' ? rule.data.mitigationNl : rule.data.mitigationEn,
        sources: rule.sources,
        reviewedOn: rule.reviewedOn,
        ruleUpdatedAt: rule.updatedAt,
        facts: finding.params,
      },
    ]
  })
}

export function evaluateRisks(input: Parameters<typeof findRisks>[0] & { locale: Locale }): Risk[] {
  return describeRisks(findRisks(input), input.rules, input.locale)
}

/** Values a fact sentence can show, beyond the finding's own: words chosen here, at the edge. */
function displayParams(locale: Locale, finding: RiskFinding): Record<string, ParamValue> {
  const p = finding.params
  if (finding.code === 'trial-arrangement-mismatch') {
    const kind = p.trialKind as Arrangements['trialKind']
    const unfit = typeof p.unfitFor === 'string' ? (p.unfitFor.split(',') as ResidenceStatus[]) : []
    return { ...p, problem: !kind || kind === 'none' ? translate(locale, 'risk.trialNone') : translate(locale, 'risk.trialUnfit', { statuses: unfit.map((s) => translate(locale, `twv.status.${s}`)).join(', ') }) }
  }
  if (finding.code === 'travel-cost-gap') {
    return {
      ...p,
      estimatedCents: p.estimatedCents === null || p.estimatedCents === undefined ? translate(locale, 'risk.unknownAmount') : p.estimatedCents,
      estimateBasis: translate(locale, `risk.estimateBasis.${String(p.estimateBasis)}` as Parameters<typeof translate>[1]),
      paidDaysAfter:
        p.paidMoment === 'after_claim'
          ? p.paidDaysAfter === null || p.paidDaysAfter === undefined
            ? translate(locale, 'risk.unknownAmount')
            : translate(locale, 'risk.paidDaysAfter', { days: p.paidDaysAfter })
          : p.paidMoment
            ? translate(locale, `arr.paid.${String(p.paidMoment)}` as Parameters<typeof translate>[1])
            : translate(locale, 'risk.unknownAmount'),
    }
  }
  if (finding.code === 'no-job-coach' && typeof p.dutchLevel === 'string') {
    return { ...p, dutchLevel: translate(locale, `vacancy.level.${p.dutchLevel}` as Parameters<typeof translate>[1]).toLowerCase() }
  }
  return p
}

/**
 * Fills `{name}` from the values; money (…Cents) and dates (…Date) in the reader's notation. A
 * name without a value is a defect the rule schema prevents; it renders as "?", never raw.
 */
export function fillTemplate(template: string, params: Record<string, ParamValue>, locale: Locale): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = params[name]
    if (value === null || value === undefined) return '?'
    if (typeof value === 'number' && name.endsWith('Cents')) return formatEuros(locale, value)
    if (typeof value === 'string' && name.endsWith('Date') && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(locale, `${value}T12:00:00Z`)
    return String(value)
  })
}

// The lead-time medians depend only on the rules: computed once per set of rules, not per vacancy
// (a portfolio evaluates thousands of vacancies against the same rules).
const leadTimeCache = new WeakMap<Rules, { twvMedianDays: number; twvAndBsnMedianDays: number }>()

function leadTimeSummary(rules: Rules) {
  let summary = leadTimeCache.get(rules)
  if (!summary) {
    const lead = (key: string) => {
      const r = ruleOf(rules, key, 'lead_time')
      return r ? leadTimeFromBins(r.data.bins) : NO_WAIT
    }
    summary = { twvMedianDays: quantile(lead('lead.twv'), 0.5).days, twvAndBsnMedianDays: quantile(convolve(lead('lead.twv'), lead('lead.bsn')), 0.5).days }
    leadTimeCache.set(rules, summary)
  }
  return summary
}

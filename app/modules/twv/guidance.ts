import type { Locale } from '~/lib/i18n'
import { evaluateEligibility, type Eligibility, type EligibilityFacts } from './eligibility'
import { convolve, pmfFromBins, pmfFromSamples, quantile, POINT_MASS_ZERO, type LeadTimeBin, type Pmf } from './lead-times'
import { addDays, daysBetween, inForce, type PolicyRule } from './policy'

export type ResidenceStatus = 'asylum_seeker' | 'status_holder' | 'unknown'

export type HireFacts = EligibilityFacts & {
  residenceStatus: ResidenceStatus
  hasBsn: boolean | null
  createdOn: string
}

/** Durations (days) recorded in the portal, per lead time; used once there are enough. */
export type OwnDurations = Record<string, number[]>
export const MIN_OWN_DURATIONS = 20

export type GuidanceStep = {
  key: string
  title: string
  body: string
  owner: string
  source: string
  reviewedOn: string
  doneOn: string | null
  state: 'done' | 'current' | 'upcoming'
  waitingDays: number | null
  p80Days: number | null
}

export type ExpectedStart = {
  basis: 'pilot' | 'own' | 'recorded' | 'none'
  median: string
  p80: string
  /** Share of cases per week from today, for the chart. */
  weeks: number[]
}

export type Guidance = {
  path: ResidenceStatus
  eligibility: Eligibility | null
  steps: GuidanceStep[]
  documents: { key: string; title: string; source: string; reviewedOn: string }[]
  expected: ExpectedStart | null
  rulesUsed: { key: string; title: string; source: string; reviewedOn: string; status: PolicyRule['status'] }[]
}

const text = (rule: PolicyRule, locale: Locale) => ({
  title: locale === 'nl' ? rule.titleNl : rule.titleEn,
  body: locale === 'nl' ? rule.bodyNl : rule.bodyEn,
})

function leadTimePmf(rules: PolicyRule[], key: string, own: OwnDurations): { pmf: Pmf; basis: 'pilot' | 'own' } {
  const samples = own[key] ?? []
  if (samples.length >= MIN_OWN_DURATIONS) return { pmf: pmfFromSamples(samples), basis: 'own' }
  const rule = rules.find((r) => r.key === key)
  const bins = (rule?.data.bins as LeadTimeBin[] | undefined) ?? []
  return { pmf: bins.length > 0 ? pmfFromBins(bins) : POINT_MASS_ZERO, basis: 'pilot' }
}

/**
 * The hire's path, tailored by residence status, with each step's state, the checklist, and the
 * realistic first working day — a pure function of the facts, the rules, the ticks and today.
 */
export function buildGuidance(input: {
  hire: HireFacts
  rules: PolicyRule[]
  done: Record<string, string>
  today: string
  own: OwnDurations
  locale: Locale
}): Guidance {
  const { hire, rules, done, today, own, locale } = input
  const path = hire.residenceStatus
  const applies = (rule: PolicyRule) =>
    ((rule.data.paths as string[] | undefined) ?? []).includes(path) && (inForce(rule, today) || rule.status === 'announced')
  const ordered = (kind: string) =>
    rules.filter((r) => r.kind === kind && r.status !== 'struck_down' && applies(r)).sort((a, b) => Number(a.data.order) - Number(b.data.order))

  const eligibility = path === 'asylum_seeker' ? evaluateEligibility(hire, rules, today) : null
  const stepRules = ordered('step')
  const firstOpen = stepRules.find((r) => !done[r.key])?.key
  const steps: GuidanceStep[] = stepRules.map((rule) => {
    const after = rule.data.after as string | undefined
    const since = after ? done[after] : undefined
    const lead = rule.data.leadTime ? leadTimePmf(rules, String(rule.data.leadTime), own) : null
    return {
      key: rule.key,
      ...text(rule, locale),
      owner: String(rule.data.owner ?? 'employer'),
      source: rule.source,
      reviewedOn: rule.reviewedOn,
      doneOn: done[rule.key] ?? null,
      state: done[rule.key] ? 'done' : rule.key === firstOpen ? 'current' : 'upcoming',
      waitingDays: !done[rule.key] && since ? Math.max(0, daysBetween(since, today)) : null,
      p80Days: lead ? quantile(lead.pmf, 0.8) : null,
    }
  })
  const documents = ordered('document').map((rule) => ({ key: rule.key, title: text(rule, locale).title, source: rule.source, reviewedOn: rule.reviewedOn }))
  const conditionRules = path === 'asylum_seeker' ? rules.filter((r) => r.kind === 'condition') : []
  const rulesUsed = [...conditionRules, ...stepRules, ...ordered('document'), ...rules.filter((r) => r.kind === 'lead_time')].map((r) => ({
    key: r.key,
    title: text(r, locale).title,
    source: r.source,
    reviewedOn: r.reviewedOn,
    status: r.status,
  }))
  return { path, eligibility, steps, documents, expected: expectedStart(hire, eligibility, rules, done, today, own), rulesUsed }
}

function expectedStart(
  hire: HireFacts,
  eligibility: Eligibility | null,
  rules: PolicyRule[],
  done: Record<string, string>,
  today: string,
  own: OwnDurations,
): ExpectedStart | null {
  if (done['step.first_day']) {
    const day = done['step.first_day']
    return { basis: 'recorded', median: day, p80: day, weeks: [] }
  }
  if (hire.residenceStatus === 'unknown') return null
  // An ineligible or not-yet-checked asylum seeker has no start date to promise.
  if (hire.residenceStatus === 'asylum_seeker' && eligibility?.eligible !== true) return null

  let anchor = today
  let pmf: Pmf = POINT_MASS_ZERO
  let basis: 'pilot' | 'own' | 'none' = 'none'
  const add = (key: string) => {
    const lead = leadTimePmf(rules, key, own)
    pmf = convolve(pmf, lead.pmf)
    basis = basis === 'pilot' || lead.basis === 'pilot' ? 'pilot' : 'own'
  }
  if (hire.residenceStatus === 'asylum_seeker') {
    if (!done['step.twv_decision']) {
      if (done['step.twv_application']) anchor = done['step.twv_application']
      add('lead.twv')
    } else anchor = done['step.twv_decision']
    // Someone who already has a BSN (an earlier registration) does not wait for one again.
    if (done['step.bsn_registration']) anchor = done['step.bsn_registration'] > anchor ? done['step.bsn_registration'] : anchor
    else if (hire.hasBsn !== true) add('lead.bsn')
  } else if (hire.hasBsn !== true && !done['step.bsn_check']) {
    add('lead.bsn')
  }
  // Waiting already done counts: from the anchor, but never a day before today.
  const atLeastToday = (days: number) => {
    const date = addDays(anchor, days)
    return date < today ? today : date
  }
  const median = atLeastToday(quantile(pmf, 0.5))
  const p80 = atLeastToday(quantile(pmf, 0.8))
  const offset = daysBetween(today, anchor)
  const weeks: number[] = []
  pmf.forEach((p, day) => {
    const week = Math.max(0, Math.floor((day + offset) / 7))
    weeks[week] = (weeks[week] ?? 0) + p
  })
  return { basis: basis === 'none' ? 'pilot' : basis, median, p80, weeks: Array.from(weeks, (w) => w ?? 0) }
}

import type { Locale } from '~/lib/i18n'
import { evaluateEligibility, type Eligibility, type EligibilityFacts } from './eligibility'
import { convolve, leadTimeFromBins, leadTimeFromSamples, quantile, NO_WAIT, type LeadTime } from '~/modules/policy'
import { addDays, daysBetween, inForce, localised, ruleOf, rulesOfKind, type AnyPolicyRule, type PolicyRule } from '~/modules/policy'
import type { PolicySource } from '~/modules/policy'

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
  sources: PolicySource[]
  reviewedOn: string
  doneOn: string | null
  state: 'done' | 'current' | 'upcoming'
  waitingDays: number | null
  p80Days: number | null
  /** The 80th percentile is only known to be at least p80Days (cases still pending in the data). */
  p80AtLeast: boolean
  /** The legal decision term, when there is one: reminders go out when it has passed. */
  decisionTermDays: number | null
}

export type ExpectedStart = {
  basis: 'pilot' | 'own' | 'recorded' | 'none'
  median: string
  p80: string
  /** When the data only tells that 80% took at least until p80 (cases still pending). */
  p80AtLeast: boolean
  /** Share of cases per week from today, for the chart. */
  weeks: number[]
  /** Share whose end is unknown (pending when measured, or an open-ended row). */
  open: number
}

export type Guidance = {
  path: ResidenceStatus
  eligibility: Eligibility | null
  steps: GuidanceStep[]
  /** checkedOn: the day someone ticked the document as in hand (kept with the step ticks). */
  documents: { key: string; title: string; sources: PolicySource[]; reviewedOn: string; checkedOn: string | null }[]
  expected: ExpectedStart | null
  rulesUsed: { key: string; title: string; sources: PolicySource[]; reviewedOn: string; reviewBy: string; status: PolicyRule['status']; updatedAt: string }[]
}

type Rules = readonly AnyPolicyRule[]

function leadTimeOf(rules: Rules, key: string, own: OwnDurations): { lead: LeadTime; basis: 'pilot' | 'own' } {
  const samples = own[key] ?? []
  if (samples.length >= MIN_OWN_DURATIONS) return { lead: leadTimeFromSamples(samples), basis: 'own' }
  const rule = ruleOf(rules, key, 'lead_time')
  return { lead: rule ? leadTimeFromBins(rule.data.bins) : NO_WAIT, basis: 'pilot' }
}

/**
 * The hire's path, tailored by residence status, with each step's state, the checklist, and the
 * realistic first working day — a pure function of the facts, the rules, the ticks and today.
 */
export function buildGuidance(input: {
  hire: HireFacts
  rules: Rules
  done: Record<string, string>
  today: string
  own: OwnDurations
  locale: Locale
}): Guidance {
  const { hire, rules, done, today, own, locale } = input
  const path = hire.residenceStatus
  const applies = (rule: PolicyRule<'step' | 'document'>) =>
    (rule.data.paths as string[]).includes(path) && (inForce(rule, today) || rule.status === 'announced')
  const ordered = <K extends 'step' | 'document'>(kind: K) =>
    rulesOfKind(rules, kind)
      .filter((r) => r.status !== 'struck_down' && applies(r as PolicyRule<'step' | 'document'>))
      .sort((a, b) => (a.data as { order: number }).order - (b.data as { order: number }).order)

  const eligibility = path === 'asylum_seeker' ? evaluateEligibility(hire, rules, today) : null
  const stepRules = ordered('step')
  const firstOpen = stepRules.find((r) => !done[r.key])?.key
  const steps: GuidanceStep[] = stepRules.map((rule) => {
    const since = rule.data.after ? done[rule.data.after] : undefined
    const lead = rule.data.leadTime ? quantile(leadTimeOf(rules, rule.data.leadTime, own).lead, 0.8) : null
    return {
      key: rule.key,
      ...localised(rule, locale),
      owner: rule.data.owner,
      sources: rule.sources,
      reviewedOn: rule.reviewedOn,
      doneOn: done[rule.key] ?? null,
      state: done[rule.key] ? 'done' : rule.key === firstOpen ? 'current' : 'upcoming',
      waitingDays: !done[rule.key] && since ? Math.max(0, daysBetween(since, today)) : null,
      p80Days: lead?.days ?? null,
      p80AtLeast: lead?.atLeast ?? false,
      decisionTermDays: rule.data.decisionTermDays ?? null,
    }
  })
  const documentRules = ordered('document')
  const documents = documentRules.map((rule) => ({ key: rule.key, title: localised(rule, locale).title, sources: rule.sources, reviewedOn: rule.reviewedOn, checkedOn: done[rule.key] ?? null }))
  const conditionRules = path === 'asylum_seeker' ? rulesOfKind(rules, 'condition') : []
  const rulesUsed = [...conditionRules, ...stepRules, ...documentRules, ...rulesOfKind(rules, 'lead_time')].map((r) => ({
    key: r.key,
    title: localised(r, locale).title,
    sources: r.sources,
    reviewedOn: r.reviewedOn,
    reviewBy: r.reviewBy,
    status: r.status,
    updatedAt: r.updatedAt,
  }))
  return { path, eligibility, steps, documents, expected: expectedStart(hire, eligibility, rules, done, today, own), rulesUsed }
}

/**
 * The realistic first working day for a job not filled yet (the public quick scan): from today,
 * for a candidate of this path who may work — the intermediary checks that before proposing one —
 * and has no BSN yet. From the same lead times as a hire's guidance.
 */
export function plannedStart(path: 'asylum_seeker' | 'status_holder', rules: Rules, today: string, own: OwnDurations = {}): ExpectedStart | null {
  const facts: HireFacts = { residenceStatus: path, hasBsn: null, createdOn: today, isAdult: null, asylumApplicationDate: null, wDocumentValidUntil: null, dublinClaimant: null, medicalResidenceGround: null, permitChance: null }
  return expectedStart(facts, path === 'asylum_seeker' ? { eligible: true, conditions: [] } : null, rules, {}, today, own)
}

function expectedStart(
  hire: HireFacts,
  eligibility: Eligibility | null,
  rules: Rules,
  done: Record<string, string>,
  today: string,
  own: OwnDurations,
): ExpectedStart | null {
  if (done['step.first_day']) {
    const day = done['step.first_day']
    return { basis: 'recorded', median: day, p80: day, p80AtLeast: false, weeks: [], open: 0 }
  }
  if (hire.residenceStatus === 'unknown') return null
  // An ineligible or not-yet-checked asylum seeker has no start date to promise.
  if (hire.residenceStatus === 'asylum_seeker' && eligibility?.eligible !== true) return null

  let anchor = today
  let wait: LeadTime = NO_WAIT
  let basis: 'pilot' | 'own' | 'none' = 'none'
  const add = (key: string) => {
    const lead = leadTimeOf(rules, key, own)
    wait = convolve(wait, lead.lead)
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
  const median = atLeastToday(quantile(wait, 0.5).days)
  const p80Quantile = quantile(wait, 0.8)
  const p80 = atLeastToday(p80Quantile.days)
  const offset = daysBetween(today, anchor)
  const weeks: number[] = []
  wait.pmf.forEach((p, day) => {
    const week = Math.max(0, Math.floor((day + offset) / 7))
    weeks[week] = (weeks[week] ?? 0) + p
  })
  return { basis: basis === 'none' ? 'pilot' : basis, median, p80, p80AtLeast: p80Quantile.atLeast, weeks: Array.from(weeks, (w) => w ?? 0), open: wait.open }
}

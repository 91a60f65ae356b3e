import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluateEligibility } from './eligibility'
import { buildGuidance, type HireFacts } from './guidance'
import { rulesFromDefaults } from '~/modules/policy'
import { convolve, leadTimeFromBins, quantile } from '~/modules/policy'

const rules = rulesFromDefaults()

const eligibleAsylumSeeker: HireFacts = {
  residenceStatus: 'asylum_seeker',
  isAdult: true,
  asylumApplicationDate: '2026-01-10',
  wDocumentValidUntil: '2027-06-01',
  dublinClaimant: false,
  medicalResidenceGround: false,
  hasBsn: false,
  permitChance: null,
  createdOn: '2026-11-20',
}

const guidance = (hire: HireFacts, today = '2026-11-27', done: Record<string, string> = {}, own = {}) =>
  buildGuidance({ hire, rules, done, today, own, locale: 'nl' })

describe('eligibility', () => {
  it('passes when every condition is met', () => {
    expect(evaluateEligibility(eligibleAsylumSeeker, rules, '2026-11-27')).toMatchObject({ eligible: true })
  })

  it('explains until when someone has to wait for the 6 months', () => {
    const result = evaluateEligibility({ ...eligibleAsylumSeeker, asylumApplicationDate: '2026-08-31' }, rules, '2026-11-27')
    expect(result.eligible).toBe(false)
    expect(result.eligibleFrom).toBe('2027-02-28')
    expect(result.conditions.find((c) => c.key === 'condition.application_period')).toMatchObject({ state: 'not_met', from: '2027-02-28' })
  })

  it('uses 3 months only once an admin puts the announced rule in force, and only for a high chance of a permit', () => {
    const facts = { ...eligibleAsylumSeeker, asylumApplicationDate: '2026-07-15' }
    const inForce = rules.map((r) => (r.key === 'condition.application_period_pact' ? { ...r, status: 'in_force' as const } : r))
    const table = [
      { rules, permitChance: 'high' as const, eligible: false },
      { rules: inForce, permitChance: 'high' as const, eligible: true },
      { rules: inForce, permitChance: null, eligible: false },
      { rules: inForce, permitChance: 'low' as const, eligible: false },
    ]
    for (const row of table) expect(evaluateEligibility({ ...facts, permitChance: row.permitChance }, row.rules, '2026-11-27').eligible, JSON.stringify(row.permitChance)).toBe(row.eligible)
  })

  it('refuses Dublin claimants and medical ground, and knows what it does not know', () => {
    expect(evaluateEligibility({ ...eligibleAsylumSeeker, dublinClaimant: true }, rules, '2026-11-27')).toMatchObject({ eligible: false, eligibleFrom: undefined })
    expect(evaluateEligibility({ ...eligibleAsylumSeeker, medicalResidenceGround: true }, rules, '2026-11-27').eligible).toBe(false)
    expect(evaluateEligibility({ ...eligibleAsylumSeeker, isAdult: null }, rules, '2026-11-27').eligible).toBeNull()
    expect(evaluateEligibility({ ...eligibleAsylumSeeker, wDocumentValidUntil: '2026-11-01' }, rules, '2026-11-27').eligible).toBe(false)
  })
})

describe('lead times', () => {
  const twvBins = [
    { minDays: 0, maxDays: 30, finished: 16, pending: 0 },
    { minDays: 31, maxDays: 60, finished: 0, pending: 1 },
    { minDays: 61, maxDays: null, finished: 1, pending: 1 },
  ]
  const bsnBins = [
    { minDays: 21, maxDays: 30, finished: 12, pending: 1 },
    { minDays: 31, maxDays: 60, finished: 7, pending: 0 },
  ]

  it('reads the pilot tables: TWV median within a month, BSN p80 in the second month', () => {
    const twv = leadTimeFromBins(twvBins)
    const bsn = leadTimeFromBins(bsnBins)
    expect(quantile(twv, 0.5)).toMatchObject({ atLeast: false })
    expect(quantile(twv, 0.5).days).toBeLessThanOrEqual(30)
    expect(quantile(bsn, 0.8).days).toBeGreaterThan(30)
    const total = convolve(twv, bsn)
    expect(total.pmf.reduce((a, b) => a + b, 0) + total.open).toBeCloseTo(1, 9)
    expect(quantile(total, 0.5).days).toBeGreaterThan(quantile(twv, 0.5).days)
  })

  it('counts pending cases and the open-ended row as "at least", never as finished', () => {
    const twv = leadTimeFromBins(twvBins)
    // 3 of 19 have no known end (2 pending, 1 "more than two months"), from day 31 on.
    expect(twv.open).toBeCloseTo(3 / 19, 9)
    expect(twv.openFrom).toBe(31)
    // 16 of 19 finished within a month: the 90th percentile is only known as "at least 31 days".
    expect(quantile(twv, 0.9)).toEqual({ days: 31, atLeast: true })
    // Counting the pending ones as done would have put the 84th percentile inside the first month.
    expect(quantile(twv, 0.84).atLeast).toBe(false)
    expect(quantile(twv, 0.85).atLeast).toBe(true)
  })

  it('keeps the N the table prints beside its rows, so the 20-versus-19 mismatch stays visible', () => {
    const rule = rules.find((r) => r.key === 'lead.twv')!
    expect(rule.kind).toBe('lead_time')
    if (rule.kind !== 'lead_time') return
    const rows = rule.data.bins.reduce((sum, b) => sum + b.finished + b.pending, 0)
    expect({ reportedN: rule.data.reportedN, rows }).toEqual({ reportedN: 20, rows: 19 })
    expect(rule.bodyEn).toContain('add up to 19')
  })
})

describe('guidance', () => {
  it('gives an eligible asylum seeker the TWV path and a start range from the pilot', () => {
    const g = guidance(eligibleAsylumSeeker)
    expect(g.steps.map((s) => s.key)).toEqual([
      'step.eligibility',
      'step.draft_contract',
      'step.twv_application',
      'step.twv_decision',
      'step.bsn_registration',
      'step.first_day',
    ])
    expect(g.expected?.basis).toBe('pilot')
    expect(g.expected!.median >= '2026-11-27').toBe(true)
    expect(g.documents.map((d) => d.key)).toContain('doc.w_document')
  })

  it('gives a status holder the linkage path without a TWV', () => {
    const g = guidance({ ...eligibleAsylumSeeker, residenceStatus: 'status_holder', hasBsn: true })
    expect(g.steps.map((s) => s.key)).toEqual(['step.bsn_check', 'step.draft_contract', 'step.municipality_linkage', 'step.inburgering', 'step.first_day'])
    expect(g.expected).toMatchObject({ median: '2026-11-27', p80: '2026-11-27' })
    expect(g.documents.map((d) => d.key)).not.toContain('doc.twv_decision')
  })

  it('adds no BSN wait for an asylum seeker who already has a BSN', () => {
    const waiting = guidance(eligibleAsylumSeeker)
    const hasOne = guidance({ ...eligibleAsylumSeeker, hasBsn: true })
    expect(hasOne.expected!.median < waiting.expected!.median).toBe(true)
    const own = { 'lead.twv': Array.from({ length: 20 }, () => 10), 'lead.bsn': Array.from({ length: 20 }, () => 5) }
    expect(guidance({ ...eligibleAsylumSeeker, hasBsn: true }, '2026-11-27', {}, own).expected).toMatchObject({ median: '2026-12-07' })
  })

  it('switches to its own durations once there are 20 of them', () => {
    const own = { 'lead.twv': Array.from({ length: 20 }, () => 10), 'lead.bsn': Array.from({ length: 20 }, () => 5) }
    const g = guidance(eligibleAsylumSeeker, '2026-11-27', {}, own)
    expect(g.expected).toMatchObject({ basis: 'own', median: '2026-12-12', p80: '2026-12-12' })
  })

  const day = fc.integer({ min: 0, max: 2000 }).map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10))
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null })
  const hire = fc.record({
    residenceStatus: fc.constantFrom('asylum_seeker' as const, 'status_holder' as const, 'unknown' as const),
    isAdult: maybe(fc.boolean()),
    asylumApplicationDate: maybe(day),
    wDocumentValidUntil: maybe(day),
    dublinClaimant: maybe(fc.boolean()),
    medicalResidenceGround: maybe(fc.boolean()),
    hasBsn: maybe(fc.boolean()),
    permitChance: maybe(fc.constantFrom('high' as const, 'low' as const)),
    createdOn: day,
  })
  const steps = fc.dictionary(
    fc.constantFrom('step.twv_application', 'step.twv_decision', 'step.bsn_registration', 'step.bsn_check'),
    day,
  )

  it('never promises a date before today, keeps p80 at or after the median, and gives ineligible hires no date', () => {
    fc.assert(
      fc.property(hire, day, steps, (facts, today, done) => {
        const g = guidance(facts, today, done)
        if (g.expected) {
          expect(g.expected.median >= today).toBe(true)
          expect(g.expected.p80 >= g.expected.median).toBe(true)
        }
        if (g.eligibility && g.eligibility.eligible !== true) expect(g.expected).toBeNull()
        if (facts.residenceStatus === 'unknown') expect(g.expected).toBeNull()
      }),
      { numRuns: 500 },
    )
  })
})

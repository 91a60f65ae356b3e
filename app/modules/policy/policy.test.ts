import { describe, expect, it } from 'vitest'
import { policyDefaults, rulesFromDefaults } from './defaults'
import { riskCodes } from './risk-codes'
import { reviewDue } from './review'
import { sourceSchema, validateRule, type RuleContent } from './schemas'

const rules = rulesFromDefaults()

describe('the default rules', () => {
  it('cover every risk the evaluator can raise', () => {
    for (const code of riskCodes) expect(rules.map((r) => r.key)).toContain(`risk.${code}`)
  })

  it.each(policyDefaults.map((d) => [d.key, d] as const))('%s is sourced, dated and statused', (_key, rule) => {
    expect(rule.sources.length).toBeGreaterThan(0)
    for (const source of rule.sources) {
      // A link is https; the report is cited by section, never by line numbers; else unverified.
      if (source.url) expect(source.url).toMatch(/^https:\/\//)
      if (source.kind === 'report') expect(source.section).toMatch(/§|tabel|voetnoot/)
      if (source.verified && source.kind !== 'report') expect(source.url && source.readOn).toBeTruthy()
      expect(`${source.title} ${source.section ?? ''}`).not.toMatch(/regels? \d/)
    }
    expect(rule.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(rule.reviewBy >= rule.reviewedOn).toBe(true)
    expect(['in_force', 'announced', 'struck_down']).toContain(rule.status)
    for (const text of [rule.titleNl, rule.titleEn, rule.bodyNl, rule.bodyEn]) expect(text).not.toMatch(/[{}]/)
  })

  it.each([
    // Known errors of the first version, each with what must (not) be said now.
    ['the BSN fast track was a pilot that ended', 'step.bsn_registration', 'bodyEn', /pilot that ran until 31 December 2023/],
    ['a placement is a contract offered and a day worked', 'step.first_day', 'bodyEn', /contract offered and the first day worked it is a placement/],
    ['the linkage says who decides and what to do', 'step.municipality_linkage', 'bodyEn', /COA decides and guarantees nothing: confirm with COA/],
    ['volunteer work is no trial placement at a business', 'risk.trial-arrangement-mismatch', 'bodyEn', /non-profit organisation and a UWV volunteer declaration/],
    ['status holders in an azc are usually not on assistance yet', 'risk.trial-arrangement-mismatch', 'bodyEn', /still living in a reception centre usually does not have that yet/],
    ['public transport is reimbursed at actual cost', 'risk.travel-cost-gap', 'bodyEn', /Public transport may be reimbursed tax-free at its actual cost/],
    ['the show-up figure is one event', 'parameter.speeddate_show_up', 'bodyEn', /single event, not an average/],
    ['a TWV needs a market-rate wage, not only the minimum', 'minimum_wage', 'bodyEn', /in line with the market/],
    ['the residents’ contribution is explained', 'risk.residents-contribution', 'bodyEn', /pays COA a contribution/],
  ] as const)('%s', (_name, key, field, pattern) => {
    const rule = rules.find((r) => r.key === key)!
    expect(rule[field]).toMatch(pattern)
  })

  it.each([
    ['risk.bsn-wait', /versneld/i, 'mitigationNl'],
    ['risk.no-job-coach', /drop out sooner|haken .* af/i, 'bodyEn'],
    ['risk.municipal-linkage-24h', /per month|8 hours|regels|lines/i, 'bodyEn'],
  ] as const)('%s no longer says %s', (key, pattern, field) => {
    const rule = rules.find((r) => r.key === key)!
    const text = field === 'mitigationNl' && rule.kind === 'risk' ? rule.data.mitigationNl : rule[field as 'bodyEn']
    expect(text).not.toMatch(pattern)
  })

  it('cites the azc-relocation case from the partners’ chapter, where the report tells it', () => {
    expect(rules.find((r) => r.key === 'risk.azc-relocation')!.sources[0]!.section).toMatch(/§3\.2\.1/)
  })

  it('rates the shorter waiting period as announced, for a high chance of a permit only', () => {
    const pact = rules.find((r) => r.key === 'condition.application_period_pact')!
    expect(pact).toMatchObject({ status: 'announced', effectiveFrom: '2026-06-12', data: { months: 3, appliesTo: 'high_permit_chance' } })
    expect(pact.titleNl).not.toMatch(/aangekondigd/)
  })
})

describe('a rule as an admin saves it', () => {
  const content: RuleContent = {
    titleNl: 'Titel',
    titleEn: 'Title',
    bodyNl: 'Tekst',
    bodyEn: 'Text',
    sources: [sourceSchema.parse({ kind: 'report', title: 'Rapport', section: '§4.6', verified: true })],
    effectiveFrom: '2026-01-01',
    effectiveTo: null,
    reviewedOn: '2026-11-27',
    reviewBy: '2027-05-27',
    status: 'in_force',
  }
  const risk = { severity: 'high', mitigationNl: 'Doe iets', mitigationEn: 'Do something', factNl: 'Minimaal {hoursMin} uur', factEn: 'At least {hoursMin} hours', hoursThreshold: 24 }

  it.each([
    ['a risk with its own placeholders', 'risk', content, risk, []],
    ['a placeholder the risk does not fill', 'risk', content, { ...risk, factEn: 'At least {hours} hours' }, ['data.factEn']],
    ['a placeholder in the body', 'risk', { ...content, bodyEn: 'This vacancy offers {hoursMin}' }, risk, ['bodyEn']],
    ['a number where a table is expected', 'lead_time', content, { measuredOn: '2023-10-10', reportedN: 20, bins: 'many' }, ['data.bins']],
    ['an unknown field in the data', 'step', content, { paths: ['asylum_seeker'], owner: 'employer', order: 1, surprise: true }, ['data']],
    ['an end before the start', 'condition', { ...content, effectiveTo: '2025-01-01' }, {}, ['effectiveTo']],
    ['a review date before the last review', 'condition', { ...content, reviewBy: '2026-01-01' }, {}, ['reviewBy']],
  ] as const)('%s', (_name, kind, ruleContent, data, paths) => {
    const { issues } = validateRule(kind, ruleContent, data, ['hoursMin', 'threshold'])
    expect(issues.map((i) => i.path.slice(0, 2).join('.').replace(/^data\.$/, 'data'))).toEqual(expect.arrayContaining([...paths]))
    if (paths.length === 0) expect(issues).toEqual([])
  })

  it.each([
    ['an http link', { kind: 'official', title: 'x', url: 'http://uwv.nl/', readOn: '2026-11-27', verified: true }, 'url'],
    ['a verified page without a link', { kind: 'official', title: 'x', readOn: '2026-11-27', verified: true }, 'url'],
    ['a verified page without a read date', { kind: 'official', title: 'x', url: 'https://uwv.nl/', verified: true }, 'readOn'],
    ['the report without a section', { kind: 'report', title: 'Rapport', verified: true }, 'section'],
    ['an assumption claimed as verified', { kind: 'assumption', title: 'x', verified: true }, 'verified'],
  ])('refuses a source with %s', (_name, source, field) => {
    const parsed = sourceSchema.safeParse(source)
    expect(parsed.success).toBe(false)
    expect(parsed.error!.issues.map((i) => i.path[0])).toContain(field)
  })

  it('accepts an unverified source without a link, to be shown as unverified', () => {
    expect(sourceSchema.parse({ kind: 'secondary', title: 'Gemeentelijke informatie', verified: false })).toMatchObject({ url: null, verified: false })
  })
})

describe('the review list', () => {
  it('lists the announced 3-month rule once its start date has passed, and the missing July wage amounts', () => {
    const due = reviewDue(rules, [], '2026-11-28')
    expect(due).toContainEqual({ key: 'condition.application_period_pact', reason: 'announced_start_passed', since: '2026-06-12' })
    expect(due).toContainEqual({ key: 'minimum_wage', reason: 'minimum_wage_due', since: '2026-07-01' })
    expect(due.filter((d) => d.reason === 'review_by_passed')).toEqual([])
  })

  it('lists every rule once its review date has passed, and rules that no longer validate', () => {
    const due = reviewDue(rules, ['risk.broken'], '2027-05-28')
    expect(due.filter((d) => d.reason === 'review_by_passed')).toHaveLength(rules.length)
    expect(due).toContainEqual({ key: 'risk.broken', reason: 'invalid', since: null })
  })

  it('has nothing due before the start date and the indexation date', () => {
    expect(reviewDue(rules, [], '2026-06-11')).toEqual([])
  })
})

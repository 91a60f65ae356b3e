import { describe, expect, it } from 'vitest'
import { rulesFromDefaults } from '~/modules/policy'
import { evaluateScan } from './scan'
import type { ScanAnswers } from './scan.schema'

const answers: ScanAnswers = { title: null, hoursMin: 24, hoursMax: 32, contractMonths: null, shifts: ['day'], travelTimes: [], englishLevel: null, startDate: null }

describe('who can do the job, as the scan says it', () => {
  it('cites UWV for the asylum seeker with a TWV and COA for the status holder with a BSN, each once', () => {
    const result = evaluateScan(answers, rulesFromDefaults(), '2026-11-29', 'nl')
    const sourcesOf = (path: string) => result.paths.find((p) => p.path === path)!.whoSources
    expect(sourcesOf('asylum_seeker').map((s) => s.url)).toContain('https://www.uwv.nl/werkgevers/werkvergunning/speciale-voorwaarden-per-categorie/detail/asielzoeker')
    expect(sourcesOf('status_holder').map((s) => s.url)).toContain('https://coa.nl/nl/asielopvang/vertrek-uit-de-opvang/basisregistratie-personen')
    for (const path of ['asylum_seeker', 'status_holder']) {
      const sources = sourcesOf(path)
      // A link is https; a source without one is the pilot's report by section, or says it is unverified.
      for (const source of sources) expect(source.url?.startsWith('https://') || source.section !== null || !source.verified, source.title).toBe(true)
      expect(new Set(sources.map((s) => `${s.title}|${s.section}`)).size).toBe(sources.length)
    }
  })

  it('has no source to show when the rules behind those steps are gone, rather than an invented one', () => {
    const rules = rulesFromDefaults().filter((rule) => !['step.eligibility', 'step.twv_application', 'step.bsn_check', 'step.municipality_linkage'].includes(rule.key))
    const result = evaluateScan(answers, rules, '2026-11-29', 'en')
    expect(result.paths.map((p) => p.whoSources)).toEqual([[], []])
  })
})

import { describe, expect, it } from 'vitest'
import { pdfText } from '../../../tests/support/pdf'
import { catalogueOf } from '~/lib/i18n'
import { latinFontCovers, renderChecklistPdf } from './checklist-pdf.server'
import { buildGuidance } from './guidance'
import { rulesFromDefaults } from '../policy/defaults'
import { sourceText } from '../policy/source-text'

const rules = rulesFromDefaults()
const hire = {
  residenceStatus: 'asylum_seeker' as const,
  isAdult: true,
  asylumApplicationDate: '2026-01-10',
  wDocumentValidUntil: '2027-06-01',
  dublinClaimant: false,
  medicalResidenceGround: false,
  hasBsn: false,
  permitChance: null,
  createdOn: '2026-11-20',
}

describe('TWV checklist PDF', () => {
  it.each(['nl', 'en'] as const)('holds the organisation, the reference, every step and every source (%s)', async (locale) => {
    const guidance = buildGuidance({ hire, rules, done: { 'step.eligibility': '2026-11-21' }, today: '2026-11-27', own: {}, locale })
    const pdf = await renderChecklistPdf(locale, { organisationName: 'Flevo Logistiek BV', vacancyTitle: 'Orderpicker', hireReference: 'AZC-1042', residenceStatus: 'asylum_seeker' }, [guidance])
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const text = await pdfText(new Uint8Array(pdf))
    expect(text).toContain('Flevo Logistiek BV')
    expect(text).toContain('AZC-1042')
    for (const step of guidance.steps) expect(text).toContain(step.title)
    for (const rule of guidance.rulesUsed) for (const source of rule.sources) expect(text.replace(/\s/g, '')).toContain(sourceText(source, locale).replace(/\s/g, ''))
    // The status is said once, not in the title as well.
    expect(text).not.toMatch(/\((aangekondigd|announced)\)\s*\((aangekondigd|announced)/)
    expect(text).toContain(locale === 'nl' ? 'Bronnen' : 'Sources')
  })

  it('writes a name in another script with the full font, not as empty boxes', async () => {
    const guidance = buildGuidance({ hire, rules, done: {}, today: '2026-11-27', own: {}, locale: 'nl' })
    const pdf = await renderChecklistPdf('nl', { organisationName: 'Ромашка Логистика', vacancyTitle: 'Orderpicker', hireReference: 'AZC-7', residenceStatus: 'asylum_seeker' }, [guidance])
    const text = await pdfText(new Uint8Array(pdf))
    expect(text).toContain('Ромашка Логистика')
  })

  it.each(['nl', 'en'] as const)('has every message of the checklist in the Latin cut of the font (%s)', (locale) => {
    const catalogue = catalogueOf(locale) as Record<string, string>
    const used = Object.entries(catalogue).filter(([key]) => key.startsWith('twv.') || key === 'dashboard.organisation')
    expect(used.length).toBeGreaterThan(20)
    expect(used.filter(([, message]) => !latinFontCovers(message))).toEqual([])
  })
})

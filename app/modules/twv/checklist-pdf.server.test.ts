import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'
import { pdfText } from '../../../tests/support/pdf'
import { catalogueOf, translate } from '~/lib/i18n'
import { latinFontCovers, renderChecklistPdf, sharedLayoutCount } from './checklist-pdf.server'
import { buildGuidance } from './guidance'
import { rulesFromDefaults } from '~/modules/policy'
import { sourceText } from '~/modules/policy'

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

  it('lays out each word once across documents, and a later document reads the same', async () => {
    const guidance = buildGuidance({ hire, rules, done: {}, today: '2026-11-27', own: {}, locale: 'nl' })
    const header = { organisationName: 'Gedeeld Transport BV', vacancyTitle: 'Heftruckchauffeur', hireReference: 'AZC-77', residenceStatus: 'asylum_seeker' as const }
    const first = await pdfText(new Uint8Array(await renderChecklistPdf('nl', header, [guidance])))
    const kept = sharedLayoutCount()
    // If a pdfkit upgrade no longer has the per-font cache this hooks into, this says so.
    expect(kept).toBeGreaterThan(50)
    const second = await pdfText(new Uint8Array(await renderChecklistPdf('nl', header, [guidance])))
    expect(second).toBe(first)
    expect(sharedLayoutCount()).toBe(kept)
    const third = await pdfText(new Uint8Array(await renderChecklistPdf('nl', { ...header, organisationName: 'Zwaluwstaartverbinding BV' }, [guidance])))
    expect(third).toContain('Zwaluwstaartverbinding BV')
    expect(sharedLayoutCount()).toBeGreaterThan(kept)
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

  // qpdf is Debian's (apt-get install qpdf); .ci/run installs it, and without it CI fails on the skip.
  const qpdf = ['/usr/bin/qpdf', '/usr/local/bin/qpdf'].some((p) => existsSync(p))

  it.skipIf(!qpdf)('declares its language, its structure, a title viewers show and XMP metadata in the catalog (qpdf)', async () => {
    const pdf = await englishChecklist()
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'checklist-')), 'checklist.pdf')
    writeFileSync(file, pdf)
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors found')
    const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=qpdf', file], { encoding: 'utf8' })) as { qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>] }
    const objects = json.qpdf[1]
    // An indirect reference ("5 0 R") is followed to its object.
    const deref = (value: unknown) => (typeof value === 'string' && / R$/.test(value) ? objects[`obj:${value}`]!.value! : value) as Record<string, unknown>
    const catalog = deref(objects.trailer!.value!['/Root'])
    expect(catalog['/Lang']).toBe('u:en-GB')
    expect(deref(catalog['/MarkInfo'])).toEqual({ '/Marked': true })
    expect(catalog['/StructTreeRoot']).toBeDefined()
    expect(deref(catalog['/ViewerPreferences'])['/DisplayDocTitle']).toBe(true)
    const metadata = objects[`obj:${String(catalog['/Metadata'])}`] as unknown as { stream: { dict: Record<string, unknown> } }
    expect(metadata.stream.dict['/Subtype']).toBe('/XML')
  })

  it('has a real title and a structure tree with headings and lists in reading order (pdf.js)', async () => {
    const pdf = await englishChecklist()
    const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise
    const { info } = (await document.getMetadata()) as unknown as { info: { Title: string } }
    expect(info.Title).toBe(`Werkbrug — ${translate('en', 'twv.title')} — AZC-1042`)
    const roles: string[] = []
    const walk = (node: { role?: string; children?: unknown[] }) => {
      if (node.role) roles.push(node.role)
      for (const child of node.children ?? []) walk(child as { role?: string; children?: unknown[] })
    }
    for (let n = 1; n <= document.numPages; n++) walk((await (await document.getPage(n)).getStructTree()) as never)
    await document.destroy()
    expect(roles[0]).toBe('Root')
    expect(roles).toContain('Document')
    expect(roles.indexOf('H1')).toBeGreaterThan(0)
    expect(roles.indexOf('H1')).toBeLessThan(roles.indexOf('H2'))
    expect(roles.filter((r) => r === 'L').length).toBeGreaterThanOrEqual(3)
    // Every step and document is an item of a list (and the sources too).
    const guidance = englishGuidance()
    expect(roles.filter((r) => r === 'LI').length).toBeGreaterThanOrEqual(guidance.steps.length + guidance.documents.length)
  })
})

function englishGuidance() {
  return buildGuidance({ hire, rules, done: { 'step.eligibility': '2026-11-21' }, today: '2026-11-27', own: {}, locale: 'en' })
}

function englishChecklist() {
  return renderChecklistPdf('en', { organisationName: 'Flevo Logistiek BV', vacancyTitle: 'Orderpicker', hireReference: 'AZC-1042', residenceStatus: 'asylum_seeker' }, [englishGuidance()])
}

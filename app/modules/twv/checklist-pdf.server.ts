import { readFileSync } from 'node:fs'
import path from 'node:path'
import PDFDocument from 'pdfkit'
import { todayInAmsterdam } from '~/lib/dates'
import { translate, type Locale, type MessageKey } from '~/lib/i18n'
import type { Guidance } from './guidance'
import { sourceText } from '~/modules/policy'

// Shipped in the repository (DejaVu, free licence): the PDF looks the same on every machine and
// carries every Dutch character, the euro sign included. The full fonts cover thousands of
// glyphs, and pdfkit parses and subsets whichever it is given for every document: the "Latin"
// cuts hold only the ranges below (public/fonts/README.md says how they were made) and make a
// checklist several times cheaper. A document whose text needs anything else gets the full fonts.
const fontDir = path.resolve(process.cwd(), 'public/fonts')
const font = (file: string) => {
  let bytes: Buffer | undefined
  return () => (bytes ??= readFileSync(path.join(fontDir, file)))
}
const FULL = { regular: font('DejaVuSans.ttf'), bold: font('DejaVuSans-Bold.ttf') }
const LATIN = { regular: font('DejaVuSans-Latin.ttf'), bold: font('DejaVuSans-Bold-Latin.ttf') }

/** The code points the Latin cuts carry (inclusive ranges). */
export const LATIN_FONT_RANGES: readonly (readonly [number, number])[] = [
  [0x0a, 0x0a],
  [0x20, 0x7e],
  [0xa0, 0x17f],
  [0x2010, 0x2027],
  [0x2030, 0x203a],
  [0x20ac, 0x20ac],
  [0x2122, 0x2122],
  [0x2190, 0x2193],
  [0x2212, 0x2212],
  [0x2713, 0x2714],
]

export function latinFontCovers(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0)!
    if (!LATIN_FONT_RANGES.some(([from, to]) => code >= from && code <= to)) return false
  }
  return true
}

// pdfkit shapes every word with fontkit (OpenType lookups, a few dozen µs a word) and keeps the
// result for one document only, while checklists repeat the same words document after document:
// that was half of a checklist's time. A word's layout depends only on the font file (glyph ids,
// advances and positions, scaled per font and never changed by pdfkit once made), so the layouts
// are kept per font file across documents, bounded. If a pdfkit upgrade drops the per-font cache
// this hooks into, documents are still right, only slower (a unit test says so).
const MAX_SHARED_LAYOUTS = 20_000
const sharedLayouts = new Map<() => Buffer, Record<string, unknown>>()

function shareLayouts(doc: PDFKit.PDFDocument, name: string, file: () => Buffer): void {
  doc.font(name)
  const font = (doc as unknown as { _font?: { layoutCache?: unknown } })._font
  if (!font || typeof font.layoutCache !== 'object' || font.layoutCache === null) return
  let layouts = sharedLayouts.get(file)
  if (!layouts || Object.keys(layouts).length > MAX_SHARED_LAYOUTS) sharedLayouts.set(file, (layouts = Object.create(null) as Record<string, unknown>))
  font.layoutCache = layouts
}

/** How many word layouts are kept across documents (for the test that the sharing still works). */
export function sharedLayoutCount(): number {
  let count = 0
  for (const layouts of sharedLayouts.values()) count += Object.keys(layouts).length
  return count
}

export type ChecklistHeader = {
  organisationName: string
  vacancyTitle: string
  hireReference: string | null
  residenceStatus: Guidance['path'] | null
}

/**
 * The TWV document checklist as a real, tagged PDF (PDF/UA): header, dates, steps and documents
 * with boxes, sources. Headings, paragraphs and lists are structure elements in reading order, the
 * drawn boxes are artifacts (a step's state is in its text), the document declares its language
 * and a title that viewers show, with XMP metadata.
 */
export function renderChecklistPdf(locale: Locale, header: ChecklistHeader, guidances: Guidance[]): Promise<Buffer> {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params)
  // Our own messages are Latin (a unit test holds them to it); names, titles and rule texts are
  // what may bring other scripts.
  const fonts = latinFontCovers(JSON.stringify([header, guidances])) ? LATIN : FULL
  const title = `Werkbrug — ${t('twv.title')}${header.hireReference ? ` — ${header.hireReference}` : ''}`
  const doc = new PDFDocument({
    size: 'A4',
    // No Helvetica: pdfkit would parse its metrics for every document, and nothing is set in it.
    font: null as unknown as string,
    margin: 50,
    pdfVersion: '1.7',
    tagged: true,
    // PDF/UA: pdfkit then writes XMP metadata naming the part; @types/pdfkit predates the option.
    subset: 'PDF/UA' as never,
    lang: locale === 'nl' ? 'nl-NL' : 'en-GB',
    displayTitle: true,
    info: { Title: title, Author: 'Werkbrug', Subject: `${header.organisationName} — ${header.vacancyTitle}`, Creator: 'Werkbrug' },
  })
  doc.registerFont('regular', fonts.regular())
  doc.registerFont('bold', fonts.bold())
  shareLayouts(doc, 'bold', fonts.bold)
  shareLayouts(doc, 'regular', fonts.regular)
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  const root = doc.struct('Document')
  doc.addStructure(root)
  type Parent = typeof root
  const paragraph = (parent: Parent, draw: () => void) => parent.add(doc.struct('P', {}, draw))
  const heading = (parent: Parent, level: 'H1' | 'H2' | 'H3', text: string, size: number) => {
    parent.add(
      doc.struct(level, {}, () => {
        doc.moveDown(0.6).font('bold').fontSize(size).fillColor('#0b5563').text(text).fillColor('#1b2430').font('regular').fontSize(10)
      }),
    )
  }
  /** A list of ticked or open items; the box is drawn as an artifact, the state is in the text. */
  const checklist = (parent: Parent, items: { label: string; checked: boolean; detail?: string }[]) => {
    const list = doc.struct('L')
    parent.add(list)
    for (const item of items) {
      const x = doc.x
      const y = doc.y
      doc.markContent('Artifact', { type: 'Layout' })
      doc.rect(x, y + 1, 9, 9).stroke('#1b2430')
      if (item.checked) doc.font('bold').text('✓', x + 1, y - 1, { lineBreak: false }).font('regular')
      doc.endMarkedContent()
      const entry = doc.struct('LI')
      list.add(entry)
      entry.add(
        doc.struct('LBody', {}, () => {
          doc.text(item.label, x + 16, y, { width: 480 })
          if (item.detail) doc.fillColor('#4a5562').text(item.detail, x + 16, doc.y, { width: 480 }).fillColor('#1b2430')
        }),
      )
      entry.end()
      doc.x = x
      doc.moveDown(0.3)
    }
    list.end()
  }

  root.add(
    doc.struct('H1', {}, () => {
      doc.font('bold').fontSize(20).fillColor('#0b5563').text(`Werkbrug — ${t('twv.title')}`)
    }),
  )
  doc.font('regular').fontSize(10).fillColor('#1b2430').moveDown(0.5)
  paragraph(root, () => {
    doc.text(`${t('dashboard.organisation')}: ${header.organisationName}`)
    doc.text(`${t('twv.vacancy')}: ${header.vacancyTitle}`)
    doc.text(`${t('twv.reference')}: ${header.hireReference ?? t('twv.blank')}`)
    if (header.residenceStatus) doc.text(`${t('twv.status')}: ${t(`twv.status.${header.residenceStatus}`)}`)
  })

  const sources = new Map<string, Guidance['rulesUsed'][number]>()
  const nested = guidances.length > 1 || !header.residenceStatus
  for (const guidance of guidances) {
    const section = doc.struct('Sect')
    root.add(section)
    if (nested) heading(section, 'H2', t(`twv.status.${guidance.path}`), 15)
    const sub = nested ? 'H3' : 'H2'
    if (guidance.expected && guidance.expected.basis !== 'none' && header.hireReference) {
      const expected = `${t('twv.expected')}: ${t(guidance.expected.p80AtLeast ? 'twv.expectedRangeAtLeast' : 'twv.expectedRange', { medianDate: guidance.expected.median, p80Date: guidance.expected.p80 })} (${t(`twv.basis.${guidance.expected.basis}`)})`
      paragraph(section, () => {
        doc.moveDown(0.4).text(expected)
      })
    }
    if (guidance.eligibility) {
      heading(section, sub, t('twv.eligibility'), 14)
      checklist(
        section,
        guidance.eligibility.conditions.map((condition) => {
          const rule = guidance.rulesUsed.find((r) => r.key === condition.key)
          const state = header.hireReference ? ` — ${t(`twv.condition.${condition.state}`)}${condition.from && condition.state !== 'met' ? ` (${t('twv.conditionFrom', { fromDate: condition.from })})` : ''}` : ''
          return { label: `${rule?.title ?? condition.key}${state}`, checked: condition.state === 'met' && Boolean(header.hireReference) }
        }),
      )
    }
    heading(section, sub, t('twv.steps'), 14)
    checklist(
      section,
      guidance.steps.map((step, i) => ({
        label: `${i + 1}. ${step.title} (${t('twv.owner')}: ${t(`twv.owner.${step.owner}` as MessageKey)})${step.doneOn ? ` — ${t('twv.doneOn', { doneDate: step.doneOn })}` : ''}`,
        checked: Boolean(step.doneOn),
        detail: step.body,
      })),
    )
    heading(section, sub, t('twv.documents'), 14)
    checklist(section, guidance.documents.map((document) => ({ label: document.title, checked: false })))
    section.end()
    for (const rule of guidance.rulesUsed) sources.set(rule.key, rule)
  }

  const sourcesSection = doc.struct('Sect')
  root.add(sourcesSection)
  heading(sourcesSection, 'H2', t('twv.sources'), 12)
  doc.fontSize(8)
  const sourceList = doc.struct('L')
  sourcesSection.add(sourceList)
  for (const rule of sources.values()) {
    const entry = doc.struct('LI')
    sourceList.add(entry)
    entry.add(
      doc.struct('LBody', {}, () => {
        doc.text(`${rule.title} (${t(`twv.policyStatus.${rule.status}`)}; ${t('twv.reviewed', { reviewedDate: rule.reviewedOn })}): ${rule.sources.map((s) => sourceText(s, locale)).join('; ')}`)
      }),
    )
    entry.end()
  }
  sourceList.end()
  paragraph(sourcesSection, () => {
    doc.moveDown().fillColor('#4a5562').text(t('twv.generated', { generatedDate: todayInAmsterdam() }))
  })
  sourcesSection.end()
  root.end()
  doc.end()
  return finished
}

import { readFileSync } from 'node:fs'
import path from 'node:path'
import PDFDocument from 'pdfkit'
import { todayInAmsterdam } from '~/lib/dates'
import { translate, type Locale, type MessageKey } from '~/lib/i18n'
import type { Guidance } from './guidance'
import { sourceText } from '~/modules/policy/source-text'

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

export type ChecklistHeader = {
  organisationName: string
  vacancyTitle: string
  hireReference: string | null
  residenceStatus: Guidance['path'] | null
}

/** The TWV document checklist as a real PDF: header, dates, steps and documents with boxes, sources. */
export function renderChecklistPdf(locale: Locale, header: ChecklistHeader, guidances: Guidance[]): Promise<Buffer> {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params)
  // Our own messages are Latin (a unit test holds them to it); names, titles and rule texts are
  // what may bring other scripts.
  const fonts = latinFontCovers(JSON.stringify([header, guidances])) ? LATIN : FULL
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: t('twv.title'), Author: 'Werkbrug' } })
  doc.registerFont('regular', fonts.regular())
  doc.registerFont('bold', fonts.bold())
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  const heading = (text: string, size = 14) => {
    doc.moveDown(0.6).font('bold').fontSize(size).fillColor('#0b5563').text(text).fillColor('#1b2430').font('regular').fontSize(10)
  }
  const box = (label: string, checked: boolean, detail?: string) => {
    const x = doc.x
    const y = doc.y
    doc.rect(x, y + 1, 9, 9).stroke('#1b2430')
    if (checked) doc.font('bold').text('✓', x + 1, y - 1, { lineBreak: false }).font('regular')
    doc.text(label, x + 16, y, { width: 480 })
    if (detail) doc.fillColor('#4a5562').text(detail, x + 16, doc.y, { width: 480 }).fillColor('#1b2430')
    doc.x = x
    doc.moveDown(0.3)
  }

  doc.font('bold').fontSize(20).fillColor('#0b5563').text(`Werkbrug — ${t('twv.title')}`)
  doc.font('regular').fontSize(10).fillColor('#1b2430').moveDown(0.5)
  doc.text(`${t('dashboard.organisation')}: ${header.organisationName}`)
  doc.text(`${t('twv.vacancy')}: ${header.vacancyTitle}`)
  doc.text(`${t('twv.reference')}: ${header.hireReference ?? t('twv.blank')}`)
  if (header.residenceStatus) doc.text(`${t('twv.status')}: ${t(`twv.status.${header.residenceStatus}`)}`)

  const sources = new Map<string, Guidance['rulesUsed'][number]>()
  for (const guidance of guidances) {
    if (guidances.length > 1 || !header.residenceStatus) heading(t(`twv.status.${guidance.path}`), 15)
    if (guidance.expected && guidance.expected.basis !== 'none' && header.hireReference) {
      doc.moveDown(0.4).text(
        `${t('twv.expected')}: ${t(guidance.expected.p80AtLeast ? 'twv.expectedRangeAtLeast' : 'twv.expectedRange', { medianDate: guidance.expected.median, p80Date: guidance.expected.p80 })} (${t(`twv.basis.${guidance.expected.basis}`)})`,
      )
    }
    if (guidance.eligibility) {
      heading(t('twv.eligibility'))
      for (const condition of guidance.eligibility.conditions) {
        const rule = guidance.rulesUsed.find((r) => r.key === condition.key)
        const state = header.hireReference ? ` — ${t(`twv.condition.${condition.state}`)}${condition.from && condition.state !== 'met' ? ` (${t('twv.conditionFrom', { fromDate: condition.from })})` : ''}` : ''
        box(`${rule?.title ?? condition.key}${state}`, condition.state === 'met' && Boolean(header.hireReference))
      }
    }
    heading(t('twv.steps'))
    guidance.steps.forEach((step, i) => {
      const done = step.doneOn ? ` — ${t('twv.doneOn', { doneDate: step.doneOn })}` : ''
      box(`${i + 1}. ${step.title} (${t('twv.owner')}: ${t(`twv.owner.${step.owner}` as MessageKey)})${done}`, Boolean(step.doneOn), step.body)
    })
    heading(t('twv.documents'))
    for (const document of guidance.documents) box(document.title, false)
    for (const rule of guidance.rulesUsed) sources.set(rule.key, rule)
  }

  heading(t('twv.sources'), 12)
  doc.fontSize(8)
  for (const rule of sources.values()) {
    doc.text(`${rule.title} (${t(`twv.policyStatus.${rule.status}`)}; ${t('twv.reviewed', { reviewedDate: rule.reviewedOn })}): ${rule.sources.map((s) => sourceText(s, locale)).join('; ')}`)
  }
  doc.moveDown().fillColor('#4a5562').text(t('twv.generated', { generatedDate: todayInAmsterdam() }))
  doc.end()
  return finished
}

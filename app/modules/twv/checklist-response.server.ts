import type { Db } from '#db/client.server'
import { isLocale, type Locale } from '~/lib/i18n'
import type { Actor } from '~/modules/authorisation'
import { renderChecklistPdf } from './checklist-pdf.server'
import { blankGuidance, hireGuidance } from './hires.server'

/** ?lang=nl|en wins; otherwise the reader's own language. */
export function checklistLocale(request: Request, fallback: Locale): Locale {
  const lang = new URL(request.url).searchParams.get('lang')
  return isLocale(lang) ? lang : fallback
}

function pdfResponse(pdf: Buffer, filename: string): Response {
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}

/** The filled-in checklist of a hire, or null when the hire is not the actor's. */
export async function hireChecklistPdf(db: Db, actor: Actor, hireId: string, locale: Locale): Promise<Response | null> {
  const result = await hireGuidance(db, actor, hireId, locale)
  if (!result) return null
  const { hire, guidance } = result
  const pdf = await renderChecklistPdf(
    locale,
    { organisationName: hire.organisationName, vacancyTitle: hire.vacancyTitle, hireReference: hire.reference, residenceStatus: hire.residenceStatus },
    [guidance],
  )
  return pdfResponse(pdf, `twv-checklist-${hire.reference}.pdf`)
}

/** The blank checklist for a vacancy, for HR to prepare before there is a hire. */
export async function vacancyChecklistPdf(db: Db, actor: Actor, vacancyId: string, locale: Locale): Promise<Response | null> {
  const result = await blankGuidance(db, actor, vacancyId, locale)
  if (!result) return null
  const pdf = await renderChecklistPdf(
    locale,
    { organisationName: result.vacancy.organisationName, vacancyTitle: result.vacancy.title, hireReference: null, residenceStatus: null },
    result.guidances,
  )
  return pdfResponse(pdf, 'twv-checklist.pdf')
}

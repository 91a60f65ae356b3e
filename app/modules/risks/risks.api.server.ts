import { z } from 'zod'
import { calendarDate } from '~/lib/schema-fields'
import { FieldValidationError } from '~/lib/errors.server'
import { parseWithSchema } from '~/lib/forms'
import { isLocale, type Locale } from '~/lib/i18n'

const querySchema = z.object({
  date: calendarDate().optional(),
  lang: z.enum(['nl', 'en'], { message: 'errors.invalidChoice' }).optional(),
})

/** ?date= evaluates at another date, ?lang= picks the language; both validated. */
export function riskQuery(request: Request, fallback: Locale): { date?: string; locale: Locale } {
  const parsed = parseWithSchema(querySchema, Object.fromEntries(new URL(request.url).searchParams))
  if (!parsed.success) throw new FieldValidationError(parsed.fieldErrors)
  return { date: parsed.data.date, locale: isLocale(parsed.data.lang) ? parsed.data.lang : fallback }
}

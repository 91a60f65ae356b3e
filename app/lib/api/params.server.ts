import { z } from 'zod'
import { ApiProblem } from './problem.server'
import { FieldValidationError } from '../errors.server'
import { parseWithSchema } from '../forms'
import type { Locale } from '../i18n'

const uuid = z.uuid()

/** A path id that is not a UUID cannot name anything of ours: 404, not 400. */
export function idParam(value: string | undefined): string {
  const parsed = uuid.safeParse(value)
  if (!parsed.success) throw new ApiProblem(404, 'api.notFound')
  return parsed.data
}

const langQuerySchema = z.object({ lang: z.enum(['nl', 'en'], { message: 'errors.invalidChoice' }).optional() }).strict()

/** ?lang= picks the language of the answer (else Accept-Language); anything else is a 400. */
export function langQuery(request: Request, fallback: Locale): Locale {
  const parsed = parseWithSchema(langQuerySchema, Object.fromEntries(new URL(request.url).searchParams))
  if (!parsed.success) throw new FieldValidationError(parsed.fieldErrors)
  return parsed.data.lang ?? fallback
}

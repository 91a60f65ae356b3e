import { z } from 'zod'
import { apiRoute, json } from '~/web/api/handler.server'
import { FieldValidationError } from '~/lib/errors.server'
import { parseWithSchema } from '~/lib/forms'
import { decodeCursor, encodeCursor } from '~/lib/keyset-cursor.server'
import { listHires } from '~/modules/twv/hires.server'

const querySchema = z.object({
  limit: z.coerce.number({ message: 'errors.wholeNumber' }).int('errors.wholeNumber').min(1, 'errors.numberRange').max(100, 'errors.numberRange').default(25),
  cursor: z.string().max(200).optional(),
})

const handle = apiRoute({
  GET: async ({ request, context, actor }) => {
    const query = parseWithSchema(querySchema, Object.fromEntries(new URL(request.url).searchParams))
    if (!query.success) throw new FieldValidationError(query.fieldErrors)
    const before = query.data.cursor ? decodeCursor(query.data.cursor) : undefined
    if (query.data.cursor && !before) throw new FieldValidationError({ cursor: { key: 'errors.invalid' } })
    const rows = await listHires(context.db, actor, { limit: query.data.limit + 1, before: before ?? undefined })
    const page = rows.slice(0, query.data.limit)
    return json({
      data: page.map((h) => ({
        id: h.id,
        vacancyId: h.vacancyId,
        reference: h.reference,
        residenceStatus: h.residenceStatus,
        createdAt: h.createdAt.toISOString(),
      })),
      nextCursor: rows.length > query.data.limit ? encodeCursor(page.at(-1)!) : null,
    })
  },
})

export const loader = handle
export const action = handle

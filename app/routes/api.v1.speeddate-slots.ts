import { apiRoute, json } from '~/web/api/handler.server'
import { FieldValidationError } from '~/lib/errors.server'
import { parseWithSchema } from '~/lib/forms'
import { listSlots } from '~/modules/speeddates/slots.server'
import { slotListFiltersSchema } from '~/modules/speeddates/speeddates.schema'
import { slotJson } from '~/modules/speeddates/speeddates.presenter'

const handle = apiRoute({
  GET: async ({ request, context, actor }) => {
    const filters = parseWithSchema(slotListFiltersSchema, Object.fromEntries(new URL(request.url).searchParams))
    if (!filters.success) throw new FieldValidationError(filters.fieldErrors)
    const slots = await listSlots(context.db, actor, { ...filters.data, freeOnly: true })
    return json({ data: slots.map(slotJson) })
  },
})

export const loader = handle
export const action = handle

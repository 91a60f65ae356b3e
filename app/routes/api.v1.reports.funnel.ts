import { apiRoute, json } from '~/web/api/handler.server'
import { todayInAmsterdam } from '~/lib/dates'
import { FieldValidationError } from '~/lib/errors.server'
import { parseWithSchema } from '~/lib/forms'
import { loadFunnel } from '~/modules/pipeline/funnel.server'
import { funnelJson } from '~/modules/pipeline/funnel-json'
import { funnelQuerySchema } from '~/modules/pipeline/pipeline.schema'
import { employerFunnel } from '~/modules/scan/funnel.server'

// The intermediary's own report for its own systems (its key; the same numbers as /reports).
const handle = apiRoute(
  {
    GET: async ({ request, context, actor }) => {
      const params = new URL(request.url).searchParams
      const parsed = parseWithSchema(funnelQuerySchema(todayInAmsterdam()), { from: params.get('from') ?? '', to: params.get('to') ?? '', location: params.get('location') ?? '' })
      if (!parsed.success) throw new FieldValidationError(parsed.fieldErrors)
      const { from, to, location } = parsed.data
      const [funnel, quickScans] = await Promise.all([
        loadFunnel(context.readDb, actor, { from, to, receptionLocationId: location }),
        employerFunnel(context.readDb, actor, { from, to }),
      ])
      return json({ ...funnelJson(funnel), quickScans })
    },
  },
  { for: 'intermediary' },
)

export const loader = handle
export const action = handle

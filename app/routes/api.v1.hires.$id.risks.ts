import { apiRoute, json } from '~/web/api/handler.server'
import { idParam } from '~/lib/api/params.server'
import { ApiProblem } from '~/lib/api/problem.server'
import { riskQuery } from '~/modules/risks/risks.api.server'
import { hireRisks } from '~/modules/risks/risks.server'

const handle = apiRoute({
  GET: async ({ request, params, context, actor, locale }) => {
    const query = riskQuery(request, locale)
    const result = await hireRisks(context.db, actor, idParam(params.id), query.locale, query.date)
    if (!result) throw new ApiProblem(404, 'api.notFound')
    return json({ data: result.risks })
  },
})

export const loader = handle
export const action = handle

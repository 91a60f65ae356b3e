import { apiRoute } from '~/web/api/handler.server'
import { idParam, langQuery } from '~/lib/api/params.server'
import { ApiProblem } from '~/lib/api/problem.server'
import { vacancyChecklistPdf } from '~/modules/twv/checklist-response.server'

const handle = apiRoute({
  GET: async ({ request, params, context, actor, locale }) => {
    const response = await vacancyChecklistPdf(context.db, actor, idParam(params.id), langQuery(request, locale))
    if (!response) throw new ApiProblem(404, 'api.notFound')
    return response
  },
})

export const loader = handle
export const action = handle

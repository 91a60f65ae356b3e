import { apiRoute } from '~/web/api/handler.server'
import { idParam } from '~/lib/api/params.server'
import { ApiProblem } from '~/lib/api/problem.server'
import { checklistLocale, hireChecklistPdf } from '~/modules/twv/checklist-response.server'

const handle = apiRoute({
  GET: async ({ request, params, context, actor, locale }) => {
    const response = await hireChecklistPdf(context.db, actor, idParam(params.id), checklistLocale(request, locale))
    if (!response) throw new ApiProblem(404, 'api.notFound')
    return response
  },
})

export const loader = handle
export const action = handle

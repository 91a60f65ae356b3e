import { apiRoute, json } from '~/web/api/handler.server'
import { idParam, langQuery } from '~/lib/api/params.server'
import { ApiProblem } from '~/lib/api/problem.server'
import { guidanceResponse } from '~/modules/twv/guidance.response'
import { hireGuidance } from '~/modules/twv/hires.server'

const handle = apiRoute({
  GET: async ({ request, params, context, actor, locale }) => {
    const result = await hireGuidance(context.db, actor, idParam(params.id), langQuery(request, locale))
    if (!result) throw new ApiProblem(404, 'api.notFound')
    const { hire, guidance } = result
    return json(guidanceResponse({ id: hire.id, reference: hire.reference, vacancyId: hire.vacancyId, residenceStatus: hire.residenceStatus }, guidance))
  },
})

export const loader = handle
export const action = handle

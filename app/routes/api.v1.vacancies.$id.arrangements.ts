import { apiRoute, json } from '~/web/api/handler.server'
import { idParam } from '~/lib/api/params.server'
import { ApiProblem } from '~/lib/api/problem.server'
import { emptyArrangements } from '~/modules/risks/arrangements'
import { arrangementsSchema } from '~/modules/risks/arrangements.schema'
import { getArrangements, saveArrangements } from '~/modules/risks/risks.server'
import { getVacancy } from '~/modules/vacancies/vacancies.server'

const handle = apiRoute({
  GET: async ({ params, context, actor }) => {
    const id = idParam(params.id)
    if (!(await getVacancy(context.db, actor, id))) throw new ApiProblem(404, 'api.notFound')
    return json((await getArrangements(context.db, actor, id)) ?? emptyArrangements)
  },
  PUT: async ({ params, context, actor, body, locale }) => {
    const id = idParam(params.id)
    const input = await body(arrangementsSchema)
    if (!(await saveArrangements(context.db, actor, { vacancyId: id }, input, locale))) throw new ApiProblem(404, 'api.notFound')
    return json(await getArrangements(context.db, actor, id))
  },
})

export const loader = handle
export const action = handle

import { ApiProblem } from '~/lib/api/problem.server'
import { apiRoute, json } from '~/web/api/handler.server'
import { idParam } from '~/lib/api/params.server'
import { vacancyPatchSchema } from '~/modules/vacancies/vacancies.schema'
import { vacancyJson } from '~/modules/vacancies/vacancies.presenter'
import { getVacancy, updateVacancy } from '~/modules/vacancies/vacancies.server'

const handle = apiRoute({
  GET: async ({ params, context, actor }) => {
    const vacancy = await getVacancy(context.db, actor, idParam(params.id))
    if (!vacancy) throw new ApiProblem(404, 'api.notFound')
    return json(vacancyJson(vacancy))
  },
  PATCH: async ({ params, context, actor, body }) => {
    const id = idParam(params.id)
    const patch = await body(vacancyPatchSchema)
    const vacancy = await updateVacancy(context.db, actor, id, { patch })
    if (!vacancy) throw new ApiProblem(404, 'api.notFound')
    return json(vacancyJson(vacancy))
  },
})

export const loader = handle
export const action = handle

import { ApiProblem } from '~/lib/api/problem.server'
import { apiRoute, json } from '~/web/api/handler.server'
import { vacancyJson } from '~/modules/vacancies/vacancies.presenter'
import { transitionVacancy } from '~/modules/vacancies/vacancies.server'
import { idParam } from '~/lib/api/params.server'

const handle = apiRoute({
  POST: async ({ params, context, actor }) => {
    const vacancy = await transitionVacancy(context.db, actor, idParam(params.id), 'submit', { appUrl: context.env.APP_URL })
    if (!vacancy) throw new ApiProblem(404, 'api.notFound')
    return json(vacancyJson(vacancy))
  },
})

export const loader = handle
export const action = handle

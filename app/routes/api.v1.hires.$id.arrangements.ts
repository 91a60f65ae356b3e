import { apiRoute, json } from '~/web/api/handler.server'
import { idParam } from '~/lib/api/params.server'
import { ApiProblem } from '~/lib/api/problem.server'
import { emptyArrangements } from '~/modules/risks/arrangements'
import { arrangementsSchema } from '~/modules/risks/arrangements.schema'
import { getArrangements, saveArrangements } from '~/modules/risks/risks.server'
import { getHire } from '~/modules/twv/hires.server'

// A hire's arrangements override the vacancy's; reading falls back to the vacancy's.
const handle = apiRoute({
  GET: async ({ params, context, actor }) => {
    const hire = await getHire(context.db, actor, idParam(params.id))
    if (!hire) throw new ApiProblem(404, 'api.notFound')
    return json((await getArrangements(context.db, actor, hire.vacancyId, hire.id)) ?? emptyArrangements)
  },
  PUT: async ({ params, context, actor, body, locale }) => {
    const hire = await getHire(context.db, actor, idParam(params.id))
    if (!hire) throw new ApiProblem(404, 'api.notFound')
    const input = await body(arrangementsSchema)
    await saveArrangements(context.db, actor, { vacancyId: hire.vacancyId, hire: { id: hire.id, residenceStatus: hire.residenceStatus } }, input, locale)
    return json(await getArrangements(context.db, actor, hire.vacancyId, hire.id))
  },
})

export const loader = handle
export const action = handle

import { apiRoute, json } from '~/web/api/handler.server'
import { idempotent } from '~/lib/api/idempotency.server'
import { parseWithSchema } from '~/lib/forms'
import { FieldValidationError } from '~/lib/errors.server'
import { vacancyCreateSchema, vacancyListFiltersSchema } from '~/modules/vacancies/vacancies.schema'
import { vacancyJson } from '~/modules/vacancies/vacancies.presenter'
import { createVacancy, getVacancy, listVacancies } from '~/modules/vacancies/vacancies.server'

const handle = apiRoute({
  GET: async ({ request, context, actor }) => {
    const query = Object.fromEntries(new URL(request.url).searchParams)
    const filters = parseWithSchema(vacancyListFiltersSchema, query)
    if (!filters.success) throw new FieldValidationError(filters.fieldErrors)
    const page = await listVacancies(context.db, actor, filters.data)
    return json({ data: page.data.map(vacancyJson), nextCursor: page.nextCursor })
  },
  POST: async ({ request, context, actor, body, bodyHash }) => {
    const input = await body(vacancyCreateSchema())
    const create = async (db: typeof context.db) => {
      const id = await createVacancy(db, actor, input)
      return { status: 201, body: vacancyJson((await getVacancy(db, actor, id))!) }
    }
    const key = request.headers.get('Idempotency-Key')
    if (key !== null && (key.length === 0 || key.length > 255)) {
      // Cutting a longer key would make two different keys one: refuse it instead.
      throw new FieldValidationError({ 'Idempotency-Key': { key: 'errors.idempotencyKeyLength' } })
    }
    if (!key) {
      const created = await create(context.db)
      return json(created.body, created.status, { Location: `/api/v1/vacancies/${(created.body as { id: string }).id}` })
    }
    const result = await idempotent(
      context.db,
      { apiKeyId: actor.apiKeyId, key, requestHash: await bodyHash() },
      create,
    )
    return json(result.body, result.status, {
      Location: `/api/v1/vacancies/${(result.body as { id: string }).id}`,
      ...(result.replayed ? { 'Idempotent-Replayed': 'true' } : {}),
    })
  },
})

export const loader = handle
export const action = handle

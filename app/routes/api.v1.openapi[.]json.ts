import type { LoaderFunctionArgs } from '@remix-run/node'
import { buildOpenApiDocument } from '~/web/api/openapi.server'
import { exampleVacancyBody, exampleVacancyPatch } from '~/modules/vacancies/vacancies.examples'
import { listReceptionLocations } from '~/modules/vacancies/vacancies.server'

// Public, like any API's reference: it describes the contract, not anyone's data.
export async function loader({ context }: LoaderFunctionArgs) {
  const locations = await listReceptionLocations(context.db)
  const document = buildOpenApiDocument({
    vacancyCreate: exampleVacancyBody(locations.map((l) => l.id)),
    vacancyPatch: exampleVacancyPatch,
    // A real-looking id; the live API answers 400 for a vacancy that is not yours and published.
    bookingCreate: { vacancyId: '3f2b8c1e-4d5a-4e6f-9a7b-8c9d0e1f2a3b' },
  })
  return Response.json(document, { headers: { 'Cache-Control': 'no-cache' } })
}

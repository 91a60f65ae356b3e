import { speeddateOpenApi } from '~/modules/speeddates/speeddates.openapi'
import { twvOpenApi } from '~/modules/twv/twv.openapi'
import { riskOpenApi } from '~/modules/risks/risks.openapi'
import { policyOpenApi } from '~/modules/policy/policy.openapi'
import { vacancyOpenApi } from '~/modules/vacancies/vacancies.openapi'
import { pipelineOpenApi } from '~/modules/pipeline/pipeline.openapi'

/** The OpenAPI 3.1 document of /api/v1; examples are passed in so they can be real and valid. */
export function buildOpenApiDocument(examples: { vacancyCreate: unknown; vacancyPatch: unknown; bookingCreate: unknown }) {
  const vacancies = vacancyOpenApi({ create: examples.vacancyCreate, patch: examples.vacancyPatch })
  const twv = twvOpenApi()
  const risks = riskOpenApi()
  const policy = policyOpenApi()
  const pipeline = pipelineOpenApi()
  const speeddates = speeddateOpenApi({ booking: examples.bookingCreate, cancel: { reason: 'Wij hebben de vacature al vervuld.' } })
  return {
    openapi: '3.1.0',
    info: {
      title: 'Werkbrug API',
      version: '1.0.0',
      description:
        'Vacancy profiles and speeddates for employers hiring people from asylum reception centres. Authenticate with an API key ' +
        '(Authorization: Bearer <key>) created by an employer owner (or an intermediary owner, for its report) in the portal; a key acts for its organisation only. ' +
        'Errors are application/problem+json (RFC 9457) with an `errors` list of field errors. Field names are camelCase, ' +
        'money is integer euro cents, times are ISO 8601 UTC. Send Accept-Language: en for English messages (Dutch by default).',
    },
    servers: [{ url: '/' }],
    security: [{ bearerAuth: [] }],
    paths: { ...vacancies.paths, ...speeddates.paths, ...twv.paths, ...risks.paths, ...policy.paths, ...pipeline.paths },
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
      schemas: {
        ...vacancies.schemas,
        ...speeddates.schemas,
        ...twv.schemas,
        ...risks.schemas,
        ...policy.schemas,
        ...pipeline.schemas,
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            instance: { type: 'string' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                required: ['field', 'pointer', 'code', 'message'],
                properties: {
                  field: { type: 'string', description: 'Dotted path of the field, e.g. travelTimes.0.minutes' },
                  pointer: { type: 'string', description: 'JSON Pointer to the field' },
                  code: { type: 'string', description: 'Stable error code, e.g. wageBelowMinimum' },
                  message: { type: 'string', description: 'Explanation in the requested language' },
                },
              },
            },
          },
        },
      },
      responses: {
        Problem: {
          description: 'A problem (RFC 9457); RateLimit-* headers are sent on every response',
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      },
    },
  }
}

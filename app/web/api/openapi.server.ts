import { apiTags, operationDocs } from './operation-docs'
import { speeddateOpenApi } from '~/modules/speeddates/speeddates.openapi'
import { twvOpenApi } from '~/modules/twv/twv.openapi'
import { riskOpenApi } from '~/modules/risks/risks.openapi'
import { policyOpenApi } from '~/modules/policy/policy.openapi'
import { vacancyOpenApi } from '~/modules/vacancies/vacancies.openapi'
import { pipelineOpenApi } from '~/modules/pipeline/pipeline.openapi'
import { webhookOpenApi } from '~/modules/webhooks/webhooks.openapi'

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
      // SPDX's form for a licence of one's own: Werkbrug's API is not open source.
      license: { name: 'Proprietary', identifier: 'LicenseRef-Werkbrug-Proprietary' },
    },
    servers: [{ url: '/' }],
    security: [{ bearerAuth: [] }],
    tags: apiTags.map((tag) => ({ ...tag })),
    webhooks: webhookOpenApi(),
    paths: documented(withCommonResponses({ ...vacancies.paths, ...speeddates.paths, ...twv.paths, ...risks.paths, ...policy.paths, ...pipeline.paths })),
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

type Operation = { operationId?: string; requestBody?: unknown; responses?: Record<string, unknown>; tags?: string[]; description?: string }
const methods = ['get', 'put', 'post', 'patch', 'delete'] as const

/**
 * The answers every operation can give because of the door they pass, not the handler: a rate
 * limit (429, with Retry-After) on every one, and for an operation that takes a body the refusals
 * of the body itself — missing or not JSON (400), too large (413), not JSON at all (415). Added
 * where a module did not document them, so the document lists every status the API can return.
 */
export function withCommonResponses<P extends Record<string, Partial<Record<(typeof methods)[number], Operation>>>>(paths: P): P {
  const problem = (description: string, headers?: Record<string, unknown>) => ({
    description,
    ...(headers ? { headers } : {}),
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  })
  for (const item of Object.values(paths)) {
    for (const method of methods) {
      const operation = item[method]
      if (!operation) continue
      const responses = (operation.responses ??= {})
      responses['429'] ??= problem('Too many requests: wait the seconds in Retry-After', { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait' } })
      if (operation.requestBody) {
        responses['400'] ??= problem('The body is missing, is not valid JSON, or has field errors (listed in errors)')
        responses['413'] ??= problem('The body is larger than the API accepts')
        responses['415'] ??= problem('The body is not application/json')
      }
    }
  }
  return paths
}

/** Each operation's group and description (operation-docs.ts); an operation without one is a mistake. */
function documented<P extends Record<string, Partial<Record<(typeof methods)[number], Operation>>>>(paths: P): P {
  for (const item of Object.values(paths)) {
    for (const method of methods) {
      const operation = item[method]
      if (!operation) continue
      const docs = operation.operationId ? operationDocs[operation.operationId] : undefined
      if (!docs) throw new Error(`operation ${operation.operationId ?? method} has no entry in operation-docs.ts`)
      operation.tags = [docs.tag]
      operation.description ??= docs.description
    }
  }
  return paths
}

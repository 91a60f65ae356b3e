import { responseSchema } from '~/lib/json-schema'
import { policyKinds, policyStatuses, sourceSchema } from './schemas'

/** The public, read-only rules in the OpenAPI document: no key needed. */
export function policyOpenApi() {
  const problem = { $ref: '#/components/responses/Problem' }
  const lang = { name: 'lang', in: 'query', required: false, schema: { type: 'string', enum: ['nl', 'en'] }, description: 'Language of the texts (default: Accept-Language, else Dutch)' }
  const rule = { $ref: '#/components/schemas/PolicyRule' }
  const date = { type: ['string', 'null'], format: 'date' }
  return {
    schemas: {
      PolicySource: responseSchema(sourceSchema),
      PolicyRule: {
        type: 'object',
        required: ['key', 'kind', 'title', 'body', 'status', 'effectiveFrom', 'effectiveTo', 'reviewedOn', 'reviewBy', 'lastChangedAt', 'sources', 'data'],
        properties: {
          key: { type: 'string', description: 'Stable key, e.g. risk.municipal-linkage-24h' },
          kind: { type: 'string', enum: [...policyKinds] },
          title: { type: 'string' },
          body: { type: 'string', description: 'The rule itself, without figures of any one vacancy' },
          mitigation: { type: 'string', description: 'Risk rules: what an employer can do' },
          factTemplate: { type: ['string', 'null'], description: 'Risk rules: the sentence about a vacancy, with {placeholders} Werkbrug fills in' },
          status: { type: 'string', enum: [...policyStatuses] },
          effectiveFrom: date,
          effectiveTo: date,
          reviewedOn: { type: 'string', format: 'date' },
          reviewBy: { type: 'string', format: 'date' },
          lastChangedAt: { type: 'string', format: 'date-time', description: 'When the rule last changed (ISO 8601)' },
          sources: { type: 'array', minItems: 1, items: { $ref: '#/components/schemas/PolicySource' } },
          data: { type: 'object', additionalProperties: true, description: 'The numbers and tables of the rule, by kind' },
        },
      },
    },
    paths: {
      '/api/v1/policy-rules': {
        get: {
          operationId: 'listPolicyRules',
          summary: 'Every rule Werkbrug uses, with sources, dates and status (public)',
          security: [],
          parameters: [lang],
          responses: {
            200: { description: 'The rules', content: { 'application/json': { schema: { type: 'object', required: ['data'], properties: { data: { type: 'array', items: rule } } } } } },
            400: problem,
            429: problem,
          },
        },
      },
      '/api/v1/policy-rules/{key}': {
        get: {
          operationId: 'getPolicyRule',
          summary: 'One rule (public)',
          security: [],
          parameters: [{ name: 'key', in: 'path', required: true, schema: { type: 'string' } }, lang],
          responses: { 200: { description: 'The rule', content: { 'application/json': { schema: rule } } }, 400: problem, 404: problem, 429: problem },
        },
      },
    },
  }
}

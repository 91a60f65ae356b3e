import { requestSchema, responseSchema } from '~/lib/json-schema'
import { arrangementsSchema } from './arrangements.schema'
import { riskCodes } from './evaluate'

/** Risks and arrangements in the OpenAPI document; the risk codes are part of the contract. */
export function riskOpenApi() {
  const problem = { $ref: '#/components/responses/Problem' }
  const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }
  const query = [
    { name: 'date', in: 'query', required: false, schema: { type: 'string', format: 'date' }, description: 'Evaluate at this date (default today, Europe/Amsterdam)' },
    { name: 'lang', in: 'query', required: false, schema: { type: 'string', enum: ['nl', 'en'] } },
  ]
  const risks = { description: 'The risks', content: { 'application/json': { schema: { type: 'object', properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Risk' } } } } } } }
  const arrangementsResponse = { description: 'The arrangements', content: { 'application/json': { schema: { $ref: '#/components/schemas/Arrangements' } } } }
  const example = { travelMode: 'public_transport', travelPayer: 'employer', travelAmountCents: 1200, travelAmountUnit: 'per_day', travelPaid: 'in_advance', travelFareCentsPerDay: 1100, coachProvider: 'municipality', coachHoursPerWeek: 2, trialKind: 'internship' }
  const put = (operationId: string, summary: string) => ({
    operationId,
    summary,
    parameters: [idParam],
    requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ArrangementsInput' }, example } } },
    responses: { 200: arrangementsResponse, 400: problem, 401: problem, 404: problem },
  })
  return {
    schemas: {
      Arrangements: responseSchema(arrangementsSchema),
      ArrangementsInput: requestSchema(arrangementsSchema),
      Risk: {
        type: 'object',
        required: ['code', 'severity', 'title', 'explanation', 'mitigation', 'sources', 'ruleStatus', 'reviewedOn', 'params'],
        properties: {
          code: { type: 'string', enum: [...riskCodes], description: 'Stable code of the risk rule' },
          severity: { type: 'string', enum: ['high', 'medium', 'info'] },
          title: { type: 'string' },
          explanation: { type: 'string' },
          mitigation: { type: 'string' },
          sources: { type: 'array', minItems: 1, items: { $ref: '#/components/schemas/PolicySource' } },
          ruleStatus: { type: 'string', enum: ['in_force', 'announced', 'struck_down'] },
          reviewedOn: { type: 'string', format: 'date' },
          ruleUpdatedAt: { type: 'string', format: 'date-time', description: 'When the rule last changed (ISO 8601)' },
          params: { type: 'object', additionalProperties: true, description: 'The values the rule used for this vacancy or hire' },
          facts: { type: 'object', additionalProperties: true, deprecated: true, description: 'Deprecated: the same as params' },
        },
      },
    },
    paths: {
      '/api/v1/vacancies/{id}/risks': { get: { operationId: 'getVacancyRisks', summary: 'Hiring risks of a vacancy', parameters: [idParam, ...query], responses: { 200: risks, 400: problem, 401: problem, 404: problem } } },
      '/api/v1/hires/{id}/risks': { get: { operationId: 'getHireRisks', summary: 'Hiring risks of a hire (its own status and dates)', parameters: [idParam, ...query], responses: { 200: risks, 400: problem, 401: problem, 404: problem } } },
      '/api/v1/vacancies/{id}/arrangements': {
        get: { operationId: 'getVacancyArrangements', summary: 'Arrangements of a vacancy', parameters: [idParam], responses: { 200: arrangementsResponse, 401: problem, 404: problem } },
        put: put('putVacancyArrangements', 'Record the arrangements of a vacancy'),
      },
      '/api/v1/hires/{id}/arrangements': {
        get: { operationId: 'getHireArrangements', summary: "A hire's arrangements (falls back to the vacancy's)", parameters: [idParam], responses: { 200: arrangementsResponse, 401: problem, 404: problem } },
        put: put('putHireArrangements', "Override a hire's arrangements; a trial arrangement that cannot apply to the hire's status is refused with the reason"),
      },
    },
  }
}

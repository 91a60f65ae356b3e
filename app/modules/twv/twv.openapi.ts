import { responseSchema } from '~/lib/json-schema'
import { guidanceResponseSchema } from './guidance.response'
/** The hires and TWV part of the OpenAPI document (responses only: these endpoints take no body). */
export function twvOpenApi() {
  const problem = { $ref: '#/components/responses/Problem' }
  const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }
  const langParam = { name: 'lang', in: 'query', required: false, schema: { type: 'string', enum: ['nl', 'en'] }, description: 'Language of texts; default from Accept-Language, else Dutch.' }
  const pdf = { description: 'The checklist as PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } }
  return {
    schemas: {
      Hire: {
        type: 'object',
        required: ['id', 'vacancyId', 'reference', 'residenceStatus', 'createdAt'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          vacancyId: { type: 'string', format: 'uuid' },
          reference: { type: 'string', description: "The candidate's pseudonymous reference code" },
          residenceStatus: { type: 'string', enum: ['asylum_seeker', 'status_holder', 'unknown'] },
          createdAt: { type: 'string', format: 'date-time' },
        },
      },
      TwvGuidance: {
        ...responseSchema(guidanceResponseSchema),
        description: 'Steps with their state, eligibility (asylum seekers), documents, expected first working day and every rule used with its source.',
      },
    },
    paths: {
      '/api/v1/hires': {
        get: {
          operationId: 'listHires',
          summary: "Your organisation's hires, newest first",
          parameters: [
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100 } },
            { name: 'cursor', in: 'query', required: false, schema: { type: 'string' } },
          ],
          responses: {
            200: { description: 'A page of hires', content: { 'application/json': { schema: { type: 'object', properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Hire' } }, nextCursor: { type: ['string', 'null'] } } } } } },
            400: problem,
            401: problem,
          },
        },
      },
      '/api/v1/hires/{id}/twv-guidance': {
        get: {
          operationId: 'getTwvGuidance',
          summary: 'The step-by-step TWV/BSN path of a hire',
          parameters: [idParam, langParam],
          responses: { 200: { description: 'The guidance', content: { 'application/json': { schema: { $ref: '#/components/schemas/TwvGuidance' } } } }, 400: problem, 401: problem, 404: problem },
        },
      },
      '/api/v1/hires/{id}/twv-checklist.pdf': {
        get: { operationId: 'getTwvChecklistPdf', summary: "The hire's document checklist as PDF", parameters: [idParam, langParam], responses: { 200: pdf, 400: problem, 401: problem, 404: problem } },
      },
      '/api/v1/vacancies/{id}/twv-checklist.pdf': {
        get: { operationId: 'getBlankTwvChecklistPdf', summary: 'A blank checklist for a vacancy', parameters: [idParam, langParam], responses: { 200: pdf, 400: problem, 401: problem, 404: problem } },
      },
    },
  }
}

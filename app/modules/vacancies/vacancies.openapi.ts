import { z } from 'zod'
import { requestSchema, responseSchema } from '~/lib/json-schema'
import { vacancyStatuses } from './workflow'
import { vacancyCreateSchema, vacancyFieldsSchema, vacancyListFiltersSchema, vacancyPatchSchema } from './vacancies.schema'

const vacancySchema = vacancyFieldsSchema.extend({
  // Stored as the form normalises it ("1234 AB"); the input's transform has no JSON Schema.
  postcode: z.string().regex(/^\d{4} [A-Z]{2}$/).nullable(),
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  intermediaryOrganisationId: z.uuid().describe('The intermediary that reviews the vacancy and runs its speeddates.'),
  intermediaryName: z.string(),
  status: z.enum(vacancyStatuses),
  reviewComment: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  submittedAt: z.iso.datetime().nullable(),
  publishedAt: z.iso.datetime().nullable(),
})

/** The vacancy part of the OpenAPI document, from the same zod schemas the endpoints use. */
export function vacancyOpenApi(example: { create: unknown; patch: unknown }) {
  const problem = { $ref: '#/components/responses/Problem' }
  const vacancyResponse = { description: 'The vacancy', content: { 'application/json': { schema: { $ref: '#/components/schemas/Vacancy' } } } }
  const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }
  const filterParams = Object.entries((requestSchema(vacancyListFiltersSchema).properties ?? {}) as Record<string, unknown>).map(([name, s]) => ({
    name,
    in: 'query',
    required: false,
    schema: s,
  }))
  return {
    schemas: {
      Vacancy: responseSchema(vacancySchema),
      VacancyCreate: requestSchema(vacancyCreateSchema()),
      VacancyPatch: requestSchema(vacancyPatchSchema),
      VacancyPage: {
        type: 'object',
        required: ['data', 'nextCursor'],
        properties: {
          data: { type: 'array', items: { $ref: '#/components/schemas/Vacancy' } },
          nextCursor: { type: ['string', 'null'], description: 'Pass as ?cursor= for the next page; null on the last page.' },
        },
      },
    },
    paths: {
      '/api/v1/vacancies': {
        get: {
          operationId: 'listVacancies',
          summary: 'List your vacancies, newest first (keyset paging)',
          parameters: filterParams,
          responses: {
            200: { description: 'A page of vacancies', content: { 'application/json': { schema: { $ref: '#/components/schemas/VacancyPage' } } } },
            400: problem,
            401: problem,
            429: problem,
          },
        },
        post: {
          operationId: 'createVacancy',
          summary: 'Create a draft vacancy (only the title is required for a draft)',
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              description: 'A retry with the same key and body returns the first response; never a second vacancy.',
              schema: { type: 'string', maxLength: 255 },
            },
          ],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/VacancyCreate' }, example: example.create } },
          },
          responses: { 201: vacancyResponse, 400: problem, 401: problem, 413: problem, 415: problem, 422: problem, 429: problem },
        },
      },
      '/api/v1/vacancies/{id}': {
        get: {
          operationId: 'getVacancy',
          summary: 'One vacancy of your organisation',
          parameters: [idParam],
          responses: { 200: vacancyResponse, 401: problem, 404: problem, 429: problem },
        },
        patch: {
          operationId: 'updateVacancy',
          summary: 'Change fields of a draft or returned vacancy',
          parameters: [idParam],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/VacancyPatch' }, example: example.patch } },
          },
          responses: { 200: vacancyResponse, 400: problem, 401: problem, 404: problem, 409: problem, 413: problem, 429: problem },
        },
      },
      '/api/v1/vacancies/{id}/submit': {
        post: {
          operationId: 'submitVacancy',
          summary: 'Submit a complete vacancy to the intermediary for review',
          parameters: [idParam],
          responses: { 200: vacancyResponse, 400: problem, 401: problem, 404: problem, 409: problem, 429: problem },
        },
      },
    },
  }
}

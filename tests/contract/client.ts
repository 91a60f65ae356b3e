/**
 * An integrator's script: a client generated from Werkbrug's OpenAPI document with
 * openapi-typescript's defaults (into ./generated, by tests/integration/openapi-contract.test.ts)
 * and openapi-fetch, calling every operation. The test compiles it with `tsc` — so a document a
 * generated client cannot use fails CI — and then runs it against a live app.
 */
import createClient from 'openapi-fetch'
import type { operations, paths } from './generated/api'

export type Client = ReturnType<typeof createClient<paths>>
export type VacancyCreate = operations['createVacancy']['requestBody']['content']['application/json']

/** What a call needs from the ones before it; filled in as the script goes. */
export type Context = { vacancyBody: VacancyCreate; vacancyId?: string; publishedVacancyId: string; slotId: string; bookingId?: string; hireId: string; ruleKey: string }

/** What openapi-fetch gives back: the parsed body as `data` (2xx) or `error` (otherwise). */
export type Answer = { response: Response; data?: unknown; error?: unknown }
type Call = (client: Client, context: Context) => Promise<Answer>

export function connect(baseUrl: string, key: string | null): Client {
  return createClient<paths>({ baseUrl, headers: key ? { Authorization: `Bearer ${key}` } : {} })
}

/** One call per operation, in an order that works; a mapped type makes leaving one out a compile error. */
// Webhook operations (webhook…) are what Werkbrug sends, not what a client calls.
export const employerCalls: { [K in Exclude<keyof operations, 'getFunnelReport' | `webhook${string}`>]: Call } = {
  listVacancies: (c) => c.GET('/api/v1/vacancies', { params: { query: { limit: 5, status: 'draft' } } }),
  createVacancy: async (c, context) => {
    const result = await c.POST('/api/v1/vacancies', { body: context.vacancyBody, params: { header: { 'Idempotency-Key': crypto.randomUUID() } } })
    if (result.data) context.vacancyId = result.data.id
    return result
  },
  getVacancy: (c, context) => c.GET('/api/v1/vacancies/{id}', { params: { path: { id: context.vacancyId! } } }),
  updateVacancy: (c, context) => c.PATCH('/api/v1/vacancies/{id}', { params: { path: { id: context.vacancyId! } }, body: { positions: 3 } }),
  submitVacancy: (c, context) => c.POST('/api/v1/vacancies/{id}/submit', { params: { path: { id: context.vacancyId! } } }),
  listFreeSpeeddateSlots: (c) => c.GET('/api/v1/speeddate-slots', {}),
  requestSpeeddate: async (c, context) => {
    const result = await c.POST('/api/v1/speeddate-slots/{id}/bookings', { params: { path: { id: context.slotId } }, body: { vacancyId: context.publishedVacancyId } })
    if (result.data) context.bookingId = result.data.id
    return result
  },
  getBooking: (c, context) => c.GET('/api/v1/bookings/{id}', { params: { path: { id: context.bookingId! } } }),
  cancelBooking: (c, context) => c.POST('/api/v1/bookings/{id}/cancel', { params: { path: { id: context.bookingId! } }, body: { reason: 'Vacature vervuld' } }),
  listHires: (c) => c.GET('/api/v1/hires', { params: { query: { limit: 10 } } }),
  getTwvGuidance: (c, context) => c.GET('/api/v1/hires/{id}/twv-guidance', { params: { path: { id: context.hireId }, query: { lang: 'en' } } }),
  getTwvChecklistPdf: (c, context) => c.GET('/api/v1/hires/{id}/twv-checklist.pdf', { params: { path: { id: context.hireId }, query: { lang: 'nl' } }, parseAs: 'arrayBuffer' }),
  getBlankTwvChecklistPdf: (c, context) => c.GET('/api/v1/vacancies/{id}/twv-checklist.pdf', { params: { path: { id: context.publishedVacancyId } }, parseAs: 'arrayBuffer' }),
  getVacancyRisks: (c, context) => c.GET('/api/v1/vacancies/{id}/risks', { params: { path: { id: context.vacancyId! }, query: { lang: 'en' } } }),
  getHireRisks: (c, context) => c.GET('/api/v1/hires/{id}/risks', { params: { path: { id: context.hireId } } }),
  getVacancyArrangements: (c, context) => c.GET('/api/v1/vacancies/{id}/arrangements', { params: { path: { id: context.vacancyId! } } }),
  // Only the fields that are arranged: a generated client may leave the others out.
  putVacancyArrangements: (c, context) => c.PUT('/api/v1/vacancies/{id}/arrangements', { params: { path: { id: context.vacancyId! } }, body: { travelMode: 'public_transport', travelPayer: 'employer' } }),
  getHireArrangements: (c, context) => c.GET('/api/v1/hires/{id}/arrangements', { params: { path: { id: context.hireId } } }),
  putHireArrangements: (c, context) => c.PUT('/api/v1/hires/{id}/arrangements', { params: { path: { id: context.hireId } }, body: { coachProvider: 'municipality', coachHoursPerWeek: 2 } }),
  listPolicyRules: (c) => c.GET('/api/v1/policy-rules', { params: { query: { lang: 'en' } } }),
  getPolicyRule: (c, context) => c.GET('/api/v1/policy-rules/{key}', { params: { path: { key: context.ruleKey } } }),
}

export const intermediaryCalls: { [K in Extract<keyof operations, 'getFunnelReport'>]: (client: Client) => Promise<Answer> } = {
  getFunnelReport: (c) => c.GET('/api/v1/reports/funnel', { params: { query: { from: '2022-12-01', to: '2023-12-31' } } }),
}

// Typed reads a client relies on: these lines only compile if the document types them.
export function typedReads(guidance: operations['getTwvGuidance']['responses'][200]['content']['application/json']) {
  const firstStepOwner: string | undefined = guidance.steps[0]?.owner
  const expectedMedian: string | undefined = guidance.expected?.median
  const reference: string = guidance.hire.reference
  return { firstStepOwner, expectedMedian, reference }
}

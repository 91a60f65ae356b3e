import type { ActionFunctionArgs, AppLoadContext } from '@remix-run/node'
import { createHash } from 'node:crypto'
import type { z } from 'zod'
import { authenticateApiKey, type ApiKeyActor } from '~/modules/api-keys/api-keys.server'
import { NotPermittedError } from '~/modules/authorisation/policy'
import { partyOf, type Party } from '~/modules/authorisation/roles'
import { FieldValidationError, isDatabaseUnavailable, isUnreadableInput, RETRY_AFTER_SECONDS, StateConflictError } from '~/lib/errors.server'
import { parseWithSchema } from '~/lib/forms'
import type { Locale } from '~/lib/i18n'
import { ApiProblem, apiLocale, problemResponse } from '~/lib/api/problem.server'
import { hitApiRateLimit } from '~/lib/api/rate-limit.server'
import { logError, logWarning } from '~/lib/log.server'

export const MAX_BODY_BYTES = 100 * 1024

export type ApiContext = {
  request: Request
  params: ActionFunctionArgs['params']
  context: AppLoadContext
  actor: ApiKeyActor
  locale: Locale
  /** The JSON body, checked against the input's schema; throws a 400/413/415 problem. */
  body: <S extends z.ZodType>(schema: S) => Promise<z.output<S>>
  /**
   * The same for a body that may be left out: judged by what arrives, not by Content-Length
   * (a chunked or mislabelled body is still read and checked).
   */
  optionalBody: <S extends z.ZodType>(schema: S, absent: z.output<S>) => Promise<z.output<S>>
  /** The raw body's hash, for idempotency. */
  bodyHash: () => Promise<string>
}

type Handler = (api: ApiContext) => Promise<Response>
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * Every /api/v1 endpoint goes through here: bearer-key authentication, the per-key rate limit
 * with RateLimit-* headers, the body size limit, and one mapping of errors to problem+json.
 */
export function apiRoute(handlers: Partial<Record<Method, Handler>>, options: { for?: Party } = {}) {
  const party = options.for ?? 'employer'
  return route(handlers as Partial<Record<Method, (api: ApiContext | PublicApiContext) => Promise<Response>>>, async (request, context) => {
    const actor = await authenticate(request, context)
    // A key is its organisation's: an employer's key reaches the employer endpoints, an
    // intermediary's only the endpoints made for intermediaries (its report).
    if (partyOf(actor.role) !== party) throw new ApiProblem(403, 'api.wrongParty', { detailKey: party === 'employer' ? 'api.wrongPartyEmployer' : 'api.wrongPartyIntermediary' })
    return actor
  })
}

export type PublicApiContext = Omit<ApiContext, 'actor'> & { actor: null }

/**
 * A read-only endpoint anyone may call (public rule data): no key, rate limited per client
 * address, the same problem+json answers.
 */
export function publicApiRoute(handlers: Partial<Record<'GET', (api: PublicApiContext) => Promise<Response>>>) {
  return route(handlers as Partial<Record<Method, (api: ApiContext | PublicApiContext) => Promise<Response>>>, async () => null)
}

function route(
  handlers: Partial<Record<Method, (api: ApiContext | PublicApiContext) => Promise<Response>>>,
  authenticateWith: (request: Request, context: AppLoadContext) => Promise<ApiKeyActor | null>,
) {
  return async ({ request, params, context }: ActionFunctionArgs): Promise<Response> => {
    const locale = apiLocale(request)
    const instance = new URL(request.url).pathname
    let rateHeaders: Record<string, string> = {}
    try {
      const handler = handlers[request.method as keyof typeof handlers]
      if (!handler) {
        throw new ApiProblem(405, 'api.methodNotAllowed', {
          headers: { Allow: Object.keys(handlers).join(', ') },
        })
      }
      const actor = await authenticateWith(request, context)
      const rate = await hitApiRateLimit(context.db, actor ? `key:${actor.apiKeyId}` : `address:${context.clientIp}`, context.env.API_RATE_LIMIT_PER_MINUTE)
      rateHeaders = {
        'RateLimit-Limit': String(rate.limit),
        'RateLimit-Remaining': String(rate.remaining),
        'RateLimit-Reset': String(rate.resetSeconds),
        'RateLimit-Policy': `${rate.limit};w=60`,
      }
      if (!rate.allowed) {
        throw new ApiProblem(429, 'api.rateLimited', {
          detailKey: 'api.rateLimitedDetail',
          detailParams: { seconds: rate.resetSeconds },
          headers: { 'Retry-After': String(rate.resetSeconds) },
        })
      }
      let raw: Promise<string> | undefined
      const readRaw = () => (raw ??= readBody(request))
      const response = await handler({
        request,
        params,
        context,
        actor: actor as ApiKeyActor,
        locale,
        body: async (schema) => parseJson(await readRaw(), request, schema),
        optionalBody: async (schema, absent) => {
          const raw = await readRaw()
          return raw.trim() === '' ? absent : parseJson(raw, request, schema)
        },
        bodyHash: async () => createHash('sha256').update(await readRaw()).digest('hex'),
      })
      for (const [name, value] of Object.entries(rateHeaders)) response.headers.set(name, value)
      return response
    } catch (error) {
      const problem = toProblem(error)
      const response = problemResponse(problem, locale, instance)
      for (const [name, value] of Object.entries(rateHeaders)) response.headers.set(name, value)
      return response
    }
  }
}

async function authenticate(request: Request, context: AppLoadContext): Promise<ApiKeyActor> {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('Authorization') ?? '')
  const actor = match ? await authenticateApiKey(context.db, match[1]!) : null
  if (!actor) {
    throw new ApiProblem(401, 'api.unauthorized', {
      detailKey: 'api.unauthorizedDetail',
      headers: { 'WWW-Authenticate': 'Bearer realm="werkbrug"' },
    })
  }
  return actor
}

// A client that is still sending when we answer sees a reset, not our 413 (Node's fetch does):
// past the limit the rest is read and thrown away, up to this much, before answering.
const MAX_DRAIN_BYTES = 16 * 1024 * 1024

async function readBody(request: Request): Promise<string> {
  if (!request.body) return ''
  const declared = Number(request.headers.get('Content-Length') ?? '0')
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  let tooLarge = declared > MAX_BODY_BYTES
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > MAX_BODY_BYTES) tooLarge = true
    if (tooLarge) {
      if (size > MAX_DRAIN_BYTES) {
        await reader.cancel()
        break
      }
      continue
    }
    chunks.push(value)
  }
  if (tooLarge) throw new ApiProblem(413, 'api.tooLarge', { detailKey: 'api.tooLargeDetail' })
  return Buffer.concat(chunks).toString('utf8')
}

function parseJson<S extends z.ZodType>(raw: string, request: Request, schema: S): z.output<S> {
  // An operation that needs a body and gets none is refused: read as {}, a PUT of arrangements
  // would have set every field to null (issue 18). Operations whose body may be left out say so
  // with optionalBody.
  if (raw.trim() === '') throw new ApiProblem(400, 'api.emptyBody', { detailKey: 'api.emptyBodyDetail' })
  const type = request.headers.get('Content-Type') ?? ''
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new ApiProblem(415, 'api.unsupportedMediaType', { detailKey: 'api.unsupportedMediaTypeDetail' })
  }
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    throw new ApiProblem(400, 'api.invalidJson', { detailKey: 'api.invalidJsonDetail' })
  }
  const parsed = parseWithSchema(schema, json)
  if (!parsed.success) throw new FieldValidationError(parsed.fieldErrors)
  return parsed.data
}

function toProblem(error: unknown): ApiProblem {
  if (error instanceof ApiProblem) return error
  if (error instanceof FieldValidationError) {
    return new ApiProblem(400, 'api.validationFailed', { detailKey: 'api.validationFailedDetail', fieldErrors: error.fieldErrors })
  }
  if (error instanceof Response) {
    return new ApiProblem(error.status === 404 ? 404 : 500, error.status === 404 ? 'api.notFound' : 'api.internal')
  }
  if (error instanceof NotPermittedError) return new ApiProblem(403, 'api.wrongParty')
  if (error instanceof StateConflictError) {
    return new ApiProblem(409, 'api.conflict', { detailKey: error.key })
  }
  if (isUnreadableInput(error)) {
    logWarning('api', 'an unchecked value reached the database; answered 404', error)
    return new ApiProblem(404, 'api.notFound')
  }
  if (isDatabaseUnavailable(error)) {
    logWarning('api', 'the database is unavailable')
    return new ApiProblem(503, 'api.unavailable', { detailKey: 'api.unavailableDetail', headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } })
  }
  logError('api', 'unexpected error', error)
  return new ApiProblem(500, 'api.internal')
}

export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  const h = new Headers(headers)
  h.set('Content-Type', 'application/json; charset=utf-8')
  return new Response(JSON.stringify(body), { status, headers: h })
}

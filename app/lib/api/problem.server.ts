import type { FieldErrors } from '../forms'
import { translate, type Locale, type MessageKey, type MessageParams } from '../i18n'

export type ProblemFieldError = { field: string; pointer: string; code: string; message: string }

/** An RFC 9457 problem the API answers with; thrown by handlers, rendered by apiRoute. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly titleKey: MessageKey,
    readonly options: { detailKey?: MessageKey; detailParams?: MessageParams; fieldErrors?: FieldErrors; headers?: HeadersInit } = {},
  ) {
    super(titleKey)
    this.name = 'ApiProblem'
  }
}

const problemTypes: Record<number, string> = {
  400: 'validation-error',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'idempotency-key-reused',
  429: 'rate-limited',
  500: 'internal-error',
  503: 'unavailable',
}

export function problemResponse(problem: ApiProblem, locale: Locale, instance: string): Response {
  const body: Record<string, unknown> = {
    type: `/api/v1/problems/${problemTypes[problem.status] ?? 'error'}`,
    title: translate(locale, problem.titleKey),
    status: problem.status,
    instance,
  }
  if (problem.options.detailKey) {
    body.detail = translate(locale, problem.options.detailKey, problem.options.detailParams)
  }
  if (problem.options.fieldErrors) {
    body.errors = Object.entries(problem.options.fieldErrors).map(
      ([field, message]): ProblemFieldError => ({
        field,
        pointer: `/${field.split('.').join('/')}`,
        code: message.key.replace(/^errors\./, ''),
        message: translate(locale, message.key, message.params),
      }),
    )
  }
  const headers = new Headers(problem.options.headers)
  headers.set('Content-Type', 'application/problem+json; charset=utf-8')
  return new Response(JSON.stringify(body), { status: problem.status, headers })
}

/** The API speaks the caller's language when it asks for English; Dutch otherwise. */
export function apiLocale(request: Request): Locale {
  const header = request.headers.get('Accept-Language') ?? ''
  const first = header.split(',')[0]?.trim().toLowerCase() ?? ''
  return first.startsWith('en') ? 'en' : 'nl'
}

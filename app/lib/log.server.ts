import { AsyncLocalStorage } from 'node:async_hooks'
import { postgresErrorCode } from './errors.server'

/**
 * The only way the app writes to its logs. Whatever is logged passes through `redact`, because
 * errors quote what they were given: drizzle puts the whole query and its parameters (a new
 * user's password hash, say) into its message, URLs carry tokens in their query, and messages
 * name people by their email address. A log line keeps what an operator needs — where, what
 * kind of failure, the database's error code and constraint, the stack frames — and no data.
 */
export function logError(scope: string, message: string, error?: unknown): void {
  console.error(line('error', scope, message, error))
}

export function logWarning(scope: string, message: string, error?: unknown): void {
  console.warn(line('warn', scope, message, error))
}

// Every line written while a request is handled carries its id (X-Request-Id), so the lines of
// one request can be found together.
// One store per process: the server build bundles its own copy of this module, and the HTTP layer
// (app/server) imports another, so the store is kept on globalThis under a registered symbol.
const STORE = Symbol.for('werkbrug.requestContext')
type RequestContext = { requestId: string; queries: number }
const holder = globalThis as unknown as { [STORE]?: AsyncLocalStorage<RequestContext> }
const requestContext = (holder[STORE] ??= new AsyncLocalStorage<RequestContext>())

export function withRequestId<T>(requestId: string, run: () => T): T {
  return requestContext.run({ requestId, queries: 0 }, run)
}

/** Counts an SQL statement against the request being handled (the query budget, issue 15). */
export function countQuery(): void {
  const store = requestContext.getStore()
  if (store) store.queries++
}

export function queriesSoFar(): number {
  return requestContext.getStore()?.queries ?? 0
}

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId
}

/** Production logs are JSON, one object a line, for a log collector; elsewhere plain text. */
let format: 'json' | 'text' = process.env.NODE_ENV === 'production' ? 'json' : 'text'
export function setLogFormat(next: 'json' | 'text'): void {
  format = next
}

function line(level: 'error' | 'warn', scope: string, message: string, error: unknown): string {
  const requestId = currentRequestId()
  const text = redact(message)
  if (format === 'json') {
    return JSON.stringify({
      time: new Date().toISOString(),
      level,
      scope,
      message: text,
      ...(requestId ? { requestId } : {}),
      ...(error === undefined ? {} : { error: describeError(error) }),
    })
  }
  return `[${scope}]${requestId ? ` (${requestId})` : ''} ${text}${error === undefined ? '' : `: ${describeError(error)}`}`
}

/** An error as a log may show it: its kind, a redacted message, and the stack's frames. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return redact(String(error))
  const pg = postgresErrorCode(error)
  const summary = pg.code
    ? `database error ${pg.code}${pg.constraint ? ` (${pg.constraint})` : ''}`
    : `${error.name}: ${redact(firstLine(error.message))}`
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((frame) => /^\s+at /.test(frame))
    .slice(0, 8)
    .map((frame) => redact(frame))
  return [summary, ...frames].join('\n')
}

function firstLine(text: string): string {
  // "Failed query: insert … params: …" — the query and its values never reach the log.
  if (/^Failed query:/.test(text)) return 'a database query failed'
  return text.split('\n', 1)[0]!
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const STRIPE_ID = /^(cs|pi|ch|re|evt|cus|in|pm)_(test_|live_)?/

export function redact(text: string): string {
  return (
    text
      .replace(/params?:.*$/gis, 'params: [removed]')
      .replace(/\$argon2[a-z]*\$[^\s'",)]*/gi, '[password hash]')
      .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[email]')
      // Query strings carry tokens and search terms; the path says enough.
      .replace(/(\/[^\s?'"]*)\?[^\s'"]*/g, '$1?[query]')
      .replace(/[A-Za-z0-9_-]{24,}/g, (candidate) => {
        if (UUID.test(candidate)) return candidate
        const stripe = STRIPE_ID.exec(candidate)
        if (stripe) return `${stripe[0]}[id]`
        return /\d/.test(candidate) && /[A-Za-z]/.test(candidate) ? '[secret]' : candidate
      })
  )
}

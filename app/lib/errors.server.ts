import type { FieldErrors } from './forms'
import type { MessageKey } from './i18n'

/** A business rule refused the input; routes show these beside the fields, the API as problem+json. */
export class FieldValidationError extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super(`Validation failed: ${Object.keys(fieldErrors).join(', ')}`)
    this.name = 'FieldValidationError'
  }
}

/** The Postgres error behind a drizzle error, whichever driver raised it. */
export function postgresErrorCode(error: unknown): { code?: string; constraint?: string } {
  let current: unknown = error
  for (let depth = 0; current && depth < 4; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; constraint_name?: unknown }
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      const constraint = candidate.constraint ?? candidate.constraint_name
      return {
        code: candidate.code,
        constraint: typeof constraint === 'string' ? constraint : undefined,
      }
    }
    current = (current as { cause?: unknown }).cause
  }
  return {}
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = postgresErrorCode(error)
  return pg.code === '23505' && (constraint === undefined || pg.constraint === constraint)
}

/** The request is valid but the record's state does not allow it (409 in the API). */
export class StateConflictError extends Error {
  constructor(readonly key: MessageKey) {
    super(key)
    this.name = 'StateConflictError'
  }
}

// Connection-level failures: the driver lost or could not reach PostgreSQL, or the server ended
// the session (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now, class 08).
const UNAVAILABLE_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
])

/** True when the database could not be reached or dropped the connection: a 503, not a 500. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}

/** How long a client should wait before trying again after a 503. */
export const RETRY_AFTER_SECONDS = 5

/**
 * PostgreSQL could not read a value as its type — in practice an id that is not a UUID, or text it
 * cannot store — that reached a query without being checked. Input, not a fault: a 404 or 400.
 */
export function isUnreadableInput(error: unknown): boolean {
  const { code } = postgresErrorCode(error)
  // 22P02 invalid text, 22021 bad encoding, 22P05 untranslatable, 22007/22008 impossible date or
  // time, 22003 number out of range: input the schemas should have caught — a 400, never a 500.
  return ['22P02', '22021', '22P05', '22007', '22008', '22003'].includes(code ?? '')
}

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

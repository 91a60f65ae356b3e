import { z } from 'zod'

const uuid = z.uuid()

/**
 * An id from a path or a hidden form field. One that is not a UUID names no record: a 404 here,
 * never a PostgreSQL 22P02 further down.
 */
export function recordIdOrNotFound(value: unknown): string {
  const parsed = uuid.safeParse(value)
  if (!parsed.success) throw new Response('Not found', { status: 404 })
  return parsed.data
}

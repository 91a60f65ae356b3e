import { eq, sql, type SQL } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'

import { isEmployerRole, type Role } from './roles'

/** Whoever acts: a logged-in user or an API key, always on behalf of one organisation. */
export type Actor = { userId: string | null; organisationId: string; role: Role; apiKeyId?: string }

/**
 * The one place that decides which organisations' rows an actor may see or change. Employers see
 * their own organisation only; the intermediary and the admin see every employer. Every query on
 * organisation-owned data puts this condition in its WHERE clause, so a row of another
 * organisation is simply not found (404), never "forbidden".
 */
export function organisationScope(actor: Actor, organisationColumn: AnyPgColumn): SQL {
  return isEmployerRole(actor.role) ? eq(organisationColumn, actor.organisationId) : sql`true`
}

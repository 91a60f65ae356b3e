import { and, asc, count, eq } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { organisations, users } from '#db/schema'
import type { Actor } from '~/modules/authorisation/actor'
import { scopeOf } from '~/modules/authorisation/scope.server'

export async function kvkNumberIsTaken(db: Db, kvkNumber: string): Promise<boolean> {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.kvkNumber, kvkNumber))
  return Boolean(row)
}

/** Employer organisations the actor may see, with their number of users. */
export function listEmployers(db: Db, actor: Actor) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      kvkNumber: organisations.kvkNumber,
      createdAt: organisations.createdAt,
      members: count(users.id),
    })
    .from(organisations)
    .leftJoin(users, eq(users.organisationId, organisations.id))
    .where(and(eq(organisations.kind, 'employer'), scopeOf(actor).employers()))
    .groupBy(organisations.id)
    .orderBy(asc(organisations.name))
}

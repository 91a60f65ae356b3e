import { and, asc, count, eq, lt, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { organisations, users } from '#db/schema'
import type { Actor } from '~/modules/authorisation'
import { scopeOf } from '~/modules/authorisation/index.server'

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

/** How long an unconfirmed registration keeps its KvK number to itself. */
export const UNCONFIRMED_REGISTRATION_HOLD_MS = 7 * 24 * 60 * 60 * 1000

/**
 * A registration nobody confirmed within a week (a mistyped address, or someone else's KvK number
 * typed in) must not block the business from registering: such an organisation — no user ever
 * confirmed, so it holds no data — is removed when its KvK number is registered again.
 */
export async function releaseUnconfirmedKvk(db: Db, kvkNumber: string, now = new Date()): Promise<boolean> {
  const released = await db
    .delete(organisations)
    .where(
      and(
        eq(organisations.kvkNumber, kvkNumber),
        eq(organisations.kind, 'employer'),
        lt(organisations.createdAt, new Date(now.getTime() - UNCONFIRMED_REGISTRATION_HOLD_MS)),
        sql`not exists (select 1 from ${users} u where u.organisation_id = ${organisations.id} and u.email_confirmed_at is not null)`,
      ),
    )
    .returning({ id: organisations.id })
  return released.length > 0
}

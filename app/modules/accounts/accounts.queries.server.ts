import { and, eq, gt, isNull, ne } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { organisations, sessions, users } from '#db/schema'

export const sessionUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  locale: users.locale,
  organisationId: organisations.id,
  organisationName: organisations.name,
  organisationKind: organisations.kind,
  kvkNumber: organisations.kvkNumber,
}

export async function findActiveUserByEmail(db: Db, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.email, email.toLowerCase()), isNull(users.disabledAt)))
  return user
}

export async function emailIsTaken(db: Db, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, email.toLowerCase()))
  return Boolean(row)
}

export async function findUserBySessionHash(db: Db, sessionHash: string, now: Date) {
  const [row] = await db
    .select(sessionUserColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(eq(sessions.id, sessionHash), eq(sessions.stage, 'complete'), gt(sessions.expiresAt, now), isNull(users.disabledAt)),
    )
  return row
}

/** A sign-in that passed the password but still waits for its second factor. */
export async function findPendingSignInByHash(db: Db, sessionHash: string, now: Date) {
  const [row] = await db
    .select({
      sessionHash: sessions.id,
      stage: sessions.stage,
      pendingTotpSecret: sessions.pendingTotpSecret,
      userId: users.id,
      email: users.email,
      role: users.role,
      locale: users.locale,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionHash), ne(sessions.stage, 'complete'), gt(sessions.expiresAt, now), isNull(users.disabledAt)))
  return row
}

/** Who speaks for an employer when no particular person does: its active owners. */
export function employerOwners(db: Db, organisationId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.role, 'employer_owner'), isNull(users.disabledAt)))
}

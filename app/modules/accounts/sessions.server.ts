import { eq } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { sessions, users } from '#db/schema'
import type { Locale } from '~/lib/i18n'
import type { Role } from '~/lib/roles'
import { createToken, hashToken } from '~/lib/tokens.server'
import { findUserBySessionHash } from './accounts.queries.server'

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000

export type SessionUser = {
  id: string
  email: string
  name: string
  role: Role
  locale: Locale
  organisationId: string
  organisationName: string
  organisationKind: 'employer' | 'intermediary'
  kvkNumber: string | null
}

/** Starts a server-side session; the returned token goes into the signed cookie only. */
export async function createSession(db: Db, userId: string, now = new Date()): Promise<string> {
  const { token, hash } = createToken()
  await db
    .insert(sessions)
    .values({ id: hash, userId, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) })
  return token
}

export async function findSessionUser(
  db: Db,
  token: string,
  now = new Date(),
): Promise<SessionUser | null> {
  return (await findUserBySessionHash(db, hashToken(token), now)) ?? null
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, hashToken(token)))
}

export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId))
}

export async function setUserLocale(db: Db, userId: string, locale: Locale): Promise<void> {
  await db.update(users).set({ locale }).where(eq(users.id, userId))
}

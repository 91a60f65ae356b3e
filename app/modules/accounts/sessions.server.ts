import { eq } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { sessions, users } from '#db/schema'
import type { Locale } from '~/lib/i18n'
import type { Role } from '~/modules/authorisation'
import { createToken, hashToken } from '~/lib/tokens.server'
import { findPendingSignInByHash, findUserBySessionHash } from './accounts.queries.server'

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000
// Long enough to find the phone, short enough that a half sign-in does not linger.
export const PENDING_SIGN_IN_TTL_MS = 15 * 60 * 1000

export type SessionStage = 'code' | 'enrol' | 'complete'

export type SessionUser = {
  id: string
  email: string
  name: string
  role: Role
  locale: Locale
  organisationId: string
  organisationName: string
  organisationKind: 'employer' | 'intermediary' | 'platform'
  kvkNumber: string | null
}

/** Starts a server-side session; the returned token goes into the signed cookie only. */
export async function createSession(db: Db, userId: string, stage: SessionStage = 'complete', now = new Date()): Promise<string> {
  const { token, hash } = createToken()
  const ttl = stage === 'complete' ? SESSION_TTL_MS : PENDING_SIGN_IN_TTL_MS
  await db.insert(sessions).values({ id: hash, userId, stage, expiresAt: new Date(now.getTime() + ttl) })
  return token
}

export type PendingSignIn = NonNullable<Awaited<ReturnType<typeof findPendingSignIn>>>

export function findPendingSignIn(db: Db, token: string, now = new Date()) {
  return findPendingSignInByHash(db, hashToken(token), now)
}

/** The secret offered while enrolling, kept on the half sign-in until a first code confirms it. */
export async function offerTotpSecret(db: Db, sessionHash: string, secret: string): Promise<void> {
  await db.update(sessions).set({ pendingTotpSecret: secret }).where(eq(sessions.id, sessionHash))
}

export async function spendHalfSignIn(db: Db, sessionHash: string, now = new Date()): Promise<void> {
  await db.update(sessions).set({ pendingTotpSecret: null, expiresAt: new Date(now.getTime() + 60_000) }).where(eq(sessions.id, sessionHash))
}

export async function deleteSessionByHash(db: Db, sessionHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionHash))
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

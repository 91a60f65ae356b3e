import { and, desc, eq, gt } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { loginAttempts } from '#db/schema'
import type { FieldMessage } from '~/lib/forms'
import { dummyPasswordHash, verifyPassword } from '~/lib/passwords.server'
import { findActiveUserByEmail } from './accounts.queries.server'

export const LOGIN_WINDOW_MS = 15 * 60 * 1000
export const MAX_FAILURES_PER_EMAIL = 5
export const MAX_FAILURES_PER_IP = 50

export type LoginResult = { ok: true; userId: string } | { ok: false; error: FieldMessage }

/**
 * Checks a password, throttled per account and per address. The counters live in the database
 * so that every app instance sees the same ones; a success resets the account's counter.
 */
export async function authenticate(
  db: Db,
  credentials: { email: string; password: string; ip: string },
  now = new Date(),
): Promise<LoginResult> {
  const email = credentials.email.toLowerCase()
  const lockedUntil = await throttledUntil(db, email, credentials.ip, now)
  if (lockedUntil) {
    await db.insert(loginAttempts).values({ email, ip: credentials.ip, succeeded: false, createdAt: now })
    const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000))
    return { ok: false, error: { key: 'errors.tooManyAttempts', params: { minutes } } }
  }

  const user = await findActiveUserByEmail(db, email)
  const valid = user
    ? await verifyPassword(user.passwordHash, credentials.password)
    : await verifyPassword(await dummyPasswordHash(), credentials.password).then(() => false)
  await db.insert(loginAttempts).values({ email, ip: credentials.ip, succeeded: valid, createdAt: now })
  return valid && user
    ? { ok: true, userId: user.id }
    : { ok: false, error: { key: 'errors.invalidCredentials' } }
}

async function throttledUntil(db: Db, email: string, ip: string, now: Date): Promise<Date | null> {
  const windowStart = new Date(now.getTime() - LOGIN_WINDOW_MS)
  const byEmail = await db
    .select({ succeeded: loginAttempts.succeeded, createdAt: loginAttempts.createdAt })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), gt(loginAttempts.createdAt, windowStart)))
    .orderBy(desc(loginAttempts.createdAt))
    .limit(MAX_FAILURES_PER_EMAIL + 1)
  const failuresSinceSuccess = []
  for (const attempt of byEmail) {
    if (attempt.succeeded) break
    failuresSinceSuccess.push(attempt)
  }
  if (failuresSinceSuccess.length >= MAX_FAILURES_PER_EMAIL) {
    const oldestCounted = failuresSinceSuccess[MAX_FAILURES_PER_EMAIL - 1]!
    return new Date(oldestCounted.createdAt.getTime() + LOGIN_WINDOW_MS)
  }

  const byIp = await db
    .select({ createdAt: loginAttempts.createdAt })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.ip, ip),
        eq(loginAttempts.succeeded, false),
        gt(loginAttempts.createdAt, windowStart),
      ),
    )
    .orderBy(desc(loginAttempts.createdAt))
    .limit(MAX_FAILURES_PER_IP)
  if (byIp.length >= MAX_FAILURES_PER_IP) {
    return new Date(byIp[MAX_FAILURES_PER_IP - 1]!.createdAt.getTime() + LOGIN_WINDOW_MS)
  }
  return null
}

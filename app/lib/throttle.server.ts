import { createHash } from 'node:crypto'
import { RateLimiterRes } from 'rate-limiter-flexible'
import type { Db } from '#db/client.server'
import type { FieldMessage } from './forms'
import { PreparedRateLimiterDrizzle } from './prepared-rate-limiter.server'

/**
 * Throttles for the doors anyone can knock on — login, password reset, registration and the
 * second factor — kept in PostgreSQL (rate-limiter-flexible's drizzle store), so that they hold
 * across app instances. Keys are hashed before they are stored.
 *
 * Logins are throttled per account *and* source address, with a delay that grows with each
 * failure, instead of locking the account: someone guessing from one address cannot lock the
 * owner out everywhere else. A separate budget per address stops one address trying many
 * accounts, and a large one per account slows a guess spread over many addresses.
 */
const FREE_LOGIN_FAILURES = 5
const FIRST_DELAY_S = 60
const MAX_DELAY_S = 60 * 60

type Limiters = ReturnType<typeof createLimiters>
const byDatabase = new WeakMap<Db, Limiters>()

function createLimiters(db: Db) {
  const limiter = (keyPrefix: string, points: number, duration: number) =>
    new PreparedRateLimiterDrizzle(db, { keyPrefix, points, duration, clearExpiredByTimeout: false })
  return {
    loginFailuresByPair: limiter('login-pair', 10_000, 24 * 60 * 60),
    loginDelayByPair: limiter('login-delay', 1, 1),
    loginFailuresByIp: limiter('login-ip', 50, 15 * 60),
    loginFailuresByAccount: limiter('login-account', 200, 60 * 60),
    resetByIp: limiter('reset-ip', 10, 15 * 60),
    resetByEmail: limiter('reset-email', 3, 60 * 60),
    registrationByIp: limiter('register-ip', 10, 60 * 60),
    secondFactorByUser: limiter('second-factor', 5, 15 * 60),
    // The public quick scan: plenty for an employer trying variants, not for a script.
    scanByIp: limiter('scan-ip', 30, 60 * 60),
    // Mailing a scan's result to oneself: a handful, so the form is no way to mail strangers.
    scanMailByIp: limiter('scan-mail-ip', 5, 60 * 60),
  }
}

function limiters(db: Db): Limiters {
  let found = byDatabase.get(db)
  if (!found) {
    found = createLimiters(db)
    byDatabase.set(db, found)
  }
  return found
}

const hashed = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex')

export type ThrottleResult = { allowed: true } | { allowed: false; retryAfterSeconds: number }

/** What a refused attempt tells the person: the message, with the wait in whole minutes (at least 1). */
export function waitMessage(key: 'errors.tooManyAttempts' | 'errors.tooManyRequests', result: { retryAfterSeconds: number }): FieldMessage {
  return { key, params: { minutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)) } }
}

/** The wait before the next login attempt of this account from this address, if any. */
export async function loginWait(db: Db, email: string, ip: string): Promise<ThrottleResult> {
  const l = limiters(db)
  const [delay, byIp, byAccount] = await Promise.all([
    l.loginDelayByPair.get(hashed(email, ip)),
    l.loginFailuresByIp.get(hashed(ip)),
    l.loginFailuresByAccount.get(hashed(email)),
  ])
  return firstWait([
    delay && delay.consumedPoints > 1 ? delay : null,
    byIp && byIp.remainingPoints === 0 ? byIp : null,
    byAccount && byAccount.remainingPoints === 0 ? byAccount : null,
  ])
}

/** A wrong password: counts everywhere, and past the free failures the pair waits longer each time. */
export async function recordLoginFailure(db: Db, email: string, ip: string): Promise<void> {
  const l = limiters(db)
  const pair = hashed(email, ip)
  const [failures] = await Promise.all([
    l.loginFailuresByPair.penalty(pair),
    l.loginFailuresByIp.penalty(hashed(ip)),
    l.loginFailuresByAccount.penalty(hashed(email)),
  ])
  const delay = loginDelaySeconds(failures.consumedPoints)
  if (delay > 0) await l.loginDelayByPair.block(pair, delay)
}

/** 0 for the first free failures, then 1 minute, 2, 4 … up to an hour. */
export function loginDelaySeconds(failures: number): number {
  if (failures < FREE_LOGIN_FAILURES) return 0
  return Math.min(FIRST_DELAY_S * 2 ** (failures - FREE_LOGIN_FAILURES), MAX_DELAY_S)
}

export async function recordLoginSuccess(db: Db, email: string, ip: string): Promise<void> {
  const l = limiters(db)
  const pair = hashed(email, ip)
  await Promise.all([l.loginFailuresByPair.delete(pair), l.loginDelayByPair.delete(pair)])
}

export type Door = 'resetByIp' | 'resetByEmail' | 'registrationByIp' | 'secondFactorByUser' | 'scanByIp' | 'scanMailByIp'

/** Takes one attempt from a door's budget for this key. */
export async function takeAttempt(db: Db, door: Door, key: string): Promise<ThrottleResult> {
  try {
    await limiters(db)[door].consume(hashed(key))
    return { allowed: true }
  } catch (error) {
    if (error instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) }
    throw error
  }
}

/** A successful second factor clears the user's failed codes. */
export async function resetAttempts(db: Db, door: Door, key: string): Promise<void> {
  await limiters(db)[door].delete(hashed(key))
}

function firstWait(candidates: (RateLimiterRes | null)[]): ThrottleResult {
  const waits = candidates.filter((c): c is RateLimiterRes => c !== null).map((c) => c.msBeforeNext)
  if (waits.length === 0) return { allowed: true }
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(Math.max(...waits) / 1000)) }
}

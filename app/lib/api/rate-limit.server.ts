import { createHash } from 'node:crypto'
import { lt } from 'drizzle-orm'
import { RateLimiterRes } from 'rate-limiter-flexible'
import type { Db } from '#db/client.server'
import { rateLimits } from '#db/schema'
import { PreparedRateLimiterDrizzle } from '~/lib/prepared-rate-limiter.server'

export type RateLimitResult = { allowed: boolean; limit: number; remaining: number; resetSeconds: number }

// The API's limit per key (or per address for the public rules) and minute, kept in PostgreSQL
// with rate-limiter-flexible like the login throttles: it holds across every web instance, so a
// client cannot multiply its budget by the number of instances behind the load balancer.
const limiters = new WeakMap<Db, Map<number, PreparedRateLimiterDrizzle>>()

function limiter(db: Db, points: number): PreparedRateLimiterDrizzle {
  let byPoints = limiters.get(db)
  if (!byPoints) limiters.set(db, (byPoints = new Map()))
  let found = byPoints.get(points)
  if (!found) {
    found = new PreparedRateLimiterDrizzle(db, { keyPrefix: `api-${points}`, points, duration: 60, clearExpiredByTimeout: false })
    byPoints.set(points, found)
  }
  return found
}

export async function hitApiRateLimit(db: Db, key: string, limit: number): Promise<RateLimitResult> {
  const hashed = createHash('sha256').update(key).digest('hex')
  try {
    const result = await limiter(db, limit).consume(hashed)
    return { allowed: true, limit, remaining: result.remainingPoints, resetSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)) }
  } catch (error) {
    if (error instanceof RateLimiterRes) return { allowed: false, limit, remaining: 0, resetSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) }
    throw error
  }
}

/** Expired windows and throttles, removed by a scheduled job so the table stays small. */
export async function deleteExpiredRateLimits(db: Db, now = new Date()): Promise<number> {
  const deleted = await db.delete(rateLimits).where(lt(rateLimits.expire, now)).returning({ key: rateLimits.key })
  return deleted.length
}

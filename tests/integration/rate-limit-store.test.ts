import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible'
import { rateLimits } from '../../db/schema'
import { PreparedRateLimiterDrizzle } from '../../app/lib/prepared-rate-limiter.server'
import { createTestDatabase, type TestDatabase } from '../support/db'

let database: TestDatabase
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => {
  await database.drop()
})

const refused = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof RateLimiterRes ? error : Promise.reject(error)),
  )

// The store's one statement is prepared (decision 015); the library's behaviour must not change:
// the same answers as rate-limiter-flexible's own drizzle store, step by step.
describe('the prepared rate-limit store', () => {
  it('counts, refuses past the limit, starts a new window once the old one has passed, and blocks', async () => {
    const options = { points: 3, duration: 60, clearExpiredByTimeout: false }
    const ours = new PreparedRateLimiterDrizzle(database.db, { ...options, keyPrefix: 'ours' })
    const library = new RateLimiterDrizzle({ ...options, storeClient: database.db, schema: rateLimits, keyPrefix: 'library' })
    for (const limiter of [ours, library]) {
      const answers = []
      for (let i = 0; i < 3; i++) answers.push((await limiter.consume('k')).remainingPoints)
      expect(answers).toEqual([2, 1, 0])
      const over = await refused(limiter.consume('k'))
      expect(over?.remainingPoints).toBe(0)
      expect(over!.msBeforeNext).toBeGreaterThan(0)
      expect(over!.msBeforeNext).toBeLessThanOrEqual(60_000)
      // Another key has its own window.
      expect((await limiter.consume('other', 2)).remainingPoints).toBe(1)
    }
    // The window passes (moved into the past rather than waited for: a loaded machine would
    // make a short real window pass between two requests of the same window).
    await database.query(`update rate_limits set expire = now() - interval '1 second' where key like '%:k'`)
    for (const limiter of [ours, library]) {
      // The passed window does not add up: a fresh one with these points.
      const fresh = await limiter.consume('k')
      expect(fresh.remainingPoints).toBe(2)
      expect(fresh.isFirstInDuration).toBe(true)
      // block() writes the window outright (the library's forceExpire path).
      await limiter.block('k', 60)
      const blocked = await refused(limiter.consume('k'))
      expect(blocked!.msBeforeNext).toBeGreaterThan(50_000)
    }
    const rows = await database.query<{ key: string; points: number }>(`select key, points from rate_limits order by key`)
    expect(rows.map((r) => [r.key.replace(/^(ours|library):/, ''), r.points])).toEqual([
      ['k', 5],
      ['other', 2],
      ['k', 5],
      ['other', 2],
    ])
  })
})

import { describe, expect, it } from 'vitest'
import { RateLimiter } from './rate-limit.server'

describe('RateLimiter', () => {
  it('allows the limit per minute and resets with the next window', () => {
    const limiter = new RateLimiter()
    const t0 = Date.UTC(2026, 0, 1, 12, 0, 10)
    expect(limiter.hit('k', 2, t0)).toEqual({ allowed: true, limit: 2, remaining: 1, resetSeconds: 50 })
    expect(limiter.hit('k', 2, t0).allowed).toBe(true)
    expect(limiter.hit('k', 2, t0)).toMatchObject({ allowed: false, remaining: 0 })
    expect(limiter.hit('other', 2, t0).allowed).toBe(true)
    expect(limiter.hit('k', 2, t0 + 50_000).allowed).toBe(true)
  })
})

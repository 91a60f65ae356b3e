export type RateLimitResult = { allowed: boolean; limit: number; remaining: number; resetSeconds: number }

/**
 * A fixed one-minute window per key, kept in this process. With several app instances behind a
 * load balancer each enforces the limit on its own share (see docs/decisions/003).
 */
export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>()

  hit(key: string, limit: number, now = Date.now()): RateLimitResult {
    const windowStart = now - (now % 60_000)
    let window = this.windows.get(key)
    if (!window || window.start !== windowStart) {
      window = { start: windowStart, count: 0 }
      this.windows.set(key, window)
      if (this.windows.size > 10_000) this.prune(windowStart)
    }
    window.count++
    return {
      allowed: window.count <= limit,
      limit,
      remaining: Math.max(0, limit - window.count),
      resetSeconds: Math.ceil((windowStart + 60_000 - now) / 1000),
    }
  }

  private prune(currentStart: number) {
    for (const [key, window] of this.windows) if (window.start !== currentStart) this.windows.delete(key)
  }
}

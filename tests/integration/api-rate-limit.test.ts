import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClient } from '../support/api'
import { createEmployerWithApiKey } from '../support/factories'
import { startTestApp, type TestApp } from '../support/app'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp({ API_RATE_LIMIT_PER_MINUTE: '5' })
})
afterAll(() => app.close())

describe('API rate limit per key', () => {
  it('counts down in RateLimit headers and answers 429 with Retry-After past the limit', async () => {
    const a = await createEmployerWithApiKey(app.database.db)
    const b = await createEmployerWithApiKey(app.database.db)
    const api = apiClient(app.url, a.apiKey)
    const remaining: string[] = []
    for (let i = 0; i < 5; i++) {
      const response = await api.get('/api/v1/vacancies')
      // Each test run may straddle a minute boundary; a fresh window only raises the count.
      expect(response.status).toBe(200)
      remaining.push(response.headers.get('ratelimit-remaining')!)
      expect(response.headers.get('ratelimit-limit')).toBe('5')
      expect(response.headers.get('ratelimit-policy')).toBe('5;w=60')
    }
    expect(remaining.map(Number).every((n) => n >= 0 && n <= 4)).toBe(true)
    let limited = await api.get('/api/v1/vacancies')
    if (limited.status === 200) limited = await api.get('/api/v1/vacancies')
    if (limited.status === 200) {
      // Crossed into a new minute during the loop: exhaust the new window.
      for (let i = 0; i < 5 && limited.status === 200; i++) limited = await api.get('/api/v1/vacancies')
    }
    expect(limited.status).toBe(429)
    expect(limited.headers.get('content-type')).toMatch(/problem\+json/)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(limited.headers.get('ratelimit-remaining')).toBe('0')

    // Another organisation's key has its own budget.
    expect((await apiClient(app.url, b.apiKey).get('/api/v1/vacancies')).status).toBe(200)
  })
})

import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countRows } from '../support/db'
import { createEmployerWithApiKey, validVacancyBody } from '../support/factories'
import { startTestApp, type TestApp } from '../support/app'

// A first, seeded slice of issue 13's fuzz suite: one field of an otherwise valid vacancy is
// broken at a time, next to the same request left valid as a control.
let app: TestApp
let key: string
let valid: Record<string, unknown>
beforeAll(async () => {
  app = await startTestApp({ API_RATE_LIMIT_PER_MINUTE: '100000' })
  const employer = await createEmployerWithApiKey(app.database.db)
  key = employer.apiKey
  valid = await validVacancyBody(app.database.db)
})
afterAll(() => app.close())

const odd = fc.oneof(
  fc.constantFrom<unknown>(null, true, [], {}, '', ' ', '\u0000', '\ud800', '💥'.repeat(5000), 'x'.repeat(100_000), "' or 1=1 --", '<script>', '__proto__', 'constructor'),
  fc.constantFrom<unknown>(0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 2 ** 31, -(2 ** 31) - 1, 0.5, 1e-300),
  fc.constantFrom<unknown>('2026-02-30', '0000-01-01', '9999-12-31', '2026-13-01', 'yesterday', '1e10'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.string(), { maxLength: 4 }),
  fc.object({ maxDepth: 2 }),
)

async function post(body: string, contentType = 'application/json') {
  const response = await fetch(new URL('/api/v1/vacancies', app.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': contentType },
    body,
  })
  await response.arrayBuffer()
  return response.status
}

describe('fuzzing POST /api/v1/vacancies', () => {
  it('answers a request with one broken field with a 4xx and writes nothing; the valid control is created', async () => {
    const fields = Object.keys(valid)
    const seen = new Map<number, number>()
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields, '__proto__', 'unknownField'), odd, async (field, value) => {
        const broken = JSON.stringify({ ...valid, [field]: value })
        const before = await countRows(app.database, ['vacancies', 'vacancy_travel_times', 'audit_log'])
        const status = await post(broken)
        seen.set(status, (seen.get(status) ?? 0) + 1)
        expect(status, `${field} = ${JSON.stringify(value)?.slice(0, 80)}`).toBeLessThan(500)
        if (status >= 400) expect(await countRows(app.database, ['vacancies', 'vacancy_travel_times', 'audit_log'])).toEqual(before)
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300), seed: Number(process.env.FUZZ_SEED ?? 20261128) },
    )
    expect(await post(JSON.stringify(valid))).toBe(201)
    expect(seen.size).toBeGreaterThan(0)
  })

  it('refuses malformed JSON, wrong content types and a body that is not an object', async () => {
    for (const [body, type] of [['{"title":', 'application/json'], ['title=x', 'application/x-www-form-urlencoded'], ['[]', 'application/json'], ['"x"', 'application/json'], ['null', 'application/json']] as const) {
      const status = await post(body, type)
      expect(status, body).toBeGreaterThanOrEqual(400)
      expect(status, body).toBeLessThan(500)
    }
  })
})

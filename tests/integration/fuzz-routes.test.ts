import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app'
import { actors, fingerprint, isAllowedWrite, matrix, recordMaker, send, setUpCatalogue, type ActorName, type Call } from '../support/route-catalogue'

/**
 * Issue 13's fuzz suite over every write the portal and the API take: each portal action and API
 * write of the route catalogue is sent by someone allowed to make it, with one field broken (or
 * left out, or an unknown one added) and the rest valid. Asserted: no 5xx, a refused request
 * changes no row, and the same request left valid still succeeds. `npm run fuzz` runs it long.
 */
let app: TestApp
beforeAll(async () => {
  app = await startTestApp({ API_RATE_LIMIT_PER_MINUTE: '1000000' })
  await setUpCatalogue(app)
}, 60_000)
afterAll(() => app?.close())

const RUNS = Number(process.env.FUZZ_ROUTE_RUNS ?? 20)
const SEED = Number(process.env.FUZZ_SEED ?? 20261129)
const statuses = new Map<number, number>()

/** Values that have broken web apps before: types, extremes, dates that are not, unicode edges, injections. */
const odd = fc.oneof(
  fc.constantFrom<unknown>(undefined, null, true, [], {}, '', ' ', '\u0000', 'a\u0000b', '\ud800', '\udfff', '\u202e\u2066evil', '\u001b[31mred', '💥'.repeat(3000), 'x'.repeat(70_000)),
  fc.constantFrom<unknown>("' or 1=1 --", '<script>alert(1)</script>', '${7*7}', '../../etc/passwd', '__proto__', 'constructor', '%00', '%ff%fe'),
  fc.constantFrom<unknown>(0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 2 ** 31, -(2 ** 31) - 1, 0.5, 1e-300, '1e400', 'NaN', 'Infinity', '-0'),
  fc.constantFrom<unknown>('2026-02-30', '0000-01-01', '9999-12-31T23:59', '2026-13-01', 'yesterday', '2026-06-01T25:00', '00000000-0000-0000-0000-000000000000', 'not-a-uuid'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
)

/** Who makes the request: someone allowed to write, else someone the route answers with a 4xx of its own (not a sign-in or a refusal). */
function fuzzActor(call: Call): ActorName | null {
  const own = (who: ActorName) => {
    const cell = call.expect[who]
    return Array.isArray(cell) ? cell[0] : cell
  }
  return (
    actors.find((who) => isAllowedWrite(call, who, own(who))) ??
    actors.find((who) => {
      const status = own(who)
      return status < 500 && ![401, 403, 404].includes(status) && !(who === 'anon' && status === 302)
    }) ??
    null
  )
}

/** A form value as a browser could send it. */
function asFormValue(value: unknown): string | undefined {
  if (value === undefined) return undefined
  return typeof value === 'string' ? value : JSON.stringify(value) ?? ''
}

const writes = Object.entries(matrix).flatMap(([routeId, calls]) =>
  calls.map((call, index) => ({ routeId, call, index })).filter(({ call }) => call.method !== 'GET'),
)

describe('fuzzing every write', () => {
  for (const { routeId, call, index } of writes) {
    const who = fuzzActor(call)
    if (!who) continue
    it(`${routeId} #${index + 1} ${call.method} as ${who}`, async () => {
      const expectedValid = ((cell) => (Array.isArray(cell) ? cell[0] : cell))(call.expect[who])
      const probe = recordMaker('own')
      const fields = Object.keys((await call.body?.(probe, who)) ?? {})
      await call.cleanup?.()
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...fields, '__proto__', 'unexpectedField'), odd, async (field, value) => {
          const records = recordMaker('own')
          const valid = (await call.body?.(records, who)) ?? {}
          await call.path(records, who)
          const broken = { ...valid }
          if (value === undefined) delete broken[field]
          // Defined, not assigned: assigning to "__proto__" would set the object's prototype and send a valid request.
          else Object.defineProperty(broken, field, { value: call.api ? value : asFormValue(value), enumerable: true, writable: true, configurable: true })
          const before = await fingerprint()
          const { status } = await send(who, { ...call, body: () => broken }, records)
          statuses.set(status, (statuses.get(status) ?? 0) + 1)
          expect(status, `${field} = ${JSON.stringify(value)?.slice(0, 60)}`).toBeLessThan(500)
          if (status >= 400) expect(await fingerprint(), `${field} refused with ${status} but data changed`).toBe(before)
          await call.cleanup?.()
        }),
        { numRuns: RUNS, seed: SEED },
      )
      // The control: the same request, valid, does what the catalogue says — throttles forgotten,
      // since fuzzing a sign-in or reset form is exactly what they are there to slow down.
      await app.database.query('delete from rate_limits')
      const control = recordMaker('own')
      expect((await send(who, call, control)).status).toBe(expectedValid)
      await call.cleanup?.()
    }, Math.max(120_000, RUNS * 1_000))
  }

  it('fuzzes odd ids in the path: a 404 or a 400, never a 5xx, and nothing written', async () => {
    const withIds = writes.filter(({ call }) => fuzzActor(call) && /\$/.test(call.path.toString()))
    expect(withIds.length).toBeGreaterThan(10)
    const oddIds = ['not-a-uuid', '00000000-0000-0000-0000-000000000000', "1' or '1'='1", '%00', '..', 'x'.repeat(300), '12345678-1234-1234-1234-1234567890ab', '\u00e9']
    for (const { call } of withIds) {
      const who = fuzzActor(call)!
      for (const id of oddIds) {
        const records = recordMaker('own')
        const real = await call.path(records, who)
        const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/
        if (!uuid.test(real)) continue
        const path = real.replace(uuid, encodeURIComponent(id))
        const body = (await call.body?.(records, who)) ?? {}
        const before = await fingerprint()
        const { status } = await send(who, { ...call, path: () => path, body: () => body }, records)
        expect(status, `${path}`).toBeGreaterThanOrEqual(400)
        expect(status, `${path}`).toBeLessThan(500)
        expect(await fingerprint()).toBe(before)
      }
    }
  }, 300_000)

  it('leaves the server healthy and reports what it saw', async () => {
    const response = await fetch(new URL('/readyz', app.url))
    expect(response.status).toBe(200)
    const total = [...statuses.values()].reduce((a, b) => a + b, 0)
    expect(total).toBeGreaterThan(0)
    console.log(`fuzzed ${total} requests:`, Object.fromEntries([...statuses.entries()].sort(([a], [b]) => a - b)))
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app'
import { actors, buildRouteIds, fingerprint, isAllowedWrite, matrix, recordMaker, send, setUpCatalogue, signInAgain, type Side } from '../support/route-catalogue'

/**
 * Every route of the build × who asks × whose record, as tests/support/route-catalogue.ts lists
 * them with hand-written expected statuses. An allowed write must write; a refused one must leave
 * every tenant table as it was; a list must not show another tenant's record.
 */
let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
  await setUpCatalogue(app)
}, 60_000)
afterAll(() => app?.close())

describe('the authorisation matrix', () => {
  it('has an entry for every route in the build, and no entry for a route that is gone', () => {
    const routeIds = buildRouteIds()
    expect(Object.keys(matrix).sort()).toEqual(routeIds)
  })

  for (const [routeId, calls] of Object.entries(matrix)) {
    calls.forEach((call, index) => {
      it(`${routeId} #${index + 1} ${call.method}`, async () => {
        const failures: string[] = []
        for (const who of actors) {
          const cell = call.expect[who]
          const sides: Side[] = Array.isArray(cell) || call.lists ? ['own', 'other'] : ['own']
          for (const side of sides) {
            const expected = Array.isArray(cell) ? cell[side === 'own' ? 0 : 1] : cell
            const records = recordMaker(side)
            // Whatever the cell needs exists before the fingerprint: making it is no change.
            await call.path(records, who)
            if (call.body) await call.body(records, who)
            if (call.lists) await call.lists.marker(records)
            const before = call.method === 'GET' ? null : await fingerprint()
            const { status, text } = await send(who, call, records)
            const shows = call.lists?.shows[who]
            if (shows) {
              const marker = await call.lists!.marker(records)
              const expectedToShow = shows[side === 'own' ? 0 : 1]
              if (text.includes(marker) !== expectedToShow) failures.push(`${who} on ${side} record: the list ${expectedToShow ? 'lacks' : 'shows'} it`)
            }
            if (status !== expected) failures.push(`${who} on ${side} record: ${status}, expected ${expected}`)
            if (before !== null) {
              const changed = (await fingerprint()) !== before
              if (isAllowedWrite(call, who, expected)) {
                if (call.changes !== false && !changed) failures.push(`${who} on ${side} record: allowed with ${status} but nothing was written`)
              } else if (changed) {
                failures.push(`${who} on ${side} record: refused with ${status} but data changed`)
              }
            }
            if (routeId === 'routes/logout' && call.method === 'POST') await signInAgain(who)
            await call.cleanup?.()
          }
        }
        expect(failures).toEqual([])
      })
    })
  }
})


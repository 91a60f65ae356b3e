import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { grossCents, vatCents } from './vat'

describe('VAT', () => {
  it('rounds half up in whole cents', () => {
    expect(vatCents(10_000, 2100)).toBe(2100)
    expect(vatCents(50, 2100)).toBe(11) // 10.5 → 11
    expect(vatCents(48, 2100)).toBe(10) // 10.08 → 10
    expect(vatCents(12_345, 900)).toBe(1111) // 1111.05 → 1111
    expect(grossCents(7_500, 2100)).toBe(9_075)
    expect(vatCents(0, 2100)).toBe(0)
  })

  it('is an integer within half a cent of the exact amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000 }), (net, bp) => {
        const vat = vatCents(net, bp)
        expect(Number.isInteger(vat)).toBe(true)
        expect(Math.abs(vat - (net * bp) / 10_000)).toBeLessThanOrEqual(0.5)
      }),
    )
  })
})

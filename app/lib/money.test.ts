import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { centsToFormValue, parseEuroCents } from './money'

describe('money in forms', () => {
  it('reads euros the way people type them', () => {
    expect(parseEuroCents('12')).toBe(1200)
    expect(parseEuroCents('12,5')).toBe(1250)
    expect(parseEuroCents('12.50')).toBe(1250)
    expect(parseEuroCents('€ 0,29')).toBe(29)
    expect(parseEuroCents(' 1525 ')).toBe(152500)
    expect(parseEuroCents('-10')).toBe(-1000)
    expect(parseEuroCents('')).toBeNull()
    for (const bad of ['12,345', '1.234,56', 'twaalf', '12,', ',5', '1e3', '12 50', '99999999']) expect(parseEuroCents(bad), bad).toBeUndefined()
  })

  it('round-trips: what the form shows reads back to the same cents, however often it is saved', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999, max: 99_999_999 }), (cents) => {
        expect(parseEuroCents(centsToFormValue(cents))).toBe(cents)
        expect(parseEuroCents(centsToFormValue(parseEuroCents(centsToFormValue(cents))))).toBe(cents)
      }),
    )
    expect(centsToFormValue(1100)).toBe('11,00')
    expect(centsToFormValue(5)).toBe('0,05')
    expect(centsToFormValue(null)).toBe('')
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultCancellationPolicy, employerCancellationRefund } from './cancellation'

const startsAt = new Date('2026-12-10T09:00:00Z')
const hoursBefore = (h: number) => new Date(startsAt.getTime() - h * 3_600_000)

describe('employer cancellation refund', () => {
  it('refunds everything up to the policy hours before the session, the late percentage after', () => {
    const policy = { fullRefundHoursBefore: 24, lateRefundPercent: 50 }
    expect(employerCancellationRefund(policy, 18_150, startsAt, hoursBefore(24))).toBe(18_150)
    expect(employerCancellationRefund(policy, 18_150, startsAt, hoursBefore(23.99))).toBe(9_075)
    expect(employerCancellationRefund(policy, 101, startsAt, hoursBefore(1))).toBe(51) // 50.5 → 51
  })

  it('by default refunds in full until 48 hours before and nothing later', () => {
    expect(employerCancellationRefund(defaultCancellationPolicy, 9_075, startsAt, hoursBefore(48))).toBe(9_075)
    expect(employerCancellationRefund(defaultCancellationPolicy, 9_075, startsAt, hoursBefore(47))).toBe(0)
  })

  it('never refunds more than was paid, nor less than nothing, and never a fraction of a cent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 720 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.integer({ min: -1000, max: 1000 }),
        (hours, percent, paid, cancelHoursBefore) => {
          const refund = employerCancellationRefund({ fullRefundHoursBefore: hours, lateRefundPercent: percent }, paid, startsAt, hoursBefore(cancelHoursBefore))
          expect(Number.isInteger(refund)).toBe(true)
          expect(refund).toBeGreaterThanOrEqual(0)
          expect(refund).toBeLessThanOrEqual(paid)
        },
      ),
    )
  })
})

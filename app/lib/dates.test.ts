import { describe, expect, it } from 'vitest'
import { amsterdamLocalToUtc, todayInAmsterdam, utcToAmsterdamLocal } from './dates'

describe('Amsterdam wall-clock times', () => {
  it('converts across the daylight-saving changes', () => {
    // Winter time (UTC+1) before 28 March 2027, summer time (UTC+2) after.
    expect(amsterdamLocalToUtc('2027-03-27T10:00')?.toISOString()).toBe('2027-03-27T09:00:00.000Z')
    expect(amsterdamLocalToUtc('2027-03-29T10:00')?.toISOString()).toBe('2027-03-29T08:00:00.000Z')
    expect(amsterdamLocalToUtc('2026-10-25T10:00')?.toISOString()).toBe('2026-10-25T09:00:00.000Z')
    expect(utcToAmsterdamLocal(new Date('2027-03-29T08:00:00Z'))).toBe('2027-03-29T10:00')
  })

  it('refuses times that do not exist or are malformed', () => {
    expect(amsterdamLocalToUtc('2027-03-28T02:30')).toBeNull()
    expect(amsterdamLocalToUtc('2027-02-30T10:00')).toBeNull()
    expect(amsterdamLocalToUtc('tomorrow')).toBeNull()
  })

  it('knows the Dutch date around midnight UTC', () => {
    expect(todayInAmsterdam(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01')
  })
})

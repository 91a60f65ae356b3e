import { describe, expect, it } from 'vitest'
import { amsterdamLocalToUtc, isIsoDate, todayInAmsterdam, utcToAmsterdamLocal } from './dates'

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

describe('isIsoDate', () => {
  it('takes real dates a person means, and nothing PostgreSQL would refuse', () => {
    for (const ok of ['2026-02-28', '2028-02-29', '1900-01-01', '2999-12-31']) expect(isIsoDate(ok), ok).toBe(true)
    for (const bad of ['2026-02-30', '2027-02-29', '0000-01-01', '0001-01-01', '1899-12-31', '3000-01-01', '9999-12-31', '2026-1-01', ' 2026-01-01', '2026-01-01T00:00']) {
      expect(isIsoDate(bad), bad).toBe(false)
    }
  })
})

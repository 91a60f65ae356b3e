import { describe, expect, it } from 'vitest'
import { dayNote, dutchPublicHolidays, easterSunday, isWorkingDay, nextWorkingDay } from './holidays'

describe('Dutch public holidays', () => {
  it('finds Easter by the Gregorian computus', () => {
    expect([2024, 2025, 2026, 2027, 2028].map(easterSunday)).toEqual(['2024-03-31', '2025-04-20', '2026-04-05', '2027-03-28', '2028-04-16'])
  })

  it('lists the holidays of a year, and moves King’s Day off a Sunday', () => {
    expect([...dutchPublicHolidays(2027).keys()]).toEqual(['2027-01-01', '2027-03-29', '2027-04-27', '2027-05-05', '2027-05-06', '2027-05-17', '2027-12-25', '2027-12-26'])
    // 27 April 2025 was a Sunday: King's Day was Saturday 26 April.
    expect(dutchPublicHolidays(2025).get('2025-04-26')).toBe('Koningsdag')
  })

  it('moves a weekend or holiday to the next working day', () => {
    expect(isWorkingDay('2026-12-24')).toBe(true)
    expect(nextWorkingDay('2026-12-25')).toBe('2026-12-28')
    expect(nextWorkingDay('2026-11-28')).toBe('2026-11-30')
    expect(nextWorkingDay('2026-11-30')).toBe('2026-11-30')
  })

  it('says why a day is no ordinary working day: the weekend or the holiday by name', () => {
    expect(dayNote('2026-12-25')).toEqual({ kind: 'holiday', nameNl: 'Eerste kerstdag', nameEn: 'Christmas Day' })
    expect(dayNote('2026-11-28')).toEqual({ kind: 'weekend', weekday: 6 })
    expect(dayNote('2026-11-30')).toBeNull()
    // King's Day on a Sunday moves to the Saturday before; the Sunday is then just a Sunday.
    expect(dayNote('2025-04-26')).toMatchObject({ kind: 'holiday', nameNl: 'Koningsdag' })
    expect(dayNote('2025-04-27')).toEqual({ kind: 'weekend', weekday: 0 })
  })
})

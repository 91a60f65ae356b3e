import { describe, expect, it } from 'vitest'
import { dayNote, type HolidayDefinition } from '~/lib/holidays'
import { holidayDefinitions } from './calendar'
import { rulesFromDefaults } from './defaults'
import type { AnyPolicyRule } from './rule'
import { dataSchemas } from './schemas'

const rules = rulesFromDefaults()
const calendar = rules.find((r) => r.key === 'calendar.public_holidays')!

describe('holidays as rule data', () => {
  it('ships the law’s list as a rule whose data validates', () => {
    expect(calendar.kind).toBe('calendar')
    expect(dataSchemas.calendar.safeParse(calendar.data).success).toBe(true)
    expect(dayNote('2026-12-25', holidayDefinitions(rules))).toMatchObject({ kind: 'holiday', nameNl: 'Eerste kerstdag' })
  })

  it('follows the admin’s list: a day added is flagged, a day removed is an ordinary day', () => {
    const holidays = (calendar.data as { holidays: HolidayDefinition[] }).holidays
    const edited = { ...calendar, data: { holidays: [...holidays.filter((h) => h.nameNl !== 'Bevrijdingsdag'), { nameNl: 'Goede Vrijdag', nameEn: 'Good Friday', easterOffset: -2 }] } } as AnyPolicyRule
    expect(dayNote('2027-03-26', holidayDefinitions([edited]))).toMatchObject({ kind: 'holiday', nameEn: 'Good Friday' })
    expect(dayNote('2027-05-05', holidayDefinitions([edited]))).toBeNull()
  })

  it('refuses a day that is not one', () => {
    expect(dataSchemas.calendar.safeParse({ holidays: [{ nameNl: 'x', nameEn: 'x', monthDay: '13-01' }] }).success).toBe(false)
    expect(dataSchemas.calendar.safeParse({ holidays: [{ nameNl: 'x', nameEn: 'x', monthDay: '01-01', easterOffset: 1 }] }).success).toBe(false)
  })

  it('falls back to the law’s list when the rule is missing', () => {
    expect(dayNote('2027-05-05', holidayDefinitions([]))).toMatchObject({ kind: 'holiday', nameNl: 'Bevrijdingsdag' })
  })
})

import { describe, expect, it } from 'vitest'
import { minimumHourlyWage } from './minimum-wage'

describe('minimumHourlyWage', () => {
  it('uses the period in force on the start date', () => {
    expect(minimumHourlyWage('2025-12-31', null)?.hourlyCents).toBe(1440)
    expect(minimumHourlyWage('2026-01-01', null)?.hourlyCents).toBe(1471)
    expect(minimumHourlyWage('2027-03-01', null)?.period.effectiveFrom).toBe('2026-01-01')
  })

  it('applies the youth rate of the youngest accepted age', () => {
    expect(minimumHourlyWage('2026-02-01', 18)).toMatchObject({ hourlyCents: 736, age: 18 })
    expect(minimumHourlyWage('2026-02-01', 20)?.hourlyCents).toBe(1177)
  })

  it('knows nothing before its first period', () => {
    expect(minimumHourlyWage('2020-01-01', null)).toBeNull()
  })
})

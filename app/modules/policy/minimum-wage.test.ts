import { describe, expect, it } from 'vitest'
import { rulesFromDefaults } from './defaults'
import { minimumHourlyWage, minimumWageDue, nextIndexation } from './minimum-wage'
import { ruleOf } from './rule'

const wage = ruleOf(rulesFromDefaults(), 'minimum_wage', 'minimum_wage')!.data

describe('minimumHourlyWage', () => {
  it('uses the period in force on the start date', () => {
    expect(minimumHourlyWage('2025-12-31', null, wage)?.hourlyCents).toBe(1440)
    expect(minimumHourlyWage('2026-01-01', null, wage)?.hourlyCents).toBe(1471)
  })

  it('says which period it used and that a newer one is due, never presenting the old amount as current', () => {
    // The 1 July 2026 amounts are not in the data: a start after that date gets January's with a warning.
    expect(minimumHourlyWage('2026-06-30', null, wage)).toMatchObject({ hourlyCents: 1471, newerDue: null })
    expect(minimumHourlyWage('2026-07-01', null, wage)).toMatchObject({ hourlyCents: 1471, newerDue: '2026-07-01' })
    expect(minimumHourlyWage('2027-03-01', null, wage)).toMatchObject({ period: { effectiveFrom: '2026-01-01' }, newerDue: '2026-07-01' })
  })

  it('stops warning once the next period is entered', () => {
    const entered = { ...wage, periods: [...wage.periods, { effectiveFrom: '2026-07-01', adultHourlyCents: 1500, youthHourlyCents: { 15: 450, 16: 518, 17: 593, 18: 750, 19: 900, 20: 1200 } }] }
    expect(minimumHourlyWage('2026-09-01', null, entered)).toMatchObject({ hourlyCents: 1500, newerDue: null })
    expect(minimumWageDue(entered, '2026-11-28')).toBeNull()
    expect(minimumWageDue(entered, '2027-01-01')).toBe('2027-01-01')
  })

  it('tells the admin on which date amounts went missing', () => {
    expect(minimumWageDue(wage, '2026-06-30')).toBeNull()
    expect(minimumWageDue(wage, '2026-11-28')).toBe('2026-07-01')
    expect(nextIndexation('2026-07-01', ['01-01', '07-01'])).toBe('2027-01-01')
  })

  it('applies the youth rate of the youngest accepted age', () => {
    expect(minimumHourlyWage('2026-02-01', 18, wage)).toMatchObject({ hourlyCents: 736, age: 18 })
    expect(minimumHourlyWage('2026-02-01', 20, wage)?.hourlyCents).toBe(1177)
  })

  it('knows nothing before its first period', () => {
    expect(minimumHourlyWage('2020-01-01', null, wage)).toBeNull()
  })
})

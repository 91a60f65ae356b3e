import { describe, expect, it } from 'vitest'
import { formToVacancyInput, toFormErrors, travelField, vacancyToFormValues } from './vacancy-form'
import { emptyVacancyFields } from './vacancies.schema'

const loc = '11111111-1111-4111-8111-111111111111'

describe('vacancy form adapter', () => {
  it('reads euros with a comma or a dot into cents, and travel inputs into the array', () => {
    const { input, preErrors } = formToVacancyInput(
      { title: 'Orderpicker', hourlyWage: '15,25', hoursMin: '24', [travelField(loc)]: '30', forWorkersUnder21: 'on' },
      ['day', 'bogus'],
      [loc],
    )
    expect(preErrors).toEqual({})
    expect(input).toMatchObject({
      hourlyWageCents: 1525,
      hoursMin: 24,
      hoursMax: null,
      shifts: ['day'],
      forWorkersUnder21: true,
      trialPlacementOffered: false,
      travelTimes: [{ receptionLocationId: loc, minutes: 30 }],
    })
    expect(formToVacancyInput({ hourlyWage: '15.5' }, [], []).input.hourlyWageCents).toBe(1550)
  })

  it('refuses an unreadable amount and keeps non-numbers for the schema to refuse', () => {
    const { input, preErrors } = formToVacancyInput({ hourlyWage: 'vijftien', hoursMin: 'veel' }, [], [])
    expect(preErrors).toEqual({ hourlyWage: { key: 'errors.amountInvalid' } })
    expect(input.hoursMin).toBe('veel')
  })

  it('maps module errors back to the inputs that show them', () => {
    const input = { travelTimes: [{ receptionLocationId: loc, minutes: 999 }] }
    expect(
      toFormErrors(
        {
          hourlyWageCents: { key: 'errors.wageBelowMinimum' },
          'travelTimes.0.minutes': { key: 'errors.numberRange' },
          [`travelTimes.${loc}`]: { key: 'errors.requiredForSubmit' },
        },
        input,
      ),
    ).toEqual({
      hourlyWage: { key: 'errors.wageBelowMinimum' },
      [travelField(loc)]: { key: 'errors.numberRange' },
    })
  })

  it('shows stored cents as euros', () => {
    const values = vacancyToFormValues({ ...emptyVacancyFields, title: 'x', hourlyWageCents: 1471 })
    expect(values.hourlyWage).toBe('14,71')
  })
})

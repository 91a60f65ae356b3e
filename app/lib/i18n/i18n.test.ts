import { describe, expect, it } from 'vitest'
import { en } from './en'
import { formatDate, translate } from './index'
import { fallbackMessages } from './fallback'
import { nl } from './nl'

describe('message catalogues', () => {
  it('have the same keys and no empty texts', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort())
    for (const text of [...Object.values(nl), ...Object.values(en)]) expect(text.trim()).not.toBe('')
  })

  it('keep the error page’s fallback words equal to the Dutch catalogue', () => {
    for (const [key, text] of Object.entries(fallbackMessages)) expect(text, key).toBe(nl[key as keyof typeof nl])
  })

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(nl[key]))
    }
  })

  it('fills in parameters and defaults to Dutch texts', () => {
    expect(translate('nl', 'dashboard.title', { name: 'Sanne' })).toBe('Welkom, Sanne')
    expect(translate('en', 'dashboard.title', { name: 'Sanne' })).toBe('Welcome, Sanne')
  })

  it('shows money and dates in the reader\'s notation', () => {
    const params = { minimumCents: 1471, sinceDate: '2026-01-01', age: 21 }
    expect(translate('nl', 'errors.wageBelowMinimum', params).replace(/\s/g, ' ')).toContain('€ 14,71')
    expect(translate('en', 'errors.wageBelowMinimum', params)).toContain('€14.71')
    expect(translate('en', 'errors.wageBelowMinimum', params)).toContain('1 Jan 2026')
  })

  it('shows times in Europe/Amsterdam', () => {
    // 23:30 UTC on 31 Dec is already New Year in Amsterdam.
    expect(formatDate('en', new Date('2025-12-31T23:30:00Z'), true)).toContain('1 Jan 2026')
  })
})

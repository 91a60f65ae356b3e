import { describe, expect, it } from 'vitest'
import { prefixQuery } from './query'

describe('prefixQuery', () => {
  it('turns words into prefixes that must all match', () => {
    expect(prefixQuery('Heftruck  Almere')).toBe('heftruck:* & almere:*')
    expect(prefixQuery('orderpick')).toBe('orderpick:*')
  })

  it('keeps letters with accents and digits, and drops everything to_tsquery could trip over', () => {
    expect(prefixQuery("café's & (1314) | !x:*")).toBe('café:* & s:* & 1314:* & x:*')
    expect(prefixQuery(' -- ; ')).toBeNull()
    expect(prefixQuery('')).toBeNull()
  })

  it('looks at eight words at most', () => {
    expect(prefixQuery('a b c d e f g h i j')!.split(' & ')).toHaveLength(8)
  })
})

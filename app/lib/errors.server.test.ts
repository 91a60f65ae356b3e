import { describe, expect, it } from 'vitest'
import { isDatabaseUnavailable } from './errors.server'

const withCode = (code: string) => Object.assign(new Error(code), { code })

describe('isDatabaseUnavailable', () => {
  it('knows a lost or unreachable database, also behind drizzle’s wrapper', () => {
    for (const code of ['CONNECTION_CLOSED', 'CONNECT_TIMEOUT', 'ECONNREFUSED', '57P01', '08006']) {
      expect(isDatabaseUnavailable(new Error('Failed query', { cause: withCode(code) })), code).toBe(true)
    }
  })

  it('leaves real errors alone', () => {
    for (const code of ['23505', '22P02', '42P01']) expect(isDatabaseUnavailable(withCode(code)), code).toBe(false)
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false)
    expect(isDatabaseUnavailable(undefined)).toBe(false)
  })
})

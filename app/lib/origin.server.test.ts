import { describe, expect, it } from 'vitest'
import { isMutationFromAllowedOrigin } from './origin.server'

const post = { method: 'POST', path: '/login', host: 'localhost:3000' }

describe('isMutationFromAllowedOrigin', () => {
  it('lets reads through', () => {
    expect(isMutationFromAllowedOrigin({ ...post, method: 'GET' })).toBe(true)
  })
  it('accepts a post from the same host', () => {
    expect(isMutationFromAllowedOrigin({ ...post, origin: 'http://localhost:3000' })).toBe(true)
    expect(
      isMutationFromAllowedOrigin({ ...post, referer: 'http://localhost:3000/login?x=1' }),
    ).toBe(true)
  })
  it('refuses a foreign, opaque or missing origin', () => {
    expect(isMutationFromAllowedOrigin({ ...post, origin: 'https://evil.example' })).toBe(false)
    expect(isMutationFromAllowedOrigin({ ...post, origin: 'null' })).toBe(false)
    expect(isMutationFromAllowedOrigin(post)).toBe(false)
  })
  it('accepts configured origins behind a proxy', () => {
    expect(
      isMutationFromAllowedOrigin({
        ...post,
        host: 'internal:8080',
        origin: 'https://werkbrug.nl',
        allowedOrigins: ['https://werkbrug.nl/'],
      }),
    ).toBe(true)
  })
  it('exempts signed webhooks and the bearer-key API', () => {
    expect(isMutationFromAllowedOrigin({ ...post, path: '/webhooks/stripe' })).toBe(true)
    expect(isMutationFromAllowedOrigin({ ...post, path: '/api/v1/vacancies' })).toBe(true)
    expect(isMutationFromAllowedOrigin({ ...post, path: '/apiary' })).toBe(false)
  })
})

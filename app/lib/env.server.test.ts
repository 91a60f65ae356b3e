import { describe, expect, it } from 'vitest'
import { EnvError, loadEnv } from './env.server'

describe('loadEnv', () => {
  it('defaults to the embedded database on port 3000', () => {
    const env = loadEnv({})
    expect(env.PORT).toBe(3000)
    expect(env.DATABASE_URL).toBeUndefined()
    expect(env.APP_URL).toBe('http://localhost:3000')
    expect(env.usesDevSessionSecret).toBe(true)
  })

  it('names the variable that is wrong', () => {
    expect(() => loadEnv({ SMTP_URL: 'http://mail' })).toThrowError(/SMTP_URL must be an smtp/)
    expect(() => loadEnv({ PORT: 'eighty' })).toThrowError(/PORT/)
    expect(() => loadEnv({ DATABASE_URL: 'mysql://x' })).toThrowError(/DATABASE_URL/)
  })

  it('requires a session secret in production', () => {
    try {
      loadEnv({ NODE_ENV: 'production' })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError)
      expect((error as EnvError).problems).toEqual([
        'SESSION_SECRET is required when NODE_ENV=production',
      ])
    }
  })

  it('takes Stripe keys only in pairs and well-formed', () => {
    expect(loadEnv({}).paymentsEnabled).toBe(false)
    expect(loadEnv({ STRIPE_SECRET_KEY: 'sk_test_abc', STRIPE_WEBHOOK_SECRET: 'whsec_abc' }).paymentsEnabled).toBe(true)
    expect(() => loadEnv({ STRIPE_SECRET_KEY: 'sk_test_abc' })).toThrowError(/STRIPE_WEBHOOK_SECRET must be set together/)
    expect(() => loadEnv({ STRIPE_SECRET_KEY: 'pk_test_abc', STRIPE_WEBHOOK_SECRET: 'whsec_abc' })).toThrowError(/STRIPE_SECRET_KEY must look like/)
  })

  it('treats an empty variable as unset', () => {
    expect(loadEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined()
  })
})

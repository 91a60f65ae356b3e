import { describe, expect, it } from 'vitest'
import { DEV_SESSION_SECRET, EnvError, loadEnv } from './env.server'

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

  it('requires a session secret, SMTP and the public address in production', () => {
    try {
      loadEnv({ NODE_ENV: 'production' })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError)
      expect((error as EnvError).problems).toEqual([
        'SESSION_SECRET is required when NODE_ENV=production',
        'SMTP_URL is required when NODE_ENV=production',
        'APP_URL is required when NODE_ENV=production',
      ])
    }
  })

  it('refuses the published development secret in production', () => {
    const production = { NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example:587', APP_URL: 'https://werkbrug.example' }
    expect(() => loadEnv({ ...production, SESSION_SECRET: DEV_SESSION_SECRET })).toThrowError(/SESSION_SECRET is the published development secret/)
    const env = loadEnv({ ...production, SESSION_SECRET: 'a-production-secret-of-enough-length' })
    expect(env.demoMailbox).toBe(false)
  })

  it('keeps the local mailbox for the demo only', () => {
    expect(loadEnv({}).demoMailbox).toBe(true)
    expect(loadEnv({ SMTP_URL: 'smtp://127.0.0.1:2525' }).demoMailbox).toBe(false)
  })

  it('takes the number of trusted proxies', () => {
    expect(loadEnv({}).TRUST_PROXY).toBe(0)
    expect(loadEnv({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(1)
    expect(loadEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2)
    expect(() => loadEnv({ TRUST_PROXY: 'yes' })).toThrowError(/TRUST_PROXY/)
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

import { afterEach, describe, expect, it, vi } from 'vitest'
import { describeError, logError, redact, setLogFormat, withRequestId } from './log.server'

afterEach(() => vi.restoreAllMocks())

describe('redact', () => {
  it('removes hashes, tokens, email addresses and query strings', () => {
    const text =
      'insert into users values ($1, $2) params: noor@x.example,$argon2id$v=19$m=19456,t=2,p=1$abc$def ' +
      'and then GET /reset-password?token=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZg for jan@y.example'
    const clean = redact(text)
    expect(clean).not.toMatch(/argon2|noor@|jan@|Zm9vYmFy|token=/)
  })

  it('keeps what an operator needs', () => {
    expect(redact('payment 0f8e4c52-8b1d-4a44-9d6f-2a2a7d8c9e10 failed at /payments')).toBe(
      'payment 0f8e4c52-8b1d-4a44-9d6f-2a2a7d8c9e10 failed at /payments',
    )
    expect(redact('checkout cs_test_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6 closed')).toBe('checkout cs_test_[id] closed')
  })
})

describe('describeError', () => {
  it('gives a database error by its code and constraint, never by its query', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"'), {
      code: '23505',
      constraint_name: 'users_email_key',
      detail: 'Key (email)=(noor@x.example) already exists.',
    })
    const error = new Error('Failed query: insert into "users" ("email", "password_hash") values ($1, $2)\nparams: noor@x.example,$argon2id$v=19$xyz', { cause })
    const text = describeError(error)
    expect(text).toMatch(/^database error 23505 \(users_email_key\)/)
    expect(text).not.toMatch(/noor|argon2|insert/)
  })

  it('is what logError writes', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    logError('accounts', 'registration for noor@x.example failed', new Error('Failed query: select 1\nparams: secret'))
    const written = spy.mock.calls.map((call) => call.join(' ')).join('\n')
    expect(written).toContain('[accounts] registration for [email] failed: Error: a database query failed')
    expect(written).not.toMatch(/noor|secret|select 1/)
  })
})

describe('log lines', () => {
  it('carry the request id, and are JSON objects in production', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    setLogFormat('json')
    try {
      withRequestId('req-42', () => logError('api', 'unexpected error for jan@y.example', new Error('boom')))
    } finally {
      setLogFormat('text')
    }
    const entry = JSON.parse(String(spy.mock.calls[0]![0]))
    expect(entry).toMatchObject({ level: 'error', scope: 'api', message: 'unexpected error for [email]', requestId: 'req-42' })
    expect(entry.error).toMatch(/^Error: boom/)
    withRequestId('req-43', () => logError('http', 'plain'))
    expect(String(spy.mock.calls[1]![0])).toBe('[http] (req-43) plain')
  })
})

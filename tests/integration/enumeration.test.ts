import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { requestPasswordReset } from '../../app/modules/accounts/password-reset.server'
import { registerEmployer } from '../../app/modules/accounts/registration.server'
import * as passwords from '../../app/lib/passwords.server'
import * as tokens from '../../app/lib/tokens.server'
import { countRows, createTestDatabase, type TestDatabase } from '../support/db'
import { createEmployer } from '../support/factories'

// The work behind each answer, counted: a password hash, a token, a queued email.
vi.mock('../../app/lib/passwords.server', async (importOriginal) => {
  const real = await importOriginal<typeof passwords>()
  return { ...real, hashPassword: vi.fn(real.hashPassword) }
})
vi.mock('../../app/lib/tokens.server', async (importOriginal) => {
  const real = await importOriginal<typeof tokens>()
  return { ...real, createToken: vi.fn(real.createToken) }
})

let database: TestDatabase
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(() => database.drop())

const APP_URL = 'http://localhost:3000'

async function workOf(run: () => Promise<unknown>) {
  vi.mocked(passwords.hashPassword).mockClear()
  vi.mocked(tokens.createToken).mockClear()
  const before = await countRows(database, ['email_outbox'])
  await run()
  const after = await countRows(database, ['email_outbox'])
  return {
    passwordHashes: vi.mocked(passwords.hashPassword).mock.calls.length,
    tokens: vi.mocked(tokens.createToken).mock.calls.length,
    queuedEmails: after.email_outbox! - before.email_outbox!,
  }
}

describe('what an outsider cannot tell apart', () => {
  it('registration does the same work for a new and a known address', async () => {
    const { owner } = await createEmployer(database.db)
    const form = (email: string, kvkNumber: string) => ({ organisationName: 'Test BV', kvkNumber, contactName: 'Noor', email, password: 'een lang genoeg wachtwoord' })
    const fresh = await workOf(() => registerEmployer(database.db, form('nieuw@enum.example', '31234567'), 'nl', APP_URL))
    const known = await workOf(() => registerEmployer(database.db, form(owner.email, '31234568'), 'nl', APP_URL))
    expect(fresh).toMatchObject({ passwordHashes: 1, queuedEmails: 1 })
    expect(known).toMatchObject({ passwordHashes: 1, queuedEmails: 1 })
  })

  it('a password reset does the same work for a real and an unknown address', async () => {
    const { owner } = await createEmployer(database.db)
    const real = await workOf(() => requestPasswordReset(database.db, { email: owner.email, appUrl: APP_URL, locale: 'nl' }))
    const unknown = await workOf(() => requestPasswordReset(database.db, { email: 'niemand@enum.example', appUrl: APP_URL, locale: 'nl' }))
    expect(real).toEqual({ passwordHashes: 0, tokens: 1, queuedEmails: 1 })
    expect(unknown).toEqual(real)
  })
})

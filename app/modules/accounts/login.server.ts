import type { Db } from '#db/client.server'
import type { FieldMessage } from '~/lib/forms'
import { dummyPasswordHash, verifyPassword } from '~/lib/passwords.server'
import { loginWait, recordLoginFailure, recordLoginSuccess } from '~/lib/throttle.server'
import { findActiveUserByEmail } from './accounts.queries.server'

export type LoginResult =
  | { ok: true; userId: string }
  | { ok: false; error: FieldMessage; unconfirmedUserId?: string }

/**
 * Checks a password, throttled per account and source address with a growing delay (see
 * throttle.server). A right password for an address not yet confirmed signs nobody in.
 */
export async function authenticate(
  db: Db,
  credentials: { email: string; password: string; ip: string },
): Promise<LoginResult> {
  const email = credentials.email.toLowerCase()
  const wait = await loginWait(db, email, credentials.ip)
  if (!wait.allowed) {
    return { ok: false, error: { key: 'errors.tooManyAttempts', params: { minutes: Math.max(1, Math.ceil(wait.retryAfterSeconds / 60)) } } }
  }

  const user = await findActiveUserByEmail(db, email)
  const valid = user
    ? await verifyPassword(user.passwordHash, credentials.password)
    : await verifyPassword(await dummyPasswordHash(), credentials.password).then(() => false)
  if (!valid || !user) {
    await recordLoginFailure(db, email, credentials.ip)
    return { ok: false, error: { key: 'errors.invalidCredentials' } }
  }
  await recordLoginSuccess(db, email, credentials.ip)
  if (!user.emailConfirmedAt) return { ok: false, error: { key: 'errors.emailNotConfirmed' }, unconfirmedUserId: user.id }
  return { ok: true, userId: user.id }
}

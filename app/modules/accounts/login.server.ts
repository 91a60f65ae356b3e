import type { Db } from '#db/client.server'
import type { FieldMessage } from '~/lib/forms'
import { dummyPasswordHash, verifyPassword } from '~/lib/passwords.server'
import { loginWait, recordLoginFailure, recordLoginSuccess, waitMessage } from '~/lib/throttle.server'
import { resendEmailConfirmation } from './email-confirmation.server'
import { findActiveUserByEmail } from './accounts.queries.server'

export type LoginResult =
  | { ok: true; userId: string }
  | { ok: false; error: FieldMessage }

/**
 * Checks a password, throttled per account and source address with a growing delay (see
 * throttle.server). A right password for an address not yet confirmed signs nobody in, and
 * sends a fresh confirmation link (the first one was probably lost).
 */
export async function authenticate(
  db: Db,
  credentials: { email: string; password: string; ip: string },
  options: { appUrl: string },
): Promise<LoginResult> {
  const email = credentials.email.toLowerCase()
  const wait = await loginWait(db, email, credentials.ip)
  if (!wait.allowed) {
    return { ok: false, error: waitMessage('errors.tooManyAttempts', wait) }
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
  if (!user.emailConfirmedAt) {
    await resendEmailConfirmation(db, user.id, options.appUrl)
    return { ok: false, error: { key: 'errors.emailNotConfirmed' } }
  }
  return { ok: true, userId: user.id }
}

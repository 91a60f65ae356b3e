import { and, eq, gt, isNull } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { passwordResetTokens, users } from '#db/schema'
import type { Locale } from '~/lib/i18n'
import { hashPassword } from '~/lib/passwords.server'
import { createToken, hashToken } from '~/lib/tokens.server'
import { recordAudit } from '~/modules/audit/index.server'
import { enqueueEmail } from '~/modules/email/index.server'
import { findActiveUserByEmail } from './accounts.queries.server'
import { deleteUserSessions } from './sessions.server'

export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000

/**
 * Sends a one-time reset link if the address has an account, and a note that there is none
 * otherwise. The caller answers the same either way.
 */
export async function requestPasswordReset(
  db: Db,
  input: { email: string; appUrl: string; locale: Locale },
  now = new Date(),
): Promise<void> {
  const user = await findActiveUserByEmail(db, input.email)
  // The same work either way — a token and one queued email — so neither the answer nor its
  // timing tells whether the address has an account.
  const { token, hash } = createToken()
  if (!user) {
    await enqueueEmail(db, {
      template: 'reset-no-account',
      to: input.email,
      locale: input.locale,
      props: { registerUrl: new URL('/register', input.appUrl).toString() },
    })
    return
  }
  await db.transaction(async (tx) => {
    // Only the newest link works: one that leaked from an older email is dead from now on.
    await spendOpenTokens(tx, user.id, now)
    await tx.insert(passwordResetTokens).values({
      tokenHash: hash,
      userId: user.id,
      expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS),
    })
    await enqueueEmail(tx, {
      template: 'password-reset',
      to: user.email,
      locale: user.locale,
      props: { name: user.name, resetUrl: resetUrl(input.appUrl, token) },
      secretProps: ['resetUrl'],
    })
  })
}

export function resetUrl(appUrl: string, token: string): string {
  return new URL(`/reset-password?token=${encodeURIComponent(token)}`, appUrl).toString()
}

export async function resetTokenIsValid(db: Db, token: string, now = new Date()): Promise<boolean> {
  const [row] = await db
    .select({ userId: passwordResetTokens.userId })
    .from(passwordResetTokens)
    .where(openToken(token, now))
  return Boolean(row)
}

/**
 * Sets the new password and spends the token — and every other open token of the user — in one
 * transaction with the token row locked, so two submissions of the same link cannot both
 * succeed. Every session of the user ends.
 */
export async function resetPassword(
  db: Db,
  input: { token: string; password: string },
  now = new Date(),
): Promise<{ ok: boolean }> {
  const passwordHash = await hashPassword(input.password)
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ userId: passwordResetTokens.userId, tokenHash: passwordResetTokens.tokenHash })
      .from(passwordResetTokens)
      .where(openToken(input.token, now))
      .for('update')
    if (!row) return { ok: false }
    await spendOpenTokens(tx, row.userId, now)
    const [user] = await tx
      .update(users)
      .set({ passwordHash })
      .where(eq(users.id, row.userId))
      .returning({ organisationId: users.organisationId })
    await deleteUserSessions(tx, row.userId)
    await recordAudit(tx, {
      actorUserId: row.userId,
      organisationId: user!.organisationId,
      action: 'user.password_reset',
      subjectType: 'user',
      subjectId: row.userId,
    })
    return { ok: true }
  })
}

async function spendOpenTokens(tx: Db, userId: string, now: Date): Promise<void> {
  await tx
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)))
}

function openToken(token: string, now: Date) {
  return and(
    eq(passwordResetTokens.tokenHash, hashToken(token)),
    isNull(passwordResetTokens.usedAt),
    gt(passwordResetTokens.expiresAt, now),
  )
}

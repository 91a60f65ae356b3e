import { and, eq, gt, isNull } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { emailConfirmationTokens, users } from '#db/schema'
import type { Locale } from '~/lib/i18n'
import { createToken, hashToken } from '~/lib/tokens.server'
import { recordAudit } from '~/modules/audit/index.server'
import { enqueueEmail } from '~/modules/email/index.server'

export const CONFIRMATION_TTL_MS = 24 * 60 * 60 * 1000

/** Queues a confirmation link; only the newest link of a user works. Runs in the caller's transaction. */
export async function sendEmailConfirmation(
  tx: Db,
  user: { id: string; email: string; name: string; locale: Locale },
  appUrl: string,
  now = new Date(),
): Promise<void> {
  const { token, hash } = createToken()
  await tx
    .update(emailConfirmationTokens)
    .set({ usedAt: now })
    .where(and(eq(emailConfirmationTokens.userId, user.id), isNull(emailConfirmationTokens.usedAt)))
  await tx.insert(emailConfirmationTokens).values({ tokenHash: hash, userId: user.id, expiresAt: new Date(now.getTime() + CONFIRMATION_TTL_MS) })
  await enqueueEmail(tx, {
    template: 'email-confirmation',
    to: user.email,
    locale: user.locale,
    props: { name: user.name, confirmUrl: new URL(`/confirm-email?token=${encodeURIComponent(token)}`, appUrl).toString() },
    secretProps: ['confirmUrl'],
  })
}

/** Spends the link and confirms the address; returns the user, or null for a dead link. */
export async function confirmEmail(db: Db, token: string, now = new Date()): Promise<{ userId: string; organisationId: string } | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ userId: emailConfirmationTokens.userId })
      .from(emailConfirmationTokens)
      .where(openToken(token, now))
      .for('update')
    if (!row) return null
    await tx.update(emailConfirmationTokens).set({ usedAt: now }).where(eq(emailConfirmationTokens.userId, row.userId))
    const [user] = await tx
      .update(users)
      .set({ emailConfirmedAt: now })
      .where(and(eq(users.id, row.userId), isNull(users.disabledAt)))
      .returning({ organisationId: users.organisationId })
    if (!user) return null
    await recordAudit(tx, { actorUserId: row.userId, organisationId: user.organisationId, action: 'user.email_confirmed', subjectType: 'user', subjectId: row.userId })
    return { userId: row.userId, organisationId: user.organisationId }
  })
}

export async function confirmationTokenIsOpen(db: Db, token: string, now = new Date()): Promise<boolean> {
  const [row] = await db
    .select({ userId: emailConfirmationTokens.userId })
    .from(emailConfirmationTokens)
    .where(openToken(token, now))
  return Boolean(row)
}

/** A right password for an address not yet confirmed: a fresh link goes out instead of a sign-in. */
export async function resendEmailConfirmation(db: Db, userId: string, appUrl: string): Promise<void> {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale, confirmed: users.emailConfirmedAt })
    .from(users)
    .where(eq(users.id, userId))
  if (!user || user.confirmed) return
  await db.transaction((tx) => sendEmailConfirmation(tx, user, appUrl))
}

function openToken(token: string, now: Date) {
  return and(eq(emailConfirmationTokens.tokenHash, hashToken(token)), isNull(emailConfirmationTokens.usedAt), gt(emailConfirmationTokens.expiresAt, now))
}

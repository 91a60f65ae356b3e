import { and, asc, eq, gt, isNull } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { invitations, organisations, users } from '#db/schema'
import { FieldValidationError, isUniqueViolation } from '~/lib/errors.server'
import type { Locale } from '~/lib/i18n'
import { hashPassword } from '~/lib/passwords.server'
import type { Role } from '~/modules/authorisation'
import type { Actor } from '~/modules/authorisation'
import { scopeOf } from '~/modules/authorisation/index.server'
import { createToken, hashToken } from '~/lib/tokens.server'
import { recordAudit } from '~/modules/audit/index.server'
import { enqueueEmail } from '~/modules/email/index.server'
import { emailIsTaken } from './accounts.queries.server'

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000

export type Inviter = Actor & { userId: string; name: string; organisationName: string; locale: Locale }

/**
 * Invites someone into the inviter's organisation (a colleague), or — for the platform admin
 * opening an intermediary organisation — into that organisation (`into`). A new invitation for
 * the same address replaces the open one.
 */
export async function createInvitation(
  db: Db,
  inviter: Inviter,
  input: { email: string; role: Role; appUrl: string; into?: { id: string; name: string } },
  now = new Date(),
): Promise<{ invitationId: string }> {
  if (await emailIsTaken(db, input.email)) {
    throw new FieldValidationError({ email: { key: 'errors.alreadyMember' } })
  }
  const organisationId = input.into?.id ?? inviter.organisationId
  const organisationName = input.into?.name ?? inviter.organisationName
  const { token, hash } = createToken()
  return db.transaction(async (tx) => {
    await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(invitations.organisationId, organisationId),
          eq(invitations.email, input.email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
    const [invitation] = await tx
      .insert(invitations)
      .values({
        organisationId,
        email: input.email,
        role: input.role,
        tokenHash: hash,
        invitedByUserId: inviter.userId,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      })
      .returning({ id: invitations.id })
    await recordAudit(tx, {
      actorUserId: inviter.userId,
      organisationId,
      action: 'invitation.created',
      subjectType: 'invitation',
      subjectId: invitation!.id,
      details: { email: input.email, role: input.role },
    })
    // The invitee's language is unknown; the inviter's is the best guess.
    await enqueueEmail(tx, {
      template: 'invitation',
      to: input.email,
      locale: inviter.locale,
      props: {
        organisation: organisationName,
        inviter: inviter.name,
        role: input.role,
        acceptUrl: new URL(`/invitations/${encodeURIComponent(token)}`, input.appUrl).toString(),
      },
      secretProps: ['acceptUrl'],
    })
    return { invitationId: invitation!.id }
  })
}

export async function findOpenInvitation(db: Db, token: string, now = new Date()) {
  const [row] = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      organisationId: invitations.organisationId,
      organisationName: organisations.name,
    })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(openInvitation(token, now))
  return row
}

/** Turns an open invitation into an account, once: the row is locked while it is spent. */
export async function acceptInvitation(
  db: Db,
  input: { token: string; name: string; password: string; locale: Locale },
  now = new Date(),
): Promise<{ ok: true; userId: string } | { ok: false }> {
  const passwordHash = await hashPassword(input.password)
  try {
    return await db.transaction(async (tx) => {
      const [invitation] = await tx
        .select()
        .from(invitations)
        .where(openInvitation(input.token, now))
        .for('update')
      if (!invitation) return { ok: false as const }
      const [user] = await tx
        .insert(users)
        .values({
          organisationId: invitation.organisationId,
          email: invitation.email,
          name: input.name,
          passwordHash,
          role: invitation.role,
          locale: input.locale,
          // The invitation reached this address: that confirms it.
          emailConfirmedAt: now,
        })
        .returning({ id: users.id })
      await tx.update(invitations).set({ acceptedAt: now }).where(eq(invitations.id, invitation.id))
      await recordAudit(tx, {
        actorUserId: user!.id,
        organisationId: invitation.organisationId,
        action: 'invitation.accepted',
        subjectType: 'invitation',
        subjectId: invitation.id,
      })
      return { ok: true as const, userId: user!.id }
    })
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_key')) {
      throw new FieldValidationError({ email: { key: 'errors.alreadyMember' } })
    }
    throw error
  }
}

export function listOpenInvitations(db: Db, actor: Actor, now = new Date()) {
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .where(
      and(
        scopeOf(actor).ownOrganisation(invitations.organisationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .orderBy(asc(invitations.email))
}

/** Returns false when the invitation is not the actor's to revoke (the route answers 404). */
export async function revokeInvitation(
  db: Db,
  actor: Actor,
  invitationId: string,
  now = new Date(),
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(invitations.id, invitationId),
          scopeOf(actor).ownOrganisation(invitations.organisationId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({ id: invitations.id, organisationId: invitations.organisationId })
    if (!revoked) return false
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: revoked.organisationId,
      action: 'invitation.revoked',
      subjectType: 'invitation',
      subjectId: revoked.id,
    })
    return true
  })
}

function openInvitation(token: string, now: Date) {
  return and(
    eq(invitations.tokenHash, hashToken(token)),
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, now),
  )
}

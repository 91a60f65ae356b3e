import { and, eq, gt, isNull } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { organisations, partnerInvitations } from '#db/schema'
import { StateConflictError } from '~/lib/errors.server'
import { createToken, hashToken } from '~/lib/tokens.server'
import type { Actor } from '~/modules/authorisation'
import { assertCan } from '~/modules/authorisation'
import { recordAudit } from '~/modules/audit/index.server'
import { enqueueEmail } from '~/modules/email/index.server'
import type { Inviter } from './invitations.server'
import { linkEmployer } from './intermediaries.server'

export const PARTNER_INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000

/**
 * An intermediary asks an employer (new to Werkbrug or already on it with another intermediary)
 * to work with it. The link in the email is a secret: whoever holds it may accept as the owner
 * of their employer organisation, or register one.
 */
export async function invitePartner(db: Db, inviter: Inviter, input: { email: string; appUrl: string }, now = new Date()) {
  assertCan(inviter, 'employers:invite')
  const { token, hash } = createToken()
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(partnerInvitations)
      .values({
        intermediaryOrganisationId: inviter.organisationId,
        email: input.email,
        tokenHash: hash,
        invitedByUserId: inviter.userId,
        expiresAt: new Date(now.getTime() + PARTNER_INVITATION_TTL_MS),
      })
      .returning({ id: partnerInvitations.id })
    await recordAudit(tx, { actorUserId: inviter.userId, organisationId: inviter.organisationId, action: 'partner_invitation.created', subjectType: 'partner_invitation', subjectId: row!.id, details: { email: input.email } })
    await enqueueEmail(tx, {
      template: 'partner-invitation',
      to: input.email,
      locale: inviter.locale,
      props: { intermediary: inviter.organisationName, inviter: inviter.name, acceptUrl: new URL(`/partners/${encodeURIComponent(token)}`, input.appUrl).toString() },
      secretProps: ['acceptUrl'],
    })
    return row!.id
  })
}

function openInvitation(token: string, now: Date) {
  return and(eq(partnerInvitations.tokenHash, hashToken(token)), isNull(partnerInvitations.acceptedAt), gt(partnerInvitations.expiresAt, now))
}

/** The open invitation behind a link, with the intermediary's name; null for a dead or unknown link. */
export async function findPartnerInvitation(db: Db, token: string, now = new Date()) {
  if (!token || token.length > 200) return null
  const [row] = await db
    .select({ id: partnerInvitations.id, intermediaryOrganisationId: partnerInvitations.intermediaryOrganisationId, intermediaryName: organisations.name })
    .from(partnerInvitations)
    .innerJoin(organisations, eq(organisations.id, partnerInvitations.intermediaryOrganisationId))
    .where(openInvitation(token, now))
  return row ?? null
}

/**
 * Spends the invitation for an employer organisation: the link between the two exists from now
 * on. Runs in the caller's transaction when registering; returns the intermediary, or null.
 */
export async function spendPartnerInvitation(tx: Db, token: string, employerOrganisationId: string, actorUserId: string | null, now = new Date()) {
  const [row] = await tx
    .update(partnerInvitations)
    .set({ acceptedAt: now, acceptedByOrganisationId: employerOrganisationId })
    .where(openInvitation(token, now))
    .returning({ id: partnerInvitations.id, intermediaryOrganisationId: partnerInvitations.intermediaryOrganisationId })
  if (!row) return null
  await linkEmployer(tx, employerOrganisationId, row.intermediaryOrganisationId)
  await recordAudit(tx, { actorUserId, organisationId: employerOrganisationId, action: 'partner_invitation.accepted', subjectType: 'organisation', subjectId: row.intermediaryOrganisationId })
  return row.intermediaryOrganisationId
}

/** The employer's owner accepts: its organisation now works with the inviting intermediary. */
export async function acceptPartnerInvitation(db: Db, actor: Actor, token: string, now = new Date()): Promise<string> {
  assertCan(actor, 'intermediaries:link')
  const intermediary = await db.transaction((tx) => spendPartnerInvitation(tx, token, actor.organisationId, actor.userId, now))
  if (!intermediary) throw new StateConflictError('errors.partnerInvitationClosed')
  return intermediary
}

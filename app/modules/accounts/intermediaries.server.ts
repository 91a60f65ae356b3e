import { and, asc, eq, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { employerIntermediaries, organisations, users } from '#db/schema'
import { FieldValidationError } from '~/lib/errors.server'
import { recordAudit } from '~/modules/audit/index.server'
import { emailIsTaken } from './accounts.queries.server'
import { createInvitation, type Inviter } from './invitations.server'
import type { Actor } from '~/modules/authorisation'
import { scopeOf } from '~/modules/authorisation/index.server'

/** The intermediaries an employer works with: the ones it may assign a vacancy to. */
export function linkedIntermediaries(db: Db, actor: Actor) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.kind, 'intermediary'), scopeOf(actor).linkedIntermediaries()))
    .orderBy(asc(organisations.name))
}

/** Every intermediary organisation: the choice offered at registration, and the admin's list. */
export function listIntermediaries(db: Db) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.kind, 'intermediary'))
    .orderBy(asc(organisations.name))
}

/** Links an employer to an intermediary; linking twice is the same link. */
export async function linkEmployer(db: Db, employerOrganisationId: string, intermediaryOrganisationId: string) {
  await db
    .insert(employerIntermediaries)
    .values({ employerOrganisationId, intermediaryOrganisationId })
    .onConflictDoNothing()
}

/** Intermediary organisations with how many employers and active staff they have (platform admin). */
export function intermediaryOverview(db: Db) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      employers: sql<number>`(select count(*)::int from ${employerIntermediaries} l where l.intermediary_organisation_id = ${organisations.id})`,
      staff: sql<number>`(select count(*)::int from ${users} u where u.organisation_id = ${organisations.id} and u.disabled_at is null)`,
      stripeAccountId: organisations.stripeAccountId,
      createdAt: organisations.createdAt,
    })
    .from(organisations)
    .where(eq(organisations.kind, 'intermediary'))
    .orderBy(asc(organisations.name))
}

/**
 * The platform admin opens an intermediary organisation (a staffing agency, a municipality's
 * employer desk) and invites its first owner, who then sets fees and invites the team.
 */
export async function openIntermediaryOrganisation(db: Db, admin: Inviter, input: { name: string; ownerEmail: string; appUrl: string }) {
  if (await emailIsTaken(db, input.ownerEmail)) throw new FieldValidationError({ ownerEmail: { key: 'errors.alreadyMember' } })
  return db.transaction(async (tx) => {
    const [organisation] = await tx.insert(organisations).values({ kind: 'intermediary', name: input.name }).returning({ id: organisations.id })
    await recordAudit(tx, { actorUserId: admin.userId, organisationId: organisation!.id, action: 'intermediary.opened', subjectType: 'organisation', subjectId: organisation!.id })
    try {
      await createInvitation(tx, admin, { email: input.ownerEmail, role: 'intermediary_owner', appUrl: input.appUrl, into: { id: organisation!.id, name: input.name } })
    } catch (error) {
      if (error instanceof FieldValidationError && error.fieldErrors.email) throw new FieldValidationError({ ownerEmail: error.fieldErrors.email })
      throw error
    }
    return organisation!.id
  })
}

/**
 * The platform admin records the intermediary's own Stripe account (connected to Werkbrug's
 * platform through Stripe Connect) — or removes it: from then on its fees are charged there, or not at all.
 */
export async function setStripeAccount(db: Db, admin: Actor, input: { organisationId: string; stripeAccountId: string | null }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ stripeAccountId: organisations.stripeAccountId })
      .from(organisations)
      .where(and(eq(organisations.id, input.organisationId), eq(organisations.kind, 'intermediary')))
      .for('update')
    if (!current) return false
    // Saved unchanged: nothing to record.
    if (current.stripeAccountId === input.stripeAccountId) return true
    await tx.update(organisations).set({ stripeAccountId: input.stripeAccountId }).where(eq(organisations.id, input.organisationId))
    await recordAudit(tx, { actorUserId: admin.userId, organisationId: input.organisationId, action: 'intermediary.stripe_account_set', subjectType: 'organisation', subjectId: input.organisationId, details: { stripeAccountId: input.stripeAccountId } })
    return true
  })
}

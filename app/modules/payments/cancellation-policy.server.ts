import { and, desc, eq, lte } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { cancellationPolicies } from '#db/schema'
import { todayInAmsterdam } from '~/lib/dates'
import { FieldValidationError } from '~/lib/errors.server'
import type { Actor } from '~/modules/authorisation'
import { recordAudit } from '~/modules/audit/index.server'
import { defaultCancellationPolicy, type CancellationPolicy } from './cancellation'

/** The intermediary's cancellation terms in force on a date, or the default terms. */
export async function cancellationPolicyInForce(db: Db, intermediaryOrganisationId: string, date = todayInAmsterdam()): Promise<CancellationPolicy & { isDefault: boolean }> {
  const [policy] = await db
    .select({ fullRefundHoursBefore: cancellationPolicies.fullRefundHoursBefore, lateRefundPercent: cancellationPolicies.lateRefundPercent })
    .from(cancellationPolicies)
    .where(and(eq(cancellationPolicies.intermediaryOrganisationId, intermediaryOrganisationId), lte(cancellationPolicies.effectiveFrom, date)))
    .orderBy(desc(cancellationPolicies.effectiveFrom), desc(cancellationPolicies.createdAt))
    .limit(1)
  return policy ? { ...policy, isDefault: false } : { ...defaultCancellationPolicy, isDefault: true }
}

export type CancellationPolicyInput = CancellationPolicy & { effectiveFrom: string }

/** Records new terms from a date (not in the past: bookings already cancelled keep theirs). */
export async function setCancellationPolicy(db: Db, actor: Actor, input: CancellationPolicyInput, today = todayInAmsterdam()): Promise<void> {
  if (input.effectiveFrom < today) throw new FieldValidationError({ policyEffectiveFrom: { key: 'errors.startDateInPast' } })
  // The same terms as already hold on that date: a new version would change nothing but the history.
  const holding = await cancellationPolicyInForce(db, actor.organisationId, input.effectiveFrom)
  if (holding.fullRefundHoursBefore === input.fullRefundHoursBefore && holding.lateRefundPercent === input.lateRefundPercent) return
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(cancellationPolicies)
      .values({ intermediaryOrganisationId: actor.organisationId, ...input, createdByUserId: actor.userId })
      .returning({ id: cancellationPolicies.id })
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: 'cancellation_policy.set',
      subjectType: 'cancellation_policy',
      subjectId: row!.id,
      details: input,
    })
  })
}

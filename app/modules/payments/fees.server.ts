import { and, desc, eq, lte } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { fees, organisations, users } from '#db/schema'
import { todayInAmsterdam } from '~/lib/dates'
import { FieldValidationError } from '~/lib/errors.server'
import type { Actor } from '~/modules/authorisation'
import { recordAudit } from '~/modules/audit/index.server'
import type { FeeInput } from './fees.schema'
import { vatCents } from './vat'

export type FeeKind = 'speeddate_booking' | 'placement'

/** The fee in force on a date for an intermediary organisation, or null (free). */
export async function feeInForce(db: Db, intermediaryOrganisationId: string, kind: FeeKind, date = todayInAmsterdam()) {
  const [fee] = await db
    .select({ amountCents: fees.amountCents, vatBasisPoints: fees.vatBasisPoints, effectiveFrom: fees.effectiveFrom })
    .from(fees)
    .where(and(eq(fees.intermediaryOrganisationId, intermediaryOrganisationId), eq(fees.kind, kind), lte(fees.effectiveFrom, date)))
    .orderBy(desc(fees.effectiveFrom), desc(fees.createdAt))
    .limit(1)
  if (!fee || fee.amountCents === 0) return null
  return { ...fee, vatCents: vatCents(fee.amountCents, fee.vatBasisPoints) }
}

/** The intermediary's connected Stripe account, if it has connected one. */
export async function stripeAccountOf(db: Db, intermediaryOrganisationId: string): Promise<string | null> {
  const [row] = await db.select({ account: organisations.stripeAccountId }).from(organisations).where(eq(organisations.id, intermediaryOrganisationId))
  return row?.account ?? null
}

/**
 * The fee to charge now: the one in force, if the intermediary can be paid — i.e. has its own
 * Stripe account. Werkbrug never takes an intermediary's money on its own account.
 */
export async function chargeableFee(db: Db, intermediaryOrganisationId: string, kind: FeeKind, date = todayInAmsterdam()) {
  const stripeAccountId = await stripeAccountOf(db, intermediaryOrganisationId)
  if (!stripeAccountId) return null
  const fee = await feeInForce(db, intermediaryOrganisationId, kind, date)
  return fee && { ...fee, stripeAccountId }
}

/** Sets a fee from a date (never in the past: charges already made keep their amounts). */
export async function setFee(db: Db, actor: Actor, input: FeeInput, today = todayInAmsterdam()): Promise<void> {
  if (input.effectiveFrom < today) throw new FieldValidationError({ effectiveFrom: { key: 'errors.startDateInPast' } })
  await db.transaction(async (tx) => {
    const [fee] = await tx
      .insert(fees)
      .values({ intermediaryOrganisationId: actor.organisationId, kind: input.kind, amountCents: input.amount, vatBasisPoints: input.vatPercent, effectiveFrom: input.effectiveFrom, createdByUserId: actor.userId })
      .returning({ id: fees.id })
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: 'fee.set',
      subjectType: 'fee',
      subjectId: fee!.id,
      details: { kind: input.kind, amountCents: input.amount, vatBasisPoints: input.vatPercent, effectiveFrom: input.effectiveFrom },
    })
  })
}

export function feeHistory(db: Db, actor: Actor) {
  return db
    .select({ id: fees.id, kind: fees.kind, amountCents: fees.amountCents, vatBasisPoints: fees.vatBasisPoints, effectiveFrom: fees.effectiveFrom, createdAt: fees.createdAt, by: users.name })
    .from(fees)
    .leftJoin(users, eq(users.id, fees.createdByUserId))
    .where(eq(fees.intermediaryOrganisationId, actor.organisationId))
    .orderBy(desc(fees.effectiveFrom), desc(fees.createdAt))
    .limit(100)
}

/** Whether any intermediary's latest fee of a kind is above zero: then payments must be on. */
export async function anyFeeSet(db: Db): Promise<boolean> {
  const rows = await db
    .select({ organisationId: fees.intermediaryOrganisationId, kind: fees.kind, amountCents: fees.amountCents })
    .from(fees)
    .orderBy(desc(fees.effectiveFrom), desc(fees.createdAt))
  const latest = new Map<string, number>()
  for (const row of rows) if (!latest.has(`${row.organisationId}:${row.kind}`)) latest.set(`${row.organisationId}:${row.kind}`, row.amountCents)
  return [...latest.values()].some((amount) => amount > 0)
}

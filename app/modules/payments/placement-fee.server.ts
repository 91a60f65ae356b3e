import { eq } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { candidates, hires, payments, vacancies } from '#db/schema'
import { employerOwners } from '~/modules/accounts/index.server'
import { enqueueEmail } from '~/modules/email/index.server'
import { createCharge } from './charges.server'
import { chargeableFee, feeInForce } from './fees.server'

/**
 * The intermediary's placement fee falls due when the hire's first working day is recorded. Once
 * per hire: correcting the date later charges nothing again. Amounts are those of the fee in
 * force on the day it is recorded. Without Stripe nothing is charged (the page says so).
 */
export async function chargePlacementFee(tx: Db, hireId: string, options: { appUrl: string; today: string }): Promise<string | null> {
  const [hire] = await tx
    .select({ organisationId: hires.organisationId, intermediaryOrganisationId: candidates.intermediaryOrganisationId, reference: candidates.referenceCode, vacancyTitle: vacancies.title })
    .from(hires)
    .innerJoin(candidates, eq(candidates.id, hires.candidateId))
    .innerJoin(vacancies, eq(vacancies.id, hires.vacancyId))
    .where(eq(hires.id, hireId))
  if (!hire) return null
  const [existing] = await tx.select({ id: payments.id }).from(payments).where(eq(payments.hireId, hireId))
  if (existing) return null
  const fee = await chargeableFee(tx, hire.intermediaryOrganisationId, 'placement', options.today)
  if (!fee) return null
  const description = `Plaatsing / placement ${hire.reference} — ${hire.vacancyTitle}`
  const paymentId = await createCharge(tx, {
    kind: 'placement',
    payerOrganisationId: hire.organisationId,
    intermediaryOrganisationId: hire.intermediaryOrganisationId,
    hireId,
    description,
    fee,
  })
  const owners = await employerOwners(tx, hire.organisationId)
  for (const owner of owners) {
    await enqueueEmail(tx, {
      template: 'payment-due',
      to: owner.email,
      locale: owner.locale,
      props: {
        kind: 'placement',
        description,
        netCents: fee.amountCents,
        vatPercent: fee.vatBasisPoints / 100,
        vatCents: fee.vatCents,
        grossCents: fee.amountCents + fee.vatCents,
        url: new URL(`/payments/${paymentId}`, options.appUrl).toString(),
      },
    })
  }
  return paymentId
}

/** What the hire page says about the placement fee: the charge if made, else the fee that would apply. */
export async function placementFeeView(db: Db, hireId: string) {
  const [charge] = await db
    .select({ id: payments.id, status: payments.status, grossCents: payments.grossCents, vatCents: payments.vatCents })
    .from(payments)
    .where(eq(payments.hireId, hireId))
  if (charge) return { charge, fee: null }
  const [hire] = await db
    .select({ intermediaryOrganisationId: candidates.intermediaryOrganisationId })
    .from(hires)
    .innerJoin(candidates, eq(candidates.id, hires.candidateId))
    .where(eq(hires.id, hireId))
  const fee = hire ? await feeInForce(db, hire.intermediaryOrganisationId, 'placement') : null
  return { charge: null, fee: fee && { amountCents: fee.amountCents, vatCents: fee.vatCents, grossCents: fee.amountCents + fee.vatCents } }
}

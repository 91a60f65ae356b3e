import type { Db } from '#db/client.server'
import { cancellationPolicyInForce } from './cancellation-policy.server'
import { feeInForce, stripeAccountOf } from './fees.server'

type Fee = { amountCents: number; vatCents: number; grossCents: number }

/**
 * What an employer's list of slots says about money: each slot's booking fee (that of the
 * intermediary offering it) when it is charged online — payments on, and the intermediary has
 * its own Stripe account — the fee that would apply otherwise, and the cancellation terms.
 */
export async function bookingFeesForSlots(db: Db, slots: { id: string; intermediaryOrganisationId: string }[], paymentsEnabled: boolean) {
  const intermediaries = [...new Set(slots.map((s) => s.intermediaryOrganisationId))]
  const fees = new Map<string, Fee | null>()
  const charged = new Map<string, boolean>()
  for (const id of intermediaries) {
    const fee = await feeInForce(db, id, 'speeddate_booking')
    fees.set(id, fee && { amountCents: fee.amountCents, vatCents: fee.vatCents, grossCents: fee.amountCents + fee.vatCents })
    charged.set(id, paymentsEnabled && Boolean(await stripeAccountOf(db, id)))
  }
  const chargedFee = intermediaries.find((id) => charged.get(id) && fees.get(id))
  const unpaid = intermediaries.find((id) => !charged.get(id) && fees.get(id))
  const policy = chargedFee ? await cancellationPolicyInForce(db, chargedFee) : null
  return {
    unpaidFee: unpaid ? fees.get(unpaid)! : null,
    paidTerms: policy && { hours: policy.fullRefundHoursBefore, percent: policy.lateRefundPercent },
    slotFees: Object.fromEntries(slots.map((s) => [s.id, charged.get(s.intermediaryOrganisationId) ? (fees.get(s.intermediaryOrganisationId) ?? null) : null])),
  }
}

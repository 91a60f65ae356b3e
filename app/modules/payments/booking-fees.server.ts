import type { Db } from '#db/client.server'
import { cancellationPolicyInForce } from './cancellation-policy.server'
import { feeInForce } from './fees.server'

type Fee = { amountCents: number; vatCents: number; grossCents: number }

/**
 * What an employer's list of slots says about money: each slot's booking fee (that of the
 * intermediary offering it) when payments are on, the fee that would apply when they are off,
 * and the cancellation terms to show before booking.
 */
export async function bookingFeesForSlots(db: Db, slots: { id: string; intermediaryOrganisationId: string }[], paymentsEnabled: boolean) {
  const intermediaries = [...new Set(slots.map((s) => s.intermediaryOrganisationId))]
  const fees = new Map<string, Fee | null>()
  for (const id of intermediaries) {
    const fee = await feeInForce(db, id, 'speeddate_booking')
    fees.set(id, fee && { amountCents: fee.amountCents, vatCents: fee.vatCents, grossCents: fee.amountCents + fee.vatCents })
  }
  const anyFee = [...fees.values()].find((fee) => fee !== null) ?? null
  const policy = anyFee && paymentsEnabled ? await cancellationPolicyInForce(db, intermediaries[0]!) : null
  return {
    unpaidFee: anyFee && !paymentsEnabled ? anyFee : null,
    paidTerms: policy && { hours: policy.fullRefundHoursBefore, percent: policy.lateRefundPercent },
    slotFees: Object.fromEntries(slots.map((s) => [s.id, paymentsEnabled ? (fees.get(s.intermediaryOrganisationId) ?? null) : null])),
  }
}

// The payments module's public entry for server code: other modules import from here, never a file of this
// folder (eslint: import-x/no-restricted-paths). Parts that also run in the browser are in index.ts.
export { cancellationPolicyInForce } from './cancellation-policy.server'
export { BOOKING_PAYMENT_WINDOW_MS, cancelOpenCharge, createCharge, lockBookingPayment, noFollowUps, requestRefund } from './charges.server'
export type { StripeFollowUps } from './charges.server'
export { chargeableFee } from './fees.server'
export { chargePlacementFee } from './placement-fee.server'
export { settleFollowUps } from './settlement.server'

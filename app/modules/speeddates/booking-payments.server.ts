import { and, eq, inArray, ne } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { activeBookingStatuses, speeddateBookings } from '#db/schema'
import { provideBookingPaymentPort } from '~/modules/payments'
import { emitBookingEvent, notify } from './booking-notices.server'
import { lockSlot, recordEvent } from './bookings.server'

/**
 * Locks a booking's slot, then the booking: the order every booking change takes, so a payment
 * event and a cancellation at the same moment queue instead of deadlocking.
 */
export async function lockSlotAndBooking(tx: Db, bookingId: string): Promise<void> {
  const [ref] = await tx.select({ slotId: speeddateBookings.slotId }).from(speeddateBookings).where(eq(speeddateBookings.id, bookingId))
  if (!ref) return
  await lockSlot(tx, ref.slotId)
  await tx.select({ id: speeddateBookings.id }).from(speeddateBookings).where(eq(speeddateBookings.id, bookingId)).for('update')
}

/**
 * The employer's payment arrived. A booking waiting for it is confirmed (a paid booking needs
 * no separate approval: the intermediary approved the vacancy and set the price of the slot).
 * A booking whose payment window had lapsed gets its slot back if nobody else took it.
 */
export async function confirmPaidBooking(
  tx: Db,
  bookingId: string,
  options: { appUrl: string; now: Date },
): Promise<'confirmed' | 'already' | 'unavailable'> {
  const [ref] = await tx.select({ slotId: speeddateBookings.slotId }).from(speeddateBookings).where(eq(speeddateBookings.id, bookingId))
  if (!ref) return 'unavailable'
  const slot = await lockSlot(tx, ref.slotId)
  const [booking] = await tx.select().from(speeddateBookings).where(eq(speeddateBookings.id, bookingId)).for('update')
  if (!booking || !slot) return 'unavailable'
  if (booking.status === 'requested' || booking.status === 'approved') return 'already'
  if (booking.status === 'expired') {
    const [other] = await tx
      .select({ id: speeddateBookings.id })
      .from(speeddateBookings)
      .where(and(eq(speeddateBookings.slotId, slot.id), ne(speeddateBookings.id, bookingId), inArray(speeddateBookings.status, [...activeBookingStatuses])))
    if (other || slot.status !== 'open' || slot.startsAt <= options.now) return 'unavailable'
  } else if (booking.status !== 'awaiting_payment') {
    return 'unavailable'
  }
  await tx
    .update(speeddateBookings)
    .set({ status: 'approved', updatedAt: options.now, icsSequence: booking.icsSequence + 1 })
    .where(eq(speeddateBookings.id, bookingId))
  await recordEvent(tx, null, bookingId, 'paid', booking.status, 'approved', slot.id)
  await notify(tx, bookingId, { employer: 'confirmed', consultant: 'paid' }, options.appUrl)
  await emitBookingEvent(tx, bookingId, 'booking.approved')
  return 'confirmed'
}

/** The payment window closed without payment: the booking lets go of its slot. */
export async function expireUnpaidBooking(tx: Db, bookingId: string, now: Date): Promise<boolean> {
  const [ref] = await tx.select({ slotId: speeddateBookings.slotId }).from(speeddateBookings).where(eq(speeddateBookings.id, bookingId))
  if (!ref) return false
  await lockSlot(tx, ref.slotId)
  const [expired] = await tx
    .update(speeddateBookings)
    .set({ status: 'expired', updatedAt: now })
    .where(and(eq(speeddateBookings.id, bookingId), eq(speeddateBookings.status, 'awaiting_payment')))
    .returning({ id: speeddateBookings.id })
  if (!expired) return false
  await recordEvent(tx, null, bookingId, 'payment_expired', 'awaiting_payment', 'expired', ref.slotId)
  // The employer's system saw booking.requested (awaiting payment); without this it would wait forever.
  await emitBookingEvent(tx, bookingId, 'booking.expired')
  return true
}

provideBookingPaymentPort({ lockSlotAndBooking, confirmPaidBooking, expireUnpaidBooking })

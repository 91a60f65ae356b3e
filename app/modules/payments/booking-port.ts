import type { Db } from '#db/client.server'

/**
 * What payments needs from speeddates when money moves: lock a booking with its slot, confirm a
 * paid booking, let an unpaid one go. Speeddates provides it (booking-payments.server.ts); payments
 * does not import speeddates, so the two modules have no import cycle.
 */
export type BookingPaymentPort = {
  lockSlotAndBooking: (tx: Db, bookingId: string) => Promise<void>
  confirmPaidBooking: (tx: Db, bookingId: string, options: { appUrl: string; now: Date }) => Promise<'confirmed' | 'already' | 'unavailable'>
  expireUnpaidBooking: (tx: Db, bookingId: string, now: Date) => Promise<boolean>
}

// On globalThis: the server build and a start-up script may each load their own copy of the
// modules, and either copy's provider serves both (the code is the same).
const slot = Symbol.for('werkbrug.bookingPaymentPort')
const holder = globalThis as unknown as { [slot]?: BookingPaymentPort }

export function provideBookingPaymentPort(port: BookingPaymentPort): void {
  holder[slot] = port
}

export function bookingPaymentPort(): BookingPaymentPort {
  const port = holder[slot]
  if (!port) throw new Error('No booking payment port: import ~/modules/speeddates/booking-payments.server where the process starts')
  return port
}

import type { BookingRow } from './bookings.server'

export function slotJson(slot: {
  id: string
  startsAt: Date
  endsAt: Date
  placeKind: string
  receptionLocationId: string | null
  place: string
  seats: number
  note: string | null
}) {
  return {
    id: slot.id,
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
    placeKind: slot.placeKind,
    receptionLocationId: slot.receptionLocationId,
    place: slot.place,
    seats: slot.seats,
    note: slot.note,
  }
}

export function bookingJson(booking: BookingRow) {
  return {
    id: booking.id,
    slotId: booking.slotId,
    vacancyId: booking.vacancyId,
    status: booking.status,
    reason: booking.reason,
    startsAt: booking.startsAt.toISOString(),
    endsAt: booking.endsAt.toISOString(),
    place: booking.placeName ?? booking.placeAddress ?? '',
    createdAt: booking.createdAt.toISOString(),
    updatedAt: booking.updatedAt.toISOString(),
    // The fee, when the slot carries one: pay it in the portal (the page opens Stripe Checkout).
    payment: booking.paymentId
      ? {
          id: booking.paymentId,
          status: booking.paymentStatus!,
          amountCents: booking.paymentGrossCents!,
          vatCents: booking.paymentVatCents!,
          currency: 'eur' as const,
          payUrl: `/payments/${booking.paymentId}`,
          payBefore: booking.status === 'awaiting_payment' && booking.paymentDueBy ? booking.paymentDueBy.toISOString() : null,
        }
      : null,
  }
}

import { eq } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { organisations, payments, receptionLocations, speeddateBookings, speeddateSlots, vacancies } from '#db/schema'
import { placeLine } from '~/modules/places/index.server'

export const bookingColumns = {
  id: speeddateBookings.id,
  slotId: speeddateBookings.slotId,
  organisationId: speeddateBookings.organisationId,
  employerName: organisations.name,
  vacancyId: speeddateBookings.vacancyId,
  vacancyTitle: vacancies.title,
  status: speeddateBookings.status,
  reason: speeddateBookings.reason,
  requestedByUserId: speeddateBookings.requestedByUserId,
  icsUid: speeddateBookings.icsUid,
  icsSequence: speeddateBookings.icsSequence,
  createdAt: speeddateBookings.createdAt,
  updatedAt: speeddateBookings.updatedAt,
  startsAt: speeddateSlots.startsAt,
  endsAt: speeddateSlots.endsAt,
  intermediaryOrganisationId: speeddateSlots.intermediaryOrganisationId,
  consultantUserId: speeddateSlots.consultantUserId,
  placeName: receptionLocations.name,
  placeAddress: speeddateSlots.placeAddress,
  locationAddress: receptionLocations.address,
  locationPostcode: receptionLocations.postcode,
  locationMunicipality: receptionLocations.municipality,
  locationArrival: receptionLocations.arrival,
  locationContact: receptionLocations.contact,
  paymentId: payments.id,
  paymentStatus: payments.status,
  paymentGrossCents: payments.grossCents,
  paymentVatCents: payments.vatCents,
  paymentDueBy: payments.checkoutExpiresAt,
}

export function selectBookings(db: Db) {
  return db
    .select(bookingColumns)
    .from(speeddateBookings)
    .innerJoin(speeddateSlots, eq(speeddateSlots.id, speeddateBookings.slotId))
    .innerJoin(organisations, eq(organisations.id, speeddateBookings.organisationId))
    .innerJoin(vacancies, eq(vacancies.id, speeddateBookings.vacancyId))
    .leftJoin(receptionLocations, eq(receptionLocations.id, speeddateSlots.receptionLocationId))
    .leftJoin(payments, eq(payments.bookingId, speeddateBookings.id))
}

type PlaceColumns = { placeName: string | null; locationAddress: string | null; locationPostcode: string | null; locationMunicipality: string | null; placeAddress: string | null }

/** Where a session is, in one line: the reception location with its address, or the employer's site. Emails, calendar files and feeds say the same. */
export function sessionPlace(p: PlaceColumns): string {
  return p.placeName ? placeLine({ name: p.placeName, address: p.locationAddress, postcode: p.locationPostcode, municipality: p.locationMunicipality }) : (p.placeAddress ?? '')
}

import { asc, eq, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { receptionLocations } from '#db/schema'
import { FieldValidationError, isUniqueViolation } from '~/lib/errors.server'
import type { Actor } from '~/modules/authorisation'
import { assertCan } from '~/modules/authorisation'
import { recordAudit } from '~/modules/audit/index.server'
import type { PlaceInput } from './places.schema'

export const placeColumns = {
  id: receptionLocations.id,
  name: receptionLocations.name,
  municipality: receptionLocations.municipality,
  address: receptionLocations.address,
  postcode: receptionLocations.postcode,
  arrival: receptionLocations.arrival,
  contact: receptionLocations.contact,
  accessibility: receptionLocations.accessibility,
}

export function listPlaces(db: Db) {
  return db.select(placeColumns).from(receptionLocations).orderBy(asc(receptionLocations.name))
}

/** One line for a calendar's LOCATION and an email's "where": name, address, postcode and town. */
export function placeLine(place: { name: string; address: string | null; postcode: string | null; municipality: string | null }): string {
  if (!place.address) return place.name
  return [place.name, place.address, [place.postcode, place.municipality].filter(Boolean).join(' ')].filter(Boolean).join(', ')
}

const nameTaken = (error: unknown) => isUniqueViolation(error, 'reception_locations_name_unique')

/** The admin adds a location; names are unique (a list of places must tell them apart). */
export async function createPlace(db: Db, actor: Actor, input: PlaceInput): Promise<string> {
  assertCan(actor, 'places:manage')
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(receptionLocations).values(input).returning({ id: receptionLocations.id })
      await recordAudit(tx, { actorUserId: actor.userId, organisationId: actor.organisationId, action: 'place.created', subjectType: 'reception_location', subjectId: row!.id, details: input })
      return row!.id
    })
  } catch (error) {
    if (nameTaken(error)) throw new FieldValidationError({ name: { key: 'errors.placeNameTaken' } })
    throw error
  }
}

/** Saves what changed, field by field in the audit log; the same values sent again write nothing. */
export async function updatePlace(db: Db, actor: Actor, id: string, input: PlaceInput): Promise<boolean> {
  assertCan(actor, 'places:manage')
  try {
    return await db.transaction(async (tx) => {
      const [current] = await tx.select(placeColumns).from(receptionLocations).where(eq(receptionLocations.id, id)).for('update')
      if (!current) return false
      const changed = (Object.keys(input) as (keyof PlaceInput)[]).filter((key) => current[key] !== input[key])
      if (changed.length === 0) return true
      await tx.update(receptionLocations).set({ ...input, updatedAt: sql`now()` }).where(eq(receptionLocations.id, id))
      await recordAudit(tx, {
        actorUserId: actor.userId,
        organisationId: actor.organisationId,
        action: 'place.updated',
        subjectType: 'reception_location',
        subjectId: id,
        details: Object.fromEntries(changed.map((key) => [key, { from: current[key], to: input[key] }])),
      })
      return true
    })
  } catch (error) {
    if (nameTaken(error)) throw new FieldValidationError({ name: { key: 'errors.placeNameTaken' } })
    throw error
  }
}

import { eq, sql, type SQL } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import {
  arrangements,
  candidates,
  employerIntermediaries,
  hires,
  organisations,
  payments,
  speeddateBookings,
  speeddateProposals,
  speeddateSlots,
  vacancies,
} from '#db/schema'
import type { Actor } from './actor'
import { partyOf } from './roles'

const nothing = sql`false`

/**
 * The one place that turns an actor into the rows it may read, per kind of tenant record. Every
 * module query on tenant data puts one of these in its WHERE clause, so another tenant's row is
 * simply not found (404), never "forbidden".
 *
 * - An employer: its own organisation's records; slots of the intermediaries it works with.
 * - An intermediary: the vacancies assigned to it and what hangs off them (hires, arrangements,
 *   proposals), the bookings on its own slots, its own candidates and fees' payments, and the
 *   employers linked to it.
 * - The platform admin: no tenant record at all.
 */
export function scopeOf(actor: Actor) {
  const org = actor.organisationId
  const party = partyOf(actor.role)
  const assignedVacancies = sql`(select ${vacancies.id} from ${vacancies} where ${vacancies.intermediaryOrganisationId} = ${org})`
  const ownSlots = sql`(select ${speeddateSlots.id} from ${speeddateSlots} where ${speeddateSlots.intermediaryOrganisationId} = ${org})`
  const linkedIntermediaries = sql`(select ${employerIntermediaries.intermediaryOrganisationId} from ${employerIntermediaries} where ${employerIntermediaries.employerOrganisationId} = ${org})`
  const linkedEmployers = sql`(select ${employerIntermediaries.employerOrganisationId} from ${employerIntermediaries} where ${employerIntermediaries.intermediaryOrganisationId} = ${org})`
  const pick = (forEmployer: SQL, forIntermediary: SQL): SQL =>
    party === 'employer' ? forEmployer : party === 'intermediary' ? forIntermediary : nothing

  return {
    vacancies: () => pick(eq(vacancies.organisationId, org), eq(vacancies.intermediaryOrganisationId, org)),
    hires: () => pick(eq(hires.organisationId, org), sql`${hires.vacancyId} in ${assignedVacancies}`),
    arrangements: () => pick(eq(arrangements.organisationId, org), sql`${arrangements.vacancyId} in ${assignedVacancies}`),
    proposals: () => pick(eq(speeddateProposals.organisationId, org), sql`${speeddateProposals.vacancyId} in ${assignedVacancies}`),
    bookings: () => pick(eq(speeddateBookings.organisationId, org), sql`${speeddateBookings.slotId} in ${ownSlots}`),
    /** Slots as offered: an intermediary's own; for an employer, those of its intermediaries. */
    slots: () => pick(sql`${speeddateSlots.intermediaryOrganisationId} in ${linkedIntermediaries}`, eq(speeddateSlots.intermediaryOrganisationId, org)),
    candidates: () => pick(nothing, eq(candidates.intermediaryOrganisationId, org)),
    payments: () => pick(eq(payments.payerOrganisationId, org), eq(payments.intermediaryOrganisationId, org)),
    /** Employer organisations (over organisations.id): itself, or the ones linked to the intermediary. */
    employers: () => pick(eq(organisations.id, org), sql`${organisations.id} in ${linkedEmployers}`),
    /** Records of the actor's own organisation, whatever its kind: its team, invitations, API keys, fees. */
    ownOrganisation: (column: AnyPgColumn) => eq(column, org),
    /** The intermediaries an employer may assign a vacancy to (over organisations.id). */
    linkedIntermediaries: () => pick(sql`${organisations.id} in ${linkedIntermediaries}`, nothing),
    party,
  }
}

export type Scope = ReturnType<typeof scopeOf>

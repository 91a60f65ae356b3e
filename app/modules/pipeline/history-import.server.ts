import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { candidates, employerIntermediaries, hires, organisations, receptionLocations, vacancies } from '#db/schema'
import type { Actor } from '~/modules/authorisation'
import { assertCan } from '~/modules/authorisation'
import { recordAudit } from '~/modules/audit/index.server'
import { parseHistoryCsv, type HistoryError } from './history-csv'

export type HistoryImportResult =
  | { ok: true; candidates: number; matches: number; created: { candidates: number; matches: number; employers: number } }
  | { ok: false; errors: HistoryError[] }

/** The vacancy title for matches whose file gave none. */
export const IMPORTED_VACANCY_TITLE = 'Match (import)'

/**
 * Loads an intermediary's history: candidates with their intakes, matches and outcomes. Nothing
 * is written unless the whole file is valid; importing the same file again changes nothing (a
 * candidate is keyed by its reference code, a match by the candidate and its number). Employers
 * named in the file that Werkbrug does not know become employer organisations linked to the
 * intermediary, each with a filled vacancy per job title to hang the matches on.
 */
export async function importHistory(db: Db, actor: Actor, csv: string): Promise<HistoryImportResult> {
  assertCan(actor, 'pipeline:manage')
  const parsed = parseHistoryCsv(csv)
  if (!parsed.ok) return parsed

  const locations = await db.select({ id: receptionLocations.id, name: receptionLocations.name }).from(receptionLocations)
  const locationId = new Map(locations.map((l) => [l.name.trim().toLowerCase(), l.id]))
  const errors: HistoryError[] = []
  for (const candidate of parsed.candidates) {
    if (candidate.reception_location !== null && !locationId.has(candidate.reception_location.toLowerCase())) {
      errors.push({ line: candidate.line, column: 'reception_location', message: { key: 'errors.csvLocationUnknown', params: { name: candidate.reception_location } } })
    }
  }
  if (errors.length > 0) return { ok: false, errors }

  const organisationId = actor.organisationId
  return db.transaction(async (tx) => {
    const created = { candidates: 0, matches: 0, employers: 0 }
    const employerIds = new Map<string, string>()
    const vacancyIds = new Map<string, string>()

    const employerId = async (name: string) => {
      const key = name.trim().toLowerCase()
      const known = employerIds.get(key)
      if (known) return known
      const [found] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .innerJoin(employerIntermediaries, eq(employerIntermediaries.employerOrganisationId, organisations.id))
        .where(and(eq(employerIntermediaries.intermediaryOrganisationId, organisationId), eq(organisations.kind, 'employer'), sql`lower(trim(${organisations.name})) = ${key}`))
        .limit(1)
      let id = found?.id
      if (!id) {
        const [row] = await tx.insert(organisations).values({ kind: 'employer', name: name.trim() }).returning({ id: organisations.id })
        await tx.insert(employerIntermediaries).values({ employerOrganisationId: row!.id, intermediaryOrganisationId: organisationId })
        created.employers++
        id = row!.id
      }
      employerIds.set(key, id)
      return id
    }
    const vacancyId = async (employer: string, title: string) => {
      const key = `${employer}\u0000${title.toLowerCase()}`
      const known = vacancyIds.get(key)
      if (known) return known
      const [found] = await tx
        .select({ id: vacancies.id })
        .from(vacancies)
        .where(and(eq(vacancies.organisationId, employer), eq(vacancies.intermediaryOrganisationId, organisationId), sql`lower(${vacancies.title}) = ${title.toLowerCase()}`))
        .limit(1)
      const id =
        found?.id ??
        (await tx.insert(vacancies).values({ organisationId: employer, intermediaryOrganisationId: organisationId, title, status: 'filled' }).returning({ id: vacancies.id }))[0]!.id
      vacancyIds.set(key, id)
      return id
    }

    let matchCount = 0
    for (const candidate of parsed.candidates) {
      const attributes = {
        firstName: candidate.first_name,
        receptionLocationId: candidate.reception_location === null ? null : locationId.get(candidate.reception_location.toLowerCase())!,
        residenceStatus: candidate.residence_status,
        gender: candidate.gender,
        educationLevel: candidate.education_level,
        englishLevel: candidate.english_level,
        dutchLevel: candidate.dutch_level,
        municipalLinkage: candidate.municipal_linkage,
        linkedMunicipality: candidate.linked_municipality,
        intakeDate: candidate.intake_date,
        hoursWanted: candidate.hours_wanted,
        movedOutOn: candidate.moved_out_on,
      }
      const [row] = await tx
        .insert(candidates)
        .values({ intermediaryOrganisationId: organisationId, referenceCode: candidate.reference_code, ...attributes })
        .onConflictDoUpdate({ target: [candidates.intermediaryOrganisationId, candidates.referenceCode], set: attributes })
        .returning({ id: candidates.id, inserted: sql<boolean>`xmax = 0` })
      if (row!.inserted) created.candidates++
      for (const match of candidate.matches) {
        matchCount++
        const employer = await employerId(match.employer)
        const outcome = {
          matchedOn: match.matched_on,
          firstWorkingDay: match.first_working_day,
          endedOn: match.ended_on,
          stopReason: match.stop_reason,
          notStartedOn: match.not_started_on,
          notStartedReason: match.not_started_reason,
        }
        const [hire] = await tx
          .insert(hires)
          .values({
            organisationId: employer,
            vacancyId: await vacancyId(employer, match.job_title ?? IMPORTED_VACANCY_TITLE),
            candidateId: row!.id,
            residenceStatus: candidate.residence_status,
            createdByUserId: actor.userId,
            importKey: `match-${match.match_number}`,
            ...outcome,
          })
          .onConflictDoUpdate({ target: [hires.candidateId, hires.importKey], set: outcome })
          .returning({ inserted: sql<boolean>`xmax = 0` })
        if (hire!.inserted) created.matches++
      }
    }
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId,
      action: 'pipeline.history_imported',
      subjectType: 'organisation',
      subjectId: organisationId,
      details: { candidates: parsed.candidates.length, matches: matchCount, created },
    })
    return { ok: true as const, candidates: parsed.candidates.length, matches: matchCount, created }
  })
}

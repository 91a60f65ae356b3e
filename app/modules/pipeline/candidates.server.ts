import { and, asc, count, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { aftercareCheckIns, anonymousPipelineRecords, auditLog, candidates, hires, organisations, receptionLocations, vacancies, type AnonymousMatch } from '#db/schema'
import { FieldValidationError, isUniqueViolation } from '~/lib/errors.server'
import type { Actor } from '~/modules/authorisation'
import { assertCan } from '~/modules/authorisation'
import { scopeOf } from '~/modules/authorisation/index.server'
import { recordAudit } from '~/modules/audit/index.server'
import { policyRule } from '~/modules/policy/index.server'
import { matchOutcomeColumns } from '~/modules/twv/index.server'
import type { CandidateIntakeInput } from './pipeline.schema'

/** What the funnel counts of a person: the pilot's attributes and the intake's dates. */
export const funnelCandidateColumns = {
  residenceStatus: candidates.residenceStatus,
  gender: candidates.gender,
  educationLevel: candidates.educationLevel,
  englishLevel: candidates.englishLevel,
  dutchLevel: candidates.dutchLevel,
  municipalLinkage: candidates.municipalLinkage,
  linkedMunicipality: candidates.linkedMunicipality,
  intakeDate: candidates.intakeDate,
  movedOutOn: candidates.movedOutOn,
}

const intakeColumns = {
  referenceCode: candidates.referenceCode,
  firstName: candidates.firstName,
  receptionLocationId: candidates.receptionLocationId,
  ...funnelCandidateColumns,
  hoursWanted: candidates.hoursWanted,
  languages: candidates.languages,
  experience: candidates.experience,
  skills: candidates.skills,
  consentPurpose: candidates.consentPurpose,
  consentGivenOn: candidates.consentGivenOn,
  consentWithdrawnOn: candidates.consentWithdrawnOn,
}

function referenceTaken(error: unknown): never {
  if (isUniqueViolation(error, 'candidates_reference_key')) throw new FieldValidationError({ referenceCode: { key: 'errors.referenceCodeTaken' } })
  throw error
}

/** A new intake; the consent, when given, is recorded as given to the person recording it. */
export async function createIntake(db: Db, actor: Actor, input: CandidateIntakeInput): Promise<string> {
  assertCan(actor, 'pipeline:manage')
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(candidates)
        .values({ intermediaryOrganisationId: actor.organisationId, ...input, consentRecordedByUserId: input.consentGivenOn ? actor.userId : null })
        .returning({ id: candidates.id })
      await recordAudit(tx, { actorUserId: actor.userId, organisationId: actor.organisationId, action: 'candidate.created', subjectType: 'candidate', subjectId: row!.id })
      return row!.id
    })
  } catch (error) {
    referenceTaken(error)
  }
}

/** Saves the intake form; returns false when the candidate is not the actor's. Unchanged: no write, no audit line. */
export async function updateIntake(db: Db, actor: Actor, id: string, input: CandidateIntakeInput): Promise<boolean> {
  assertCan(actor, 'pipeline:manage')
  const [current] = await db.select(intakeColumns).from(candidates).where(and(eq(candidates.id, id), scopeOf(actor).candidates(), isNull(candidates.erasedAt)))
  if (!current) return false
  const changed = (Object.keys(input) as (keyof CandidateIntakeInput)[]).filter((k) => current[k] !== input[k])
  if (changed.length === 0) return true
  try {
    await db.transaction(async (tx) => {
      const consentChanged = changed.includes('consentGivenOn') || changed.includes('consentPurpose')
      await tx
        .update(candidates)
        .set({ ...input, lastActivityAt: sql`now()`, ...(consentChanged ? { consentRecordedByUserId: actor.userId } : {}) })
        .where(eq(candidates.id, id))
      await recordAudit(tx, { actorUserId: actor.userId, organisationId: actor.organisationId, action: 'candidate.updated', subjectType: 'candidate', subjectId: id, details: { changed } })
    })
  } catch (error) {
    referenceTaken(error)
  }
  return true
}

/** The intermediary's candidates, newest intake first, with how many matches each has. */
export function listPipelineCandidates(db: Db, actor: Actor) {
  assertCan(actor, 'pipeline:view')
  return db
    .select({
      id: candidates.id,
      referenceCode: candidates.referenceCode,
      firstName: candidates.firstName,
      location: receptionLocations.name,
      residenceStatus: candidates.residenceStatus,
      intakeDate: candidates.intakeDate,
      movedOutOn: candidates.movedOutOn,
      matches: sql<number>`(select count(*)::int from ${hires} where ${hires.candidateId} = ${candidates.id})`,
    })
    .from(candidates)
    .leftJoin(receptionLocations, eq(receptionLocations.id, candidates.receptionLocationId))
    .where(and(scopeOf(actor).candidates(), isNull(candidates.erasedAt)))
    .orderBy(sql`${candidates.intakeDate} desc nulls last`, asc(candidates.referenceCode))
    .limit(500)
}

/**
 * One candidate's record for its intermediary. Every view is audited: this is personal data of
 * a vulnerable group, and who looked at it must be answerable. The page shown again after a
 * refused form (`audit: false`) was audited when it was opened; a refused form changes nothing.
 */
export async function viewCandidate(db: Db, actor: Actor, id: string, options: { audit: boolean } = { audit: true }) {
  assertCan(actor, 'pipeline:view')
  const [candidate] = await db
    .select({ id: candidates.id, ...intakeColumns, consentRecordedByUserId: candidates.consentRecordedByUserId, lastActivityAt: candidates.lastActivityAt, createdAt: candidates.createdAt })
    .from(candidates)
    .where(and(eq(candidates.id, id), scopeOf(actor).candidates(), isNull(candidates.erasedAt)))
  if (!candidate) return null
  const [matches] = await Promise.all([
    db
      .select({
        id: hires.id,
        employer: organisations.name,
        vacancy: vacancies.title,
        ...matchOutcomeColumns,
      })
      .from(hires)
      .innerJoin(organisations, eq(organisations.id, hires.organisationId))
      .innerJoin(vacancies, eq(vacancies.id, hires.vacancyId))
      .where(eq(hires.candidateId, id))
      .orderBy(asc(hires.matchedOn)),
    options.audit ? recordAudit(db, { actorUserId: actor.userId, organisationId: actor.organisationId, action: 'candidate.viewed', subjectType: 'candidate', subjectId: id }) : null,
  ])
  return { candidate, matches }
}

/** Everything Werkbrug holds on one candidate, for a request to see it (AVG art. 15): audited. */
export async function exportCandidate(db: Db, actor: Actor, id: string) {
  assertCan(actor, 'pipeline:view')
  const [candidate] = await db.select().from(candidates).where(and(eq(candidates.id, id), scopeOf(actor).candidates(), isNull(candidates.erasedAt)))
  if (!candidate) return null
  const matchRows = await db
    .select({ hire: hires, employer: organisations.name, vacancy: vacancies.title })
    .from(hires)
    .innerJoin(organisations, eq(organisations.id, hires.organisationId))
    .innerJoin(vacancies, eq(vacancies.id, hires.vacancyId))
    .where(eq(hires.candidateId, id))
  const checkIns = matchRows.length
    ? await db.select().from(aftercareCheckIns).where(inArray(aftercareCheckIns.hireId, matchRows.map((m) => m.hire.id)))
    : []
  const views = await db
    .select({ action: auditLog.action, at: auditLog.createdAt })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, 'candidate'), eq(auditLog.subjectId, id)))
    .orderBy(desc(auditLog.createdAt))
  await recordAudit(db, { actorUserId: actor.userId, organisationId: actor.organisationId, action: 'candidate.exported', subjectType: 'candidate', subjectId: id })
  return {
    exportedAt: new Date().toISOString(),
    candidate,
    matches: matchRows.map((m) => ({ ...m.hire, employer: m.employer, vacancy: m.vacancy, checkIns: checkIns.filter((c) => c.hireId === m.hire.id) })),
    history: views,
  }
}

const month = (date: string | null) => (date === null ? null : `${date.slice(0, 7)}-01`)

/**
 * Erases a candidate (AVG art. 17, or the retention period): what the funnel counts moves to an
 * anonymous record (attributes and months, no code, no name, no link), the candidate row keeps
 * nothing but an erased mark — it stays only because employers' hires point at it — and the
 * check-in notes go. The report's counts stay as they were, to the month.
 */
async function erase(tx: Db, candidateId: string, reason: 'request' | 'retention') {
  const [c] = await tx.select().from(candidates).where(and(eq(candidates.id, candidateId), isNull(candidates.erasedAt))).for('update')
  if (!c) return false
  const matchRows = await tx.select().from(hires).where(eq(hires.candidateId, candidateId))
  const matches: AnonymousMatch[] = matchRows.map((h) => ({
    employerOrganisationId: h.organisationId,
    matchedMonth: month(h.matchedOn)!,
    firstWorkingMonth: month(h.firstWorkingDay),
    endedMonth: month(h.endedOn),
    stopReason: h.stopReason,
    notStartedMonth: month(h.notStartedOn),
    notStartedReason: h.notStartedReason,
  }))
  await tx.insert(anonymousPipelineRecords).values({
    intermediaryOrganisationId: c.intermediaryOrganisationId,
    receptionLocationId: c.receptionLocationId,
    residenceStatus: c.residenceStatus,
    gender: c.gender,
    educationLevel: c.educationLevel,
    englishLevel: c.englishLevel,
    dutchLevel: c.dutchLevel,
    municipalLinkage: c.municipalLinkage,
    linkedMunicipality: c.linkedMunicipality,
    intakeMonth: month(c.intakeDate),
    movedOutMonth: month(c.movedOutOn),
    matches,
    reason,
  })
  await tx
    .update(candidates)
    .set({
      referenceCode: `GEWIST-${candidateId.slice(0, 8)}`,
      firstName: null,
      languages: null,
      experience: null,
      skills: null,
      receptionLocationId: null,
      residenceStatus: 'unknown',
      gender: 'unknown',
      educationLevel: 'unknown',
      englishLevel: null,
      dutchLevel: null,
      municipalLinkage: 'unknown',
      linkedMunicipality: null,
      intakeDate: null,
      hoursWanted: null,
      movedOutOn: null,
      consentPurpose: null,
      consentGivenOn: null,
      consentRecordedByUserId: null,
      consentWithdrawnOn: null,
      erasedAt: sql`now()`,
    })
    .where(eq(candidates.id, candidateId))
  if (matchRows.length > 0) {
    await tx.update(hires).set({ outcomeNote: null }).where(eq(hires.candidateId, candidateId))
    await tx
      .update(aftercareCheckIns)
      .set({ howItGoes: null, agreed: null, dropoutRisk: null })
      .where(inArray(aftercareCheckIns.hireId, matchRows.map((h) => h.id)))
  }
  return true
}

export async function eraseCandidate(db: Db, actor: Actor, id: string): Promise<boolean> {
  assertCan(actor, 'pipeline:manage')
  const [own] = await db.select({ id: candidates.id }).from(candidates).where(and(eq(candidates.id, id), scopeOf(actor).candidates(), isNull(candidates.erasedAt)))
  if (!own) return false
  return db.transaction(async (tx) => {
    const done = await erase(tx, id, 'request')
    // The audit line says that, not whom: the subject id points at a row that holds nothing.
    if (done) await recordAudit(tx, { actorUserId: actor.userId, organisationId: actor.organisationId, action: 'candidate.erased', subjectType: 'candidate', subjectId: id })
    return done
  })
}

/**
 * The retention job: candidates without any activity for the rule's period (`retention.candidates`)
 * are erased. Without a valid rule nothing is erased — a missing number must not delete data.
 */
export async function anonymiseInactiveCandidates(db: Db, now = new Date()): Promise<number> {
  const rule = await policyRule(db, 'retention.candidates', 'retention')
  if (!rule) return 0
  const cutoff = new Date(now)
  cutoff.setUTCMonth(cutoff.getUTCMonth() - rule.data.inactiveMonths)
  const stale = await db
    .select({ id: candidates.id })
    .from(candidates)
    .where(and(isNull(candidates.erasedAt), lt(candidates.lastActivityAt, cutoff)))
    .limit(500)
  let erased = 0
  for (const { id } of stale) {
    if (await db.transaction((tx) => erase(tx, id, 'retention'))) erased++
  }
  return erased
}

/** How many of the intermediary's candidates are erased: shown beside the report. */
export async function anonymousRecordCount(db: Db, actor: Actor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(anonymousPipelineRecords).where(eq(anonymousPipelineRecords.intermediaryOrganisationId, actor.organisationId))
  return row?.n ?? 0
}

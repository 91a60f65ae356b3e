import { and, desc, eq, isNull, lte, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { anonymousPipelineRecords, candidates, employerApproaches, hires, targetGroupCounts } from '#db/schema'
import type { Actor } from '~/modules/authorisation'
import { assertCan } from '~/modules/authorisation'
import { scopeOf } from '~/modules/authorisation/index.server'
import { recordAudit } from '~/modules/audit/index.server'
import { matchOutcomeColumns } from '~/modules/twv/index.server'
import { funnelCandidateColumns } from './candidates.server'
import { computeFunnel, type Funnel, type FunnelCandidate, type FunnelMatch } from './funnel'

export type FunnelQuery = { from: string; to: string; receptionLocationId: string | null }

/**
 * The intermediary's funnel over its own candidates and their matches (whichever employer), its
 * recorded approaches and COA's numbers for its locations. Four reads, whatever the period.
 */
export async function loadFunnel(db: Db, actor: Actor, query: FunnelQuery): Promise<Funnel> {
  assertCan(actor, 'pipeline:view')
  const location = query.receptionLocationId ? eq(candidates.receptionLocationId, query.receptionLocationId) : undefined
  const [candidateRows, matchRows, approachRows, targetRows, anonymous] = await Promise.all([
    db
      .select({ id: candidates.id, ...funnelCandidateColumns })
      .from(candidates)
      .where(and(scopeOf(actor).candidates(), isNull(candidates.erasedAt), location)),
    db
      .select({
        candidateId: hires.candidateId,
        employerOrganisationId: hires.organisationId,
        ...matchOutcomeColumns,
      })
      .from(hires)
      .innerJoin(candidates, eq(candidates.id, hires.candidateId))
      .where(and(scopeOf(actor).candidates(), isNull(candidates.erasedAt), location)),
    // Approaches belong to the intermediary, not to a location.
    db
      .select({ organisationName: employerApproaches.organisationName, approachedOn: employerApproaches.approachedOn })
      .from(employerApproaches)
      .where(eq(employerApproaches.intermediaryOrganisationId, actor.organisationId)),
    // COA's latest numbers per location on or before the reference date.
    db
      .selectDistinctOn([targetGroupCounts.receptionLocationId], {
        statusHolders: targetGroupCounts.statusHolders,
        asylumSeekers: targetGroupCounts.asylumSeekers,
        residents: targetGroupCounts.residents,
      })
      .from(targetGroupCounts)
      .where(
        and(
          eq(targetGroupCounts.intermediaryOrganisationId, actor.organisationId),
          lte(targetGroupCounts.referenceDate, query.to),
          query.receptionLocationId ? eq(targetGroupCounts.receptionLocationId, query.receptionLocationId) : undefined,
        ),
      )
      .orderBy(targetGroupCounts.receptionLocationId, desc(targetGroupCounts.referenceDate)),
    // Erased people, still counted (to the month): decision 016.
    db
      .select()
      .from(anonymousPipelineRecords)
      .where(
        and(
          eq(anonymousPipelineRecords.intermediaryOrganisationId, actor.organisationId),
          query.receptionLocationId ? eq(anonymousPipelineRecords.receptionLocationId, query.receptionLocationId) : undefined,
        ),
      ),
  ])
  const fromAnonymous = anonymousToFunnel(anonymous)
  return computeFunnel({
    from: query.from,
    to: query.to,
    candidates: [...candidateRows, ...fromAnonymous.candidates],
    matches: [...matchRows, ...fromAnonymous.matches],
    approaches: approachRows,
    targetGroup: targetRows,
  })
}

/** Anonymous records as the funnel's people and matches; their dates are the first of the month. */
function anonymousToFunnel(rows: (typeof anonymousPipelineRecords.$inferSelect)[]): { candidates: FunnelCandidate[]; matches: FunnelMatch[] } {
  const people: FunnelCandidate[] = []
  const matches: FunnelMatch[] = []
  for (const r of rows) {
    const id = `anonymous:${r.id}`
    people.push({
      id,
      intakeDate: r.intakeMonth,
      movedOutOn: r.movedOutMonth,
      residenceStatus: r.residenceStatus as FunnelCandidate['residenceStatus'],
      gender: r.gender as FunnelCandidate['gender'],
      educationLevel: r.educationLevel as FunnelCandidate['educationLevel'],
      englishLevel: r.englishLevel as FunnelCandidate['englishLevel'],
      dutchLevel: r.dutchLevel as FunnelCandidate['dutchLevel'],
      municipalLinkage: r.municipalLinkage as FunnelCandidate['municipalLinkage'],
      linkedMunicipality: r.linkedMunicipality,
    })
    for (const m of r.matches) {
      matches.push({
        candidateId: id,
        employerOrganisationId: m.employerOrganisationId ?? `anonymous-employer:${r.id}`,
        matchedOn: m.matchedMonth,
        firstWorkingDay: m.firstWorkingMonth,
        endedOn: m.endedMonth,
        stopReason: m.stopReason as FunnelMatch['stopReason'],
        notStartedOn: m.notStartedMonth,
        notStartedReason: m.notStartedReason as FunnelMatch['notStartedReason'],
      })
    }
  }
  return { candidates: people, matches }
}

export type TargetGroupInput = { receptionLocationId: string; referenceDate: string; residents: number | null; statusHolders: number; asylumSeekers: number }

/** COA's numbers for a location on a date; entering the same date again corrects them. */
export async function recordTargetGroup(db: Db, actor: Actor, input: TargetGroupInput): Promise<void> {
  assertCan(actor, 'pipeline:manage')
  const values = { residents: input.residents, statusHolders: input.statusHolders, asylumSeekers: input.asylumSeekers, recordedByUserId: actor.userId }
  await db.transaction(async (tx) => {
    await tx
      .insert(targetGroupCounts)
      .values({ intermediaryOrganisationId: actor.organisationId, receptionLocationId: input.receptionLocationId, referenceDate: input.referenceDate, ...values })
      .onConflictDoUpdate({ target: [targetGroupCounts.intermediaryOrganisationId, targetGroupCounts.receptionLocationId, targetGroupCounts.referenceDate], set: values })
    await recordAudit(tx, { actorUserId: actor.userId, organisationId: actor.organisationId, action: 'pipeline.target_group_recorded', subjectType: 'organisation', subjectId: actor.organisationId, details: { ...input } })
  })
}

export type ApproachInput = { organisationName: string; approachedOn: string; outcome: 'no_answer' | 'not_interested' | 'interested' | 'registered' | 'placed'; note: string | null }

export async function recordApproach(db: Db, actor: Actor, input: ApproachInput): Promise<string> {
  assertCan(actor, 'pipeline:manage')
  const [row] = await db
    .insert(employerApproaches)
    .values({ intermediaryOrganisationId: actor.organisationId, ...input })
    .returning({ id: employerApproaches.id })
  return row!.id
}

export function listApproaches(db: Db, actor: Actor) {
  assertCan(actor, 'pipeline:view')
  return db
    .select({ id: employerApproaches.id, organisationName: employerApproaches.organisationName, approachedOn: employerApproaches.approachedOn, outcome: employerApproaches.outcome })
    .from(employerApproaches)
    .where(eq(employerApproaches.intermediaryOrganisationId, actor.organisationId))
    .orderBy(desc(employerApproaches.approachedOn), sql`${employerApproaches.organisationName}`)
    .limit(200)
}

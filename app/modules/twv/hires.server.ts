import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { candidates, hires, hireSteps, organisations, vacancies } from '#db/schema'
import { todayInAmsterdam, utcToAmsterdamLocal } from '~/lib/dates'
import { FieldValidationError } from '~/lib/errors.server'
import type { Locale } from '~/lib/i18n'
import type { Actor } from '~/modules/authorisation'
import { scopeOf } from '~/modules/authorisation/index.server'
import { can } from '~/modules/authorisation'
import { recordAudit } from '~/modules/audit/index.server'
import { chargePlacementFee } from '~/modules/payments/index.server'
import { buildGuidance, type OwnDurations, type ResidenceStatus } from './guidance'
import type { HireFactsInput } from './hires.schema'
import { listPolicyRules, policyRule } from '~/modules/policy/index.server'
import type { AnyPolicyRule } from '~/modules/policy'
import { emitWebhookEvent } from '~/modules/webhooks/index.server'

/** Where a match stands: its dates and reasons (app/modules/pipeline/funnel.ts reads them). */
export const matchOutcomeColumns = {
  matchedOn: hires.matchedOn,
  firstWorkingDay: hires.firstWorkingDay,
  endedOn: hires.endedOn,
  stopReason: hires.stopReason,
  notStartedOn: hires.notStartedOn,
  notStartedReason: hires.notStartedReason,
}

const hireColumns = {
  id: hires.id,
  organisationId: hires.organisationId,
  organisationName: organisations.name,
  vacancyId: hires.vacancyId,
  vacancyTitle: vacancies.title,
  reference: candidates.referenceCode,
  firstName: candidates.firstName,
  residenceStatus: hires.residenceStatus,
  isAdult: hires.isAdult,
  asylumApplicationDate: hires.asylumApplicationDate,
  wDocumentValidUntil: hires.wDocumentValidUntil,
  dublinClaimant: hires.dublinClaimant,
  medicalResidenceGround: hires.medicalResidenceGround,
  hasBsn: hires.hasBsn,
  permitChance: hires.permitChance,
  ...matchOutcomeColumns,
  outcomeNote: hires.outcomeNote,
  createdAt: hires.createdAt,
}

function selectHires(db: Db) {
  return db
    .select(hireColumns)
    .from(hires)
    .innerJoin(organisations, eq(organisations.id, hires.organisationId))
    .innerJoin(vacancies, eq(vacancies.id, hires.vacancyId))
    .innerJoin(candidates, eq(candidates.id, hires.candidateId))
}

export async function getHire(db: Db, actor: Actor, id: string) {
  const [hire] = await selectHires(db).where(and(eq(hires.id, id), scopeOf(actor).hires()))
  return hire
}
export type HireRow = NonNullable<Awaited<ReturnType<typeof getHire>>>

export function listHires(db: Db, actor: Actor, options: { limit: number; before?: { createdAt: Date; id: string }; activeOnly?: boolean }) {
  return selectHires(db)
    .where(
      and(
        scopeOf(actor).hires(),
        // Active: not ended, not recorded as never started, not an earlier programme's history.
        options.activeOnly ? and(isNull(hires.endedOn), isNull(hires.notStartedOn), isNull(hires.importKey)) : undefined,
        options.before ? sql`(${hires.createdAt}, ${hires.id}) < (${options.before.createdAt.toISOString()}::timestamptz, ${options.before.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(hires.createdAt), desc(hires.id))
    .limit(options.limit)
}

/**
 * A match becomes a hire: from a speeddate outcome or a direct match the intermediary records.
 * The vacancy must be published; the candidate must be the intermediary's.
 */
export async function createHire(
  db: Db,
  actor: Actor,
  input: { vacancyId: string; candidateId: string; residenceStatus: ResidenceStatus; seatId?: string | null },
): Promise<string> {
  const [vacancy] = await db
    .select({ organisationId: vacancies.organisationId })
    .from(vacancies)
    .where(and(eq(vacancies.id, input.vacancyId), eq(vacancies.status, 'published'), scopeOf(actor).vacancies()))
  if (!vacancy) throw new FieldValidationError({ vacancyId: { key: 'errors.vacancyNotBookable' } })
  const [candidate] = await db
    .select({ id: candidates.id, residenceStatus: candidates.residenceStatus })
    .from(candidates)
    .where(and(eq(candidates.id, input.candidateId), scopeOf(actor).candidates(), isNull(candidates.erasedAt)))
  if (!candidate) throw new FieldValidationError({ candidateId: { key: 'errors.invalid' } })
  return db.transaction(async (tx) => {
    const [hire] = await tx
      .insert(hires)
      .values({
        organisationId: vacancy.organisationId,
        vacancyId: input.vacancyId,
        candidateId: input.candidateId,
        seatId: input.seatId ?? null,
        // What the intake recorded carries over unless the match says otherwise.
        residenceStatus: input.residenceStatus === 'unknown' ? candidate.residenceStatus : input.residenceStatus,
        createdByUserId: actor.userId,
      })
      .returning({ id: hires.id })
    await recordAudit(tx, { actorUserId: actor.userId, organisationId: vacancy.organisationId, action: 'hire.created', subjectType: 'hire', subjectId: hire!.id })
    return hire!.id
  })
}

/** The intermediary records what COA and the candidate told it. */
export async function updateHireFacts(db: Db, actor: Actor, id: string, facts: HireFactsInput): Promise<boolean> {
  if (!can(actor.role, 'hires:manage')) return false
  const current = await getHire(db, actor, id)
  if (!current) return false
  // Saved unchanged: nothing to write, nothing to audit.
  if ((Object.keys(facts) as (keyof HireFactsInput)[]).every((key) => current[key] === facts[key])) return true
  const [updated] = await db
    .update(hires)
    .set(facts)
    .where(and(eq(hires.id, id), scopeOf(actor).hires()))
    .returning({ id: hires.id, organisationId: hires.organisationId })
  if (!updated) return false
  await recordAudit(db, { actorUserId: actor.userId, organisationId: updated.organisationId, action: 'hire.facts_updated', subjectType: 'hire', subjectId: id })
  return true
}

/**
 * Ticks a step off with the day it happened; ticking again corrects the date. Recording the first
 * working day charges the intermediary's placement fee, in the same transaction, when payments are on.
 */
export async function tickStep(
  db: Db,
  actor: Actor,
  hireId: string,
  stepKey: string,
  doneOn: string,
  options: { today?: string; placementFee?: { appUrl: string } | null } = {},
): Promise<boolean> {
  const today = options.today ?? todayInAmsterdam()
  const hire = await getHire(db, actor, hireId)
  if (!hire) return false
  if (doneOn > today) throw new FieldValidationError({ doneOn: { key: 'errors.dateInFuture' } })
  const step = await policyRule(db, stepKey, 'step')
  if (!step) throw new FieldValidationError({ doneOn: { key: 'errors.unknownStep' } })
  // A step is recorded by whoever takes it; the intermediary may record any step on someone's
  // behalf (UWV's decision, COA's registration), the employer only its own.
  if (!mayTick(actor, step.data.owner)) throw new FieldValidationError({ doneOn: { key: 'errors.notYourStep' } })
  if (stepKey === 'step.first_day') {
    // A match recorded as never started, or a placement that ended before this day, cannot
    // have started on it: the outcome is corrected first.
    if (hire.notStartedOn !== null) throw new FieldValidationError({ doneOn: { key: 'errors.notStartedButWorked' } })
    if (hire.endedOn !== null && doneOn > hire.endedOn) throw new FieldValidationError({ doneOn: { key: 'errors.startAfterEnd' } })
  }
  await db.transaction(async (tx) => {
    await tx
      .insert(hireSteps)
      .values({ hireId, stepKey, doneOn, recordedByUserId: actor.userId })
      .onConflictDoUpdate({ target: [hireSteps.hireId, hireSteps.stepKey], set: { doneOn, recordedByUserId: actor.userId } })
    if (stepKey === 'step.first_day') {
      await tx.update(hires).set({ firstWorkingDay: doneOn }).where(eq(hires.id, hireId))
      if (options.placementFee) await chargePlacementFee(tx, hireId, { appUrl: options.placementFee.appUrl, today })
    }
    // The employer's own systems hear of it (webhooks), whoever recorded it.
    const subject = { hireId, vacancyId: hire.vacancyId, reference: hire.reference }
    await emitWebhookEvent(tx, hire.organisationId, 'hire.step_completed', { ...subject, step: stepKey, doneOn })
    if (stepKey === 'step.first_day') await emitWebhookEvent(tx, hire.organisationId, 'hire.first_working_day_recorded', { ...subject, firstWorkingDay: doneOn })
  })
  return true
}

/** Whether the actor may tick a step whose owner is `owner`: its own, or any when it manages hires. */
export function mayTick(actor: Pick<Actor, 'role'>, owner: string): boolean {
  return can(actor.role, 'hires:manage') || (owner === 'employer' && can(actor.role, 'hires:view'))
}

/**
 * Ticks a document of the checklist as in hand (or unticks it). Kept in hire_steps beside the
 * steps — a document key (doc.*) never collides with a step key (step.*) — so the hire page reads
 * both in one statement. Either side may tick: HR gathers most of them.
 */
export async function tickDocument(db: Db, actor: Actor, hireId: string, documentKey: string, inHand: boolean, today = todayInAmsterdam()): Promise<boolean> {
  const hire = await getHire(db, actor, hireId)
  if (!hire) return false
  if (!(await policyRule(db, documentKey, 'document'))) throw new FieldValidationError({ documentKey: { key: 'errors.invalidChoice' } })
  if (inHand) {
    await db.insert(hireSteps).values({ hireId, stepKey: documentKey, doneOn: today, recordedByUserId: actor.userId }).onConflictDoNothing()
  } else {
    await db.delete(hireSteps).where(and(eq(hireSteps.hireId, hireId), eq(hireSteps.stepKey, documentKey)))
  }
  return true
}

export async function doneSteps(db: Db, hireId: string): Promise<Record<string, string>> {
  const rows = await db.select({ stepKey: hireSteps.stepKey, doneOn: hireSteps.doneOn }).from(hireSteps).where(eq(hireSteps.hireId, hireId))
  return Object.fromEntries(rows.map((r) => [r.stepKey, r.doneOn]))
}

/** TWV and BSN durations recorded across the portal (all organisations; only numbers leave). One statement for both. */
export async function ownDurations(db: Db): Promise<OwnDurations> {
  const pairs = [
    ['lead.twv', 'step.twv_application', 'step.twv_decision'],
    ['lead.bsn', 'step.twv_decision', 'step.bsn_registration'],
  ] as const
  const rows = await db
    .select({ from: sql<string>`a.step_key`, days: sql<number>`(b.done_on - a.done_on)::int` })
    .from(sql`${hireSteps} a join ${hireSteps} b on b.hire_id = a.hire_id`)
    .where(sql`(${sql.join(pairs.map(([, from, to]) => sql`(a.step_key = ${from} and b.step_key = ${to})`), sql` or `)}) and b.done_on >= a.done_on`)
  return Object.fromEntries(pairs.map(([lead, from]) => [lead, rows.filter((r) => r.from === from).map((r) => Number(r.days))]))
}

/** Everything a hire's guidance page, PDF or API answer needs, in the reader's language. */
export async function hireGuidance(db: Db, actor: Actor, id: string, locale: Locale, today = todayInAmsterdam()) {
  const hire = await getHire(db, actor, id)
  if (!hire) return null
  const [rules, done, own] = await Promise.all([listPolicyRules(db), doneSteps(db, id), ownDurations(db)])
  const guidance = buildGuidance({
    hire: { ...hire, createdOn: utcToAmsterdamLocal(hire.createdAt).slice(0, 10) },
    rules,
    done,
    today,
    own,
    locale,
  })
  return { hire, guidance, rules }
}

/** A blank checklist for a vacancy: the paths its candidates may take, nothing filled in. */
export async function blankGuidance(db: Db, actor: Actor, vacancyId: string, locale: Locale, today = todayInAmsterdam()) {
  const [vacancy] = await db
    .select({ id: vacancies.id, title: vacancies.title, candidateStatus: vacancies.candidateStatus, organisationName: organisations.name })
    .from(vacancies)
    .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
    .where(and(eq(vacancies.id, vacancyId), scopeOf(actor).vacancies()))
  if (!vacancy) return null
  const rules = await listPolicyRules(db)
  const paths: ResidenceStatus[] = vacancy.candidateStatus === 'status_holders_only' ? ['status_holder'] : ['asylum_seeker', 'status_holder']
  const blank = { isAdult: null, asylumApplicationDate: null, wDocumentValidUntil: null, dublinClaimant: null, medicalResidenceGround: null, hasBsn: null, permitChance: null, createdOn: today }
  return {
    vacancy,
    guidances: paths.map((path) => buildGuidance({ hire: { ...blank, residenceStatus: path }, rules, done: {}, today, own: {}, locale })),
  }
}

/**
 * Progress across hires for the overview: steps done of the path, the current step and whose turn
 * it is. Two queries for the whole page (hires, their ticks); the rest is the pure guidance.
 */
export async function hireProgress(
  db: Db,
  actor: Actor,
  locale: Locale,
  today = todayInAmsterdam(),
  options: { activeOnly?: boolean; rules?: readonly AnyPolicyRule[]; limit?: number; before?: { createdAt: Date; id: string } } = {},
) {
  const rows = await listHires(db, actor, { limit: options.limit ?? 200, activeOnly: options.activeOnly, before: options.before })
  if (rows.length === 0) return []
  const [rules, ticks] = await Promise.all([
    options.rules ?? listPolicyRules(db),
    db
      .select({ hireId: hireSteps.hireId, stepKey: hireSteps.stepKey, doneOn: hireSteps.doneOn })
      .from(hireSteps)
      .where(inArray(hireSteps.hireId, rows.map((r) => r.id))),
  ])
  return rows.map((hire) => {
    const done = Object.fromEntries(ticks.filter((t) => t.hireId === hire.id).map((t) => [t.stepKey, t.doneOn]))
    const guidance = buildGuidance({ hire: { ...hire, createdOn: today }, rules, done, today, own: {}, locale })
    const current = guidance.steps.find((s) => s.state === 'current')
    return {
      ...hire,
      stepsDone: guidance.steps.filter((s) => s.doneOn).length,
      stepsTotal: guidance.steps.length,
      currentStep: current?.title ?? null,
      waitingOn: current?.owner ?? null,
    }
  })
}

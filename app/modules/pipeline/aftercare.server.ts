import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { aftercareCheckIns, candidates, hires, organisations, users, vacancies } from '#db/schema'
import { todayInAmsterdam } from '~/lib/dates'
import { FieldValidationError } from '~/lib/errors.server'
import type { Locale } from '~/lib/i18n'
import type { Actor } from '~/modules/authorisation'
import { assertCan } from '~/modules/authorisation'
import { scopeOf } from '~/modules/authorisation/index.server'
import { recordAudit } from '~/modules/audit/index.server'
import { enqueueEmail } from '~/modules/email/index.server'
import { policyRule } from '~/modules/policy/index.server'
import { ruleOf, type AnyPolicyRule } from '~/modules/policy'
import { getHire } from '~/modules/twv/index.server'
import { checkInsOf, type CheckIn, type CheckInRecord } from './aftercare'
import type { CheckInInput } from './pipeline.schema'

/** The weeks of the rule `aftercare.check_ins`; none when the rule is missing or invalid (the admin's review list shows why). */
export async function checkInWeeks(db: Db): Promise<number[]> {
  return (await policyRule(db, 'aftercare.check_ins', 'aftercare'))?.data.checkInWeeks ?? []
}

const recordColumns = {
  hireId: aftercareCheckIns.hireId,
  week: aftercareCheckIns.week,
  doneOn: aftercareCheckIns.doneOn,
  howItGoes: aftercareCheckIns.howItGoes,
  dropoutRisk: aftercareCheckIns.dropoutRisk,
  agreed: aftercareCheckIns.agreed,
}

/**
 * The check-ins of a hire the caller has already loaded for the actor (the hire page), with the
 * rules it read: one more statement, for the records.
 */
export async function aftercareOfHire(
  db: Db,
  hire: { id: string; firstWorkingDay: string | null; endedOn: string | null },
  rules: readonly AnyPolicyRule[],
  today = todayInAmsterdam(),
): Promise<CheckIn[]> {
  const weeks = ruleOf(rules, 'aftercare.check_ins', 'aftercare')?.data.checkInWeeks ?? []
  if (hire.firstWorkingDay === null || weeks.length === 0) return []
  const records = await db.select(recordColumns).from(aftercareCheckIns).where(eq(aftercareCheckIns.hireId, hire.id))
  return checkInsOf(hire, weeks, records, today)
}

/** The intermediary writes down how it goes; recording the same again changes nothing. */
export async function recordCheckIn(db: Db, actor: Actor, hireId: string, input: CheckInInput, today = todayInAmsterdam()): Promise<boolean> {
  assertCan(actor, 'hires:manage')
  const hire = await getHire(db, actor, hireId)
  if (!hire) return false
  const weeks = await checkInWeeks(db)
  const checkIn = checkInsOf(hire, weeks, [], today).find((c) => c.week === input.week)
  if (!checkIn) throw new FieldValidationError({ week: { key: 'errors.invalidChoice' } })
  if (input.doneOn > today) throw new FieldValidationError({ doneOn: { key: 'errors.dateInFuture' } })
  if (input.doneOn < hire.firstWorkingDay!) throw new FieldValidationError({ doneOn: { key: 'errors.checkInBeforeStart' } })
  const values = { doneOn: input.doneOn, howItGoes: input.howItGoes, dropoutRisk: input.dropoutRisk, agreed: input.agreed }
  const [existing] = await db.select(recordColumns).from(aftercareCheckIns).where(and(eq(aftercareCheckIns.hireId, hireId), eq(aftercareCheckIns.week, input.week)))
  if (existing && (Object.keys(values) as (keyof typeof values)[]).every((k) => existing[k] === values[k])) return true
  await db.transaction(async (tx) => {
    await tx
      .insert(aftercareCheckIns)
      .values({ hireId, week: input.week, dueOn: checkIn.dueOn, recordedByUserId: actor.userId, ...values })
      .onConflictDoUpdate({ target: [aftercareCheckIns.hireId, aftercareCheckIns.week], set: { ...values, recordedByUserId: actor.userId } })
    await tx.update(candidates).set({ lastActivityAt: sql`now()` }).where(sql`${candidates.id} = (select ${hires.candidateId} from ${hires} where ${hires.id} = ${hireId})`)
    await recordAudit(tx, { actorUserId: actor.userId, organisationId: hire.organisationId, action: 'hire.check_in_recorded', subjectType: 'hire', subjectId: hireId, details: { week: input.week, dropoutRisk: input.dropoutRisk } })
  })
  return true
}

export type DueCheckIn = { hireId: string; reference: string; employer: string; vacancy: string; week: number; dueOn: string; intermediaryOrganisationId: string }

/**
 * Every check-in that is due and not recorded, over the placements the actor sees (an
 * intermediary: the matches on vacancies assigned to it), or over all placements for the
 * reminder job (actor null).
 */
export async function dueCheckIns(db: Db, actor: Actor | null, today = todayInAmsterdam(), rules?: readonly AnyPolicyRule[]): Promise<DueCheckIn[]> {
  if (actor) assertCan(actor, 'pipeline:view')
  const weeks = rules ? (ruleOf(rules, 'aftercare.check_ins', 'aftercare')?.data.checkInWeeks ?? []) : await checkInWeeks(db)
  if (weeks.length === 0) return []
  const placements = await db
    .select({
      hireId: hires.id,
      firstWorkingDay: hires.firstWorkingDay,
      endedOn: hires.endedOn,
      reference: candidates.referenceCode,
      employer: organisations.name,
      vacancy: vacancies.title,
      intermediaryOrganisationId: vacancies.intermediaryOrganisationId,
    })
    .from(hires)
    .innerJoin(candidates, eq(candidates.id, hires.candidateId))
    .innerJoin(vacancies, eq(vacancies.id, hires.vacancyId))
    .innerJoin(organisations, eq(organisations.id, hires.organisationId))
    // Imported history (matches of an earlier programme) has no aftercare to do in Werkbrug.
    .where(and(isNotNull(hires.firstWorkingDay), isNull(hires.endedOn), isNull(hires.importKey), isNull(candidates.erasedAt), actor ? scopeOf(actor).hires() : undefined))
  if (placements.length === 0) return []
  const records = await db
    .select(recordColumns)
    .from(aftercareCheckIns)
    .where(inArray(aftercareCheckIns.hireId, placements.map((p) => p.hireId)))
  const byHire = new Map<string, CheckInRecord[]>()
  for (const r of records) byHire.set(r.hireId, [...(byHire.get(r.hireId) ?? []), r])
  return placements.flatMap((p) =>
    checkInsOf(p, weeks, byHire.get(p.hireId) ?? [], today)
      .filter((c) => c.state === 'due')
      .map((c) => ({ hireId: p.hireId, reference: p.reference, employer: p.employer, vacancy: p.vacancy, week: c.week, dueOn: c.dueOn, intermediaryOrganisationId: p.intermediaryOrganisationId })),
  )
}

/**
 * Emails the intermediary's staff once per due check-in. The reminder is claimed first (a row
 * with `reminded_at`, inserted or updated only while still unset), so with several workers each
 * check-in is mailed once.
 */
export async function sendAftercareReminders(db: Db, appUrl: string, today = todayInAmsterdam()): Promise<number> {
  let sent = 0
  for (const due of await dueCheckIns(db, null, today)) {
    await db.transaction(async (tx) => {
      const [claimed] = await tx
        .insert(aftercareCheckIns)
        .values({ hireId: due.hireId, week: due.week, dueOn: due.dueOn, remindedAt: sql`now()` })
        .onConflictDoUpdate({
          target: [aftercareCheckIns.hireId, aftercareCheckIns.week],
          set: { remindedAt: sql`now()` },
          setWhere: isNull(aftercareCheckIns.remindedAt),
        })
        .returning({ id: aftercareCheckIns.id })
      if (!claimed) return
      const staff = await tx
        .select({ email: users.email, locale: users.locale })
        .from(users)
        .where(and(eq(users.organisationId, due.intermediaryOrganisationId), isNull(users.disabledAt)))
      for (const person of staff) {
        await enqueueEmail(tx, {
          template: 'aftercare-due',
          to: person.email,
          locale: person.locale as Locale,
          props: { reference: due.reference, employer: due.employer, week: due.week, dueOn: due.dueOn, url: `${appUrl}/hires/${due.hireId}#aftercare` },
        })
        sent++
      }
    })
  }
  return sent
}

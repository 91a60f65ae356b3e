import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { arrangements, auditLog, organisations, users, vacancies, vacancyTravelTimes } from '#db/schema'
import { todayInAmsterdam } from '~/lib/dates'
import { FieldValidationError } from '~/lib/errors.server'
import { translate, type Locale } from '~/lib/i18n'
import type { Actor } from '~/modules/authorisation'
import { scopeOf } from '~/modules/authorisation/index.server'
import { recordAudit } from '~/modules/audit/index.server'
import { listPolicyRules, policyRule } from '~/modules/policy/index.server'
import { hireGuidance } from '~/modules/twv/index.server'
import { getVacancy, type VacancyRow } from '~/modules/vacancies/index.server'
import { emptyArrangements, type Arrangements } from './arrangements'
import type { ArrangementsInput } from './arrangements.schema'
import { evaluateRisks, findRisks } from './evaluate'

/** The arrangement columns the risk evaluation reads. */
export const arrangementColumns = {
  travelMode: arrangements.travelMode,
  travelPayer: arrangements.travelPayer,
  travelAmountCents: arrangements.travelAmountCents,
  travelAmountUnit: arrangements.travelAmountUnit,
  travelPaid: arrangements.travelPaid,
  travelPaidDaysAfter: arrangements.travelPaidDaysAfter,
  travelDistanceKm: arrangements.travelDistanceKm,
  travelFareCentsPerDay: arrangements.travelFareCentsPerDay,
  coachProvider: arrangements.coachProvider,
  coachHoursPerWeek: arrangements.coachHoursPerWeek,
  coachWeeks: arrangements.coachWeeks,
  coachContact: arrangements.coachContact,
  languageSupport: arrangements.languageSupport,
  languagePayer: arrangements.languagePayer,
  trialKind: arrangements.trialKind,
}

/** What the risks of an open vacancy rest on, read in one row (the portfolio, rule changes). */
export const riskInputColumns = {
  id: vacancies.id,
  title: vacancies.title,
  organisationId: vacancies.organisationId,
  hoursMin: vacancies.hoursMin,
  hoursMax: vacancies.hoursMax,
  candidateStatus: vacancies.candidateStatus,
  englishLevel: vacancies.englishLevel,
  dutchLevel: vacancies.dutchLevel,
  startDate: vacancies.startDate,
  trialPlacementOffered: vacancies.trialPlacementOffered,
  hasCommute: sql<boolean>`exists (select 1 from ${vacancyTravelTimes} t where t.vacancy_id = ${vacancies.id} and t.minutes > 0)`,
  ...arrangementColumns,
}

/** The vacancy's arrangements, or the hire's override when one exists. Null when none recorded. */
export async function getArrangements(db: Db, actor: Actor, vacancyId: string, hireId?: string): Promise<Arrangements | null> {
  const find = (forHire: string | null) =>
    db
      .select(arrangementColumns)
      .from(arrangements)
      .where(and(eq(arrangements.vacancyId, vacancyId), forHire ? eq(arrangements.hireId, forHire) : isNull(arrangements.hireId), scopeOf(actor).arrangements()))
  const [own] = hireId ? await find(hireId) : []
  const [row] = own ? [own] : await find(null)
  return (row as Arrangements | undefined) ?? null
}

/**
 * Records arrangements for a vacancy (or a hire's override), refusing a trial arrangement that
 * cannot apply to the hire's status, with the reason. Every change is audited with its fields.
 */
export async function saveArrangements(
  db: Db,
  actor: Actor,
  target: { vacancyId: string; hire?: { id: string; residenceStatus: 'asylum_seeker' | 'status_holder' | 'unknown' } },
  input: ArrangementsInput,
  locale: Locale,
): Promise<boolean> {
  const vacancy = await getVacancy(db, actor, target.vacancyId)
  if (!vacancy) return false
  const status = target.hire?.residenceStatus
  const fits = (await policyRule(db, 'risk.trial-arrangement-mismatch', 'risk'))?.data.trialFits
  if (input.trialKind && fits && status && status !== 'unknown' && !fits[input.trialKind].includes(status)) {
    const reason = translate(locale, input.trialKind === 'uwv_proefplaatsing' ? 'risk.reasonUwvTrial' : 'risk.reasonMunicipalTrial')
    throw new FieldValidationError({ trialKind: { key: 'errors.trialNotForStatus', params: { reason } } })
  }
  return db.transaction(async (tx) => {
    const hireId = target.hire?.id ?? null
    const [existing] = await tx
      .select({ id: arrangements.id, ...arrangementColumns })
      .from(arrangements)
      .where(and(eq(arrangements.vacancyId, target.vacancyId), hireId ? eq(arrangements.hireId, hireId) : isNull(arrangements.hireId)))
      .for('update')
    // Saved unchanged: nothing to record, not even who last saved it.
    // A blank form sent untouched is no arrangement either: no empty row, no audit line.
    const changed = existing ? (Object.keys(input) as (keyof ArrangementsInput)[]).some((key) => existing[key as keyof typeof existing] !== input[key]) : Object.values(input).some((v) => v !== null)
    if (!changed) return true
    const values = { ...input, updatedByUserId: actor.userId, updatedAt: new Date() }
    if (existing) await tx.update(arrangements).set(values).where(eq(arrangements.id, existing.id))
    else await tx.insert(arrangements).values({ ...values, organisationId: vacancy.organisationId, vacancyId: target.vacancyId, hireId })
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: vacancy.organisationId,
      action: 'arrangements.saved',
      subjectType: hireId ? 'hire' : 'vacancy',
      subjectId: hireId ?? target.vacancyId,
      details: Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null)),
    })
    return true
  })
}

export async function vacancyRisks(db: Db, actor: Actor, vacancyId: string, locale: Locale, date = todayInAmsterdam()) {
  const vacancy = await getVacancy(db, actor, vacancyId)
  return vacancy ? risksOfVacancy(db, actor, vacancy, locale, date) : null
}

/** For a vacancy the caller has already loaded (and so may see): no second lookup. */
export async function risksOfVacancy(db: Db, actor: Actor, vacancy: VacancyRow, locale: Locale, date = todayInAmsterdam()) {
  const [rules, arranged] = await Promise.all([listPolicyRules(db), getArrangements(db, actor, vacancy.id)])
  return { vacancy, arrangements: arranged, risks: evaluateRisks({ vacancy, arrangements: arranged, date, rules, locale }), rules }
}

export async function hireRisks(db: Db, actor: Actor, hireId: string, locale: Locale, date = todayInAmsterdam()) {
  const result = await hireGuidance(db, actor, hireId, locale, date)
  return result ? risksOfHire(db, actor, result, locale, date) : null
}

/** For a hire whose guidance the caller has already built. */
export async function risksOfHire(
  db: Db,
  actor: Actor,
  { hire, guidance, rules: guidanceRules }: NonNullable<Awaited<ReturnType<typeof hireGuidance>>>,
  locale: Locale,
  date = todayInAmsterdam(),
) {
  const vacancy = await getVacancy(db, actor, hire.vacancyId)
  if (!vacancy) return null
  // The rules the guidance was built from: one read of them per page.
  const [rules, arranged] = await Promise.all([guidanceRules ?? listPolicyRules(db), getArrangements(db, actor, vacancy.id, hire.id)])
  const facts = { residenceStatus: hire.residenceStatus, hasBsn: hire.hasBsn, expectedMedian: guidance.expected?.median ?? null }
  return { hire, arrangements: arranged, risks: evaluateRisks({ vacancy, arrangements: arranged, hire: facts, date, rules, locale }) }
}

/**
 * The intermediary's portfolio: every open vacancy with its risks. Two queries whatever the number
 * of vacancies; the evaluation is pure and runs in memory.
 */
export async function riskPortfolio(db: Db, actor: Actor, locale: Locale, date = todayInAmsterdam(), limit = 10_000) {
  const [rules, rows] = await Promise.all([
    listPolicyRules(db),
    db
      .select({ status: vacancies.status, organisationName: organisations.name, ...riskInputColumns })
      .from(vacancies)
      .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
      .leftJoin(arrangements, and(eq(arrangements.vacancyId, vacancies.id), isNull(arrangements.hireId)))
      .where(and(scopeOf(actor).vacancies(), ne(vacancies.status, 'closed'), ne(vacancies.status, 'filled')))
      .limit(limit),
  ])
  const titles = new Map(rules.filter((r) => r.kind === 'risk').map((r) => [r.key.slice(5), locale === 'nl' ? r.titleNl : r.titleEn]))
  return rows.map((row) => {
    const arranged = arrangementsOfRow(row)
    // Codes only: the titles are the rules' own, looked up once per code rather than per vacancy.
    const findings = findRisks({ vacancy: { ...row, travelTimes: row.hasCommute ? [{ minutes: 1 }] : [] }, arrangements: arranged, date, rules })
    return { id: row.id, title: row.title, status: row.status, organisationName: row.organisationName, risks: findings.map((r) => ({ code: r.code, severity: r.severity, title: titles.get(r.code) ?? r.code })) }
  })
}

/** The arrangements of a joined row, or null when none were recorded. */
export function arrangementsOfRow(row: Record<string, unknown>): Arrangements | null {
  return row.travelMode || row.coachProvider || row.languageSupport || row.trialKind ? ({ ...emptyArrangements, ...pick(row) } as Arrangements) : null
}

function pick(row: Record<string, unknown>): Partial<Arrangements> {
  return Object.fromEntries(Object.keys(arrangementColumns).map((k) => [k, row[k] ?? null])) as Partial<Arrangements>
}

/** Who changed the arrangements of a vacancy the caller has loaded, and when (from the audit log). */
export function arrangementHistory(db: Db, vacancy: Pick<VacancyRow, 'id' | 'organisationId'>) {
  const vacancyId = vacancy.id
  return db
    .select({ id: auditLog.id, at: auditLog.createdAt, by: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(
      and(
        eq(auditLog.action, 'arrangements.saved'),
        eq(auditLog.organisationId, vacancy.organisationId),
        eq(auditLog.subjectType, 'vacancy'),
        eq(auditLog.subjectId, vacancyId),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(20)
}

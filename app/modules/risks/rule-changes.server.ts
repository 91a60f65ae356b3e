import { and, desc, eq, inArray, isNull, ne, notExists, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { arrangements, hires, hireSteps, policyNotices, policyRuleChanges, policyRules, users, vacancies } from '#db/schema'
import { todayInAmsterdam } from '~/lib/dates'
import type { Locale } from '~/lib/i18n'
import { enqueueEmail } from '~/modules/email/index.server'
import { listPolicyRules, type StoredRule } from '~/modules/policy/index.server'
import type { AnyPolicyRule } from '~/modules/policy'
import { findRisks } from './evaluate'
import { arrangementsOfRow, riskInputColumns } from './risks.server'

type Effect = 'added' | 'removed' | 'changed'

/**
 * After a rule changed: which open vacancies now get a risk, lose one, or show a risk whose text
 * changed; which open matches follow a step, document, condition or lead time that changed.
 * Each gets a notice on its page, and its employer one email per change in each user's language.
 * Runs on behalf of the platform, across tenants, because a rule applies to everyone.
 */
export async function announceRuleChange(db: Db, input: { changeId: string; ruleKey: string; before: StoredRule | null }, appUrl: string, date = todayInAmsterdam()): Promise<number> {
  const after = await listPolicyRules(db)
  const changed = after.find((r) => r.key === input.ruleKey)
  if (!changed) return 0
  const beforeRules: AnyPolicyRule[] = after.map((r) => (r.key === input.ruleKey && input.before ? input.before : r))
  const notices: { organisationId: string; vacancyId: string | null; hireId: string | null; effect: Effect; title: string }[] = []

  // Risks rest on risk rules and on the lead times (realistic start, TWV wait).
  if (changed.kind === 'risk' || changed.kind === 'lead_time') {
    const rows = await db
      .select(riskInputColumns)
      .from(vacancies)
      .leftJoin(arrangements, and(eq(arrangements.vacancyId, vacancies.id), isNull(arrangements.hireId)))
      .where(and(ne(vacancies.status, 'closed'), ne(vacancies.status, 'filled')))
    const code = changed.kind === 'risk' ? changed.key.slice(5) : null
    for (const row of rows) {
      const arranged = arrangementsOfRow(row)
      const vacancy = { ...row, travelTimes: row.hasCommute ? [{ minutes: 1 }] : [] }
      const was = findRisks({ vacancy, arrangements: arranged, date, rules: beforeRules })
      const now = findRisks({ vacancy, arrangements: arranged, date, rules: after })
      const effect = diff(was, now, code)
      if (effect) notices.push({ organisationId: row.organisationId, vacancyId: row.id, hireId: null, effect, title: row.title })
    }
  }
  // The path of a match rests on steps, documents, conditions and lead times; a started job no longer does.
  if (changed.kind === 'step' || changed.kind === 'document' || changed.kind === 'condition' || changed.kind === 'lead_time') {
    // Steps and documents name their paths; the TWV conditions are the asylum seeker's; a lead
    // time (TWV or BSN) can matter to either.
    const paths = 'paths' in changed.data ? (changed.data.paths as string[]) : changed.kind === 'condition' ? ['asylum_seeker'] : ['asylum_seeker', 'status_holder']
    const open = await db
      .select({ id: hires.id, organisationId: hires.organisationId, title: vacancies.title })
      .from(hires)
      .innerJoin(vacancies, eq(vacancies.id, hires.vacancyId))
      .where(
        and(
          inArray(hires.residenceStatus, paths as ('asylum_seeker' | 'status_holder')[]),
          notExists(db.select({ one: sql`1` }).from(hireSteps).where(and(eq(hireSteps.hireId, hires.id), eq(hireSteps.stepKey, 'step.first_day')))),
        ),
      )
    for (const hire of open) notices.push({ organisationId: hire.organisationId, vacancyId: null, hireId: hire.id, effect: 'changed', title: hire.title })
  }
  if (notices.length === 0) return 0

  await db.transaction(async (tx) => {
    await tx.insert(policyNotices).values(notices.map(({ title: _title, ...n }) => ({ ...n, changeId: input.changeId })))
    const organisations = [...new Set(notices.map((n) => n.organisationId))]
    const recipients = await tx
      .select({ email: users.email, locale: users.locale, organisationId: users.organisationId })
      .from(users)
      .where(and(inArray(users.organisationId, organisations), isNull(users.disabledAt)))
    for (const recipient of recipients) {
      const locale = recipient.locale as Locale
      const items = notices
        .filter((n) => n.organisationId === recipient.organisationId)
        .map((n) => ({ title: n.title, effect: n.effect, url: new URL(n.vacancyId ? `/vacancies/${n.vacancyId}` : `/hires/${n.hireId}`, appUrl).toString() }))
      await enqueueEmail(tx, {
        template: 'policy-change',
        to: recipient.email,
        locale,
        props: { rule: locale === 'nl' ? changed.titleNl : changed.titleEn, changedOn: date, items },
      })
    }
  })
  return notices.length
}

function diff(was: { code: string }[], now: { code: string }[], code: string | null): Effect | null {
  const had = new Set(was.map((r) => r.code))
  const has = new Set(now.map((r) => r.code))
  if (code) {
    if (has.has(code) && !had.has(code)) return 'added'
    if (had.has(code) && !has.has(code)) return 'removed'
    return has.has(code) ? 'changed' : null
  }
  // A lead time changed: what it feeds may appear, disappear or read differently.
  for (const c of has) if (!had.has(c)) return 'added'
  for (const c of had) if (!has.has(c)) return 'removed'
  return has.has('twv-required') || has.has('start-date-unrealistic') ? 'changed' : null
}

export type PolicyNotice = { id: string; effect: Effect; ruleKey: string; titleNl: string; titleEn: string; changedAt: string }

/** The rule changes that touched a vacancy or a match the caller has already loaded (and so may see). */
export async function noticesFor(db: Db, target: { vacancyId: string } | { hireId: string }): Promise<PolicyNotice[]> {
  return db
    .select({
      id: policyNotices.id,
      effect: policyNotices.effect,
      ruleKey: policyRuleChanges.ruleKey,
      titleNl: policyRules.titleNl,
      titleEn: policyRules.titleEn,
      changedAt: sql<string>`${policyRuleChanges.createdAt}::text`,
    })
    .from(policyNotices)
    .innerJoin(policyRuleChanges, eq(policyRuleChanges.id, policyNotices.changeId))
    .innerJoin(policyRules, eq(policyRules.key, policyRuleChanges.ruleKey))
    .where('vacancyId' in target ? eq(policyNotices.vacancyId, target.vacancyId) : eq(policyNotices.hireId, target.hireId))
    .orderBy(desc(policyNotices.createdAt))
    .limit(10)
}

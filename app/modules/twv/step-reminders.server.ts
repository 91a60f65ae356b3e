import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { candidates, hires, hireStepReminders, hireSteps, users, vacancies } from '#db/schema'
import { todayInAmsterdam } from '~/lib/dates'
import type { Locale } from '~/lib/i18n'
import { enqueueEmail } from '~/modules/email/index.server'
import { buildGuidance } from './guidance'
import { ownDurations } from './hires.server'
import { listPolicyRules } from '~/modules/policy/index.server'
import { daysBetween } from '~/modules/policy'

// Steps that wait on someone else, and the step whose date starts the wait.
const waits = [
  { step: 'step.twv_decision', after: 'step.twv_application' },
  { step: 'step.bsn_registration', after: 'step.twv_decision' },
] as const

/**
 * Emails the employer and the intermediary once when a waiting step has passed its legal decision
 * term (a TWV: five weeks) or, for a step without one, the 80th percentile of its lead time. The reminder row is inserted first (ON CONFLICT DO NOTHING),
 * so with several instances each reminder still goes out once.
 */
export async function sendStepReminders(db: Db, appUrl: string, today = todayInAmsterdam()): Promise<number> {
  const [rules, own] = await Promise.all([listPolicyRules(db), ownDurations(db)])
  let sent = 0
  for (const wait of waits) {
    const rule = rules.find((r) => r.key === wait.step)
    if (!rule) continue
    const waiting = await db
      .select({
        hireId: hires.id,
        organisationId: hires.organisationId,
        intermediaryOrganisationId: vacancies.intermediaryOrganisationId,
        since: hireSteps.doneOn,
        reference: candidates.referenceCode,
        vacancy: vacancies.title,
      })
      .from(hires)
      .innerJoin(hireSteps, and(eq(hireSteps.hireId, hires.id), eq(hireSteps.stepKey, wait.after)))
      .innerJoin(candidates, eq(candidates.id, hires.candidateId))
      .innerJoin(vacancies, eq(vacancies.id, hires.vacancyId))
      .where(sql`not exists (select 1 from ${hireSteps} d where d.hire_id = ${hires.id} and d.step_key = ${wait.step})`)
    for (const hire of waiting) {
      const days = daysBetween(hire.since, today)
      const guidance = buildGuidance({
        hire: { residenceStatus: 'asylum_seeker', isAdult: null, asylumApplicationDate: null, wDocumentValidUntil: null, dublinClaimant: null, medicalResidenceGround: null, hasBsn: null, permitChance: null, createdOn: today },
        rules,
        done: {},
        today,
        own,
        locale: 'nl',
      })
      // A legal decision term is the deadline to remind at; without one, the 80th percentile.
      const step = guidance.steps.find((s) => s.key === wait.step)
      const p80 = step?.decisionTermDays ?? step?.p80Days
      if (p80 === null || p80 === undefined || days <= p80) continue
      await db.transaction(async (tx) => {
        const [claimed] = await tx
          .insert(hireStepReminders)
          .values({ hireId: hire.hireId, stepKey: wait.step })
          .onConflictDoNothing()
          .returning({ hireId: hireStepReminders.hireId })
        if (!claimed) return
        const recipients = await tx
          .select({ email: users.email, locale: users.locale })
          .from(users)
          .where(
            and(
              isNull(users.disabledAt),
              // The employer's people and the staff of the intermediary the vacancy is assigned to.
              inArray(users.organisationId, [hire.organisationId, hire.intermediaryOrganisationId]),
            ),
          )
        for (const recipient of recipients) {
          const locale = recipient.locale as Locale
          await enqueueEmail(tx, {
            template: 'step-overdue',
            to: recipient.email,
            locale,
            props: {
              reference: hire.reference,
              vacancy: hire.vacancy,
              step: locale === 'nl' ? rule.titleNl : rule.titleEn,
              days,
              p80,
              url: new URL(`/hires/${hire.hireId}`, appUrl).toString(),
            },
          })
        }
        sent++
      })
    }
  }
  return sent
}

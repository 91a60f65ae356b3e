import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { hires, hireSteps, hireStepReminders, payments, speeddateBookings, speeddateProposals, vacancies } from '#db/schema'
import { todayInAmsterdam } from '~/lib/dates'
import type { Actor } from '~/modules/authorisation'
import { can } from '~/modules/authorisation'
import { scopeOf } from '~/modules/authorisation/index.server'
import { loadPolicyRules } from '~/modules/policy/index.server'
import { reviewDue } from '~/modules/policy'

/** What waits on the reader, per menu item: the counts beside "Vacatures", "Speeddates" … */
export type WaitingCounts = { vacancies: number; speeddates: number; hires: number; payments: number; policy: number }

const none: WaitingCounts = { vacancies: 0, speeddates: 0, hires: 0, payments: 0, policy: 0 }

/**
 * A step is overdue once its reminder went out (the daily job's judgement: past its legal term
 * or the 80th percentile of its lead time) and it is still not ticked. Both the menu and the
 * dashboard use this one definition.
 */
export function overdueStepsWhere(scope: SQL): SQL {
  return sql`exists (select 1 from ${hires} where ${hires.id} = ${hireStepReminders.hireId} and ${scope} and ${hires.endedOn} is null and ${hires.notStartedOn} is null)
    and not exists (select 1 from ${hireSteps} d where d.hire_id = ${hireStepReminders.hireId} and d.step_key = ${hireStepReminders.stepKey})`
}

/**
 * One statement for the whole menu, run on every page: each count is a scoped subquery on an
 * indexed column. The employer counts what it must act on (a returned vacancy, a booking to pay,
 * an open charge, an overdue step to chase); the intermediary what waits on its answer.
 */
export async function waitingCounts(db: Db, actor: Actor, today = todayInAmsterdam()): Promise<WaitingCounts> {
  if (can(actor.role, 'policy:manage')) {
    const { rules, invalid } = await loadPolicyRules(db)
    return { ...none, policy: reviewDue(rules, invalid.map((i) => i.key), today).length }
  }
  const scope = scopeOf(actor)
  if (scope.party === 'platform') return none
  const employer = can(actor.role, 'speeddates:book')
  const count = (from: SQL) => sql<number>`(select count(*)::int from ${from})`
  const [row] = await db
    .select({
      vacancies: count(sql`${vacancies} where ${scope.vacancies()} and ${vacancies.status} = ${employer ? 'returned' : 'submitted'}`),
      speeddates: employer
        ? count(sql`${speeddateBookings} where ${scope.bookings()} and ${speeddateBookings.status} = 'awaiting_payment'`)
        : sql<number>`${count(sql`${speeddateBookings} where ${scope.bookings()} and ${speeddateBookings.status} = 'requested'`)} + ${count(sql`${speeddateProposals} where ${scope.proposals()} and ${speeddateProposals.status} = 'open'`)}`,
      hires: count(sql`${hireStepReminders} where ${overdueStepsWhere(scope.hires())}`),
      payments: count(sql`${payments} where ${scope.payments()} and ${employer ? paymentToPay : paymentNeedingAHand}`),
    })
    .from(sql`(select 1) as one`)
  return { ...none, ...Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)])) }
}

/** A charge the employer can still pay. */
export const paymentToPay = sql`${payments.status} = 'open'`
/** A refund Stripe has refused so far, or a payment attempt that failed: the intermediary looks. */
export const paymentNeedingAHand = sql`((${payments.refundDueCents} > ${payments.refundedCents} and ${payments.refundAttempts} > 0) or (${payments.status} = 'open' and ${payments.failureMessage} is not null))`

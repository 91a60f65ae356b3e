import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import {
  candidates,
  hires,
  hireStepReminders,
  organisations,
  payments,
  receptionLocations,
  speeddateBookingEvents,
  speeddateBookings,
  speeddateProposals,
  speeddateSlots,
  vacancies,
} from '#db/schema'
import { todayInAmsterdam } from '~/lib/dates'
import type { Locale } from '~/lib/i18n'
import type { Actor } from '~/modules/authorisation'
import { can } from '~/modules/authorisation'
import { scopeOf } from '~/modules/authorisation/index.server'
import { dueCheckIns } from '~/modules/pipeline/index.server'
import { loadPolicyRules } from '~/modules/policy/index.server'
import { reviewDue, type ReviewItem } from '~/modules/policy'
import { localised, type AnyPolicyRule } from '~/modules/policy'
import { hireProgress } from '~/modules/twv/index.server'
import { overdueStepsWhere, paymentNeedingAHand, paymentToPay } from './waiting.server'

const LIST = 10

/** A speeddate as a to-do line shows it: when, where, for which vacancy, in which state. */
const sessionColumns = {
  bookingId: speeddateBookings.id,
  slotId: speeddateBookings.slotId,
  status: speeddateBookings.status,
  startsAt: speeddateSlots.startsAt,
  endsAt: speeddateSlots.endsAt,
  place: sql<string>`coalesce(${receptionLocations.name}, ${speeddateSlots.placeAddress}, '')`,
  vacancyTitle: vacancies.title,
  employer: organisations.name,
  requestedAt: speeddateBookings.createdAt,
  paymentId: sql<string | null>`(select ${payments.id} from ${payments} where ${payments.bookingId} = ${speeddateBookings.id})`,
}

function sessions(db: Db, actor: Actor) {
  return db
    .select(sessionColumns)
    .from(speeddateBookings)
    .innerJoin(speeddateSlots, eq(speeddateSlots.id, speeddateBookings.slotId))
    .innerJoin(vacancies, eq(vacancies.id, speeddateBookings.vacancyId))
    .innerJoin(organisations, eq(organisations.id, speeddateBookings.organisationId))
    .leftJoin(receptionLocations, eq(receptionLocations.id, speeddateSlots.receptionLocationId))
    .where(and(scopeOf(actor).bookings(), gte(speeddateSlots.startsAt, new Date()), inArray(speeddateBookings.status, ['awaiting_payment', 'requested', 'approved'])))
    .orderBy(asc(speeddateSlots.startsAt))
    .limit(50)
}

/** A session as the page receives it: times as ISO strings. */
const asIso = <T extends { startsAt: Date; endsAt: Date; requestedAt: Date }>(s: T) => ({ ...s, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), requestedAt: s.requestedAt.toISOString() })

function overdueSteps(db: Db, actor: Actor, rules: readonly AnyPolicyRule[], locale: Locale) {
  return db
    .select({ hireId: hireStepReminders.hireId, stepKey: hireStepReminders.stepKey, since: hireStepReminders.sentAt, reference: candidates.referenceCode, vacancyTitle: vacancies.title, employer: organisations.name })
    .from(hireStepReminders)
    .innerJoin(hires, eq(hires.id, hireStepReminders.hireId))
    .innerJoin(candidates, eq(candidates.id, hires.candidateId))
    .innerJoin(vacancies, eq(vacancies.id, hires.vacancyId))
    .innerJoin(organisations, eq(organisations.id, hires.organisationId))
    .where(overdueStepsWhere(scopeOf(actor).hires()))
    .orderBy(asc(hireStepReminders.sentAt))
    .limit(LIST)
    .then((rows) => rows.map((r) => ({ ...r, since: r.since.toISOString(), step: stepTitle(rules, r.stepKey, locale) })))
}

function stepTitle(rules: readonly AnyPolicyRule[], key: string, locale: Locale): string {
  const rule = rules.find((r) => r.key === key)
  return rule ? localised(rule, locale).title : key
}

/**
 * How long the employer's intermediaries usually take to answer a booking request: the median
 * of their decisions over the last 180 days, per intermediary — so "requested" comes with an
 * expectation. Fewer than five decisions tell nothing, and the page says so.
 */
export async function answerTimes(db: Db, actor: Actor) {
  const rows = await db
    .select({
      intermediary: organisations.name,
      decisions: sql<number>`count(*)::int`,
      medianHours: sql<number | null>`percentile_cont(0.5) within group (order by extract(epoch from (${speeddateBookingEvents.createdAt} - ${speeddateBookings.createdAt})) / 3600)`,
    })
    .from(speeddateBookingEvents)
    .innerJoin(speeddateBookings, eq(speeddateBookings.id, speeddateBookingEvents.bookingId))
    .innerJoin(speeddateSlots, eq(speeddateSlots.id, speeddateBookings.slotId))
    .innerJoin(organisations, eq(organisations.id, speeddateSlots.intermediaryOrganisationId))
    .where(
      and(
        scopeOf(actor).slots(),
        inArray(speeddateBookingEvents.action, ['approved', 'declined']),
        eq(speeddateBookingEvents.fromStatus, 'requested'),
        sql`${speeddateBookingEvents.createdAt} > now() - interval '180 days'`,
      ),
    )
    .groupBy(organisations.name)
  return rows.map((r) => ({ intermediary: r.intermediary, decisions: Number(r.decisions), medianHours: r.decisions >= 5 && r.medianHours !== null ? Math.round(Number(r.medianHours)) : null }))
}

/** The employer's morning: what it must do, what waits on others, what is coming. */
export async function employerWorkspace(db: Db, actor: Actor, locale: Locale, today = todayInAmsterdam()) {
  const { rules } = await loadPolicyRules(db)
  const [returned, upcoming, progress, overdue, toPay, answers] = await Promise.all([
    db
      .select({ id: vacancies.id, title: vacancies.title, reviewComment: vacancies.reviewComment })
      .from(vacancies)
      .where(and(scopeOf(actor).vacancies(), eq(vacancies.status, 'returned')))
      .orderBy(desc(vacancies.updatedAt))
      .limit(LIST),
    sessions(db, actor),
    hireProgress(db, actor, locale, today, { activeOnly: true, rules }),
    overdueSteps(db, actor, rules, locale),
    db
      .select({ id: payments.id, description: payments.description, grossCents: payments.grossCents })
      .from(payments)
      .where(and(scopeOf(actor).payments(), paymentToPay))
      .orderBy(asc(payments.createdAt))
      .limit(LIST),
    answerTimes(db, actor),
  ])
  return {
    party: 'employer' as const,
    returned,
    waiting: upcoming.filter((s) => s.status !== 'approved').map(asIso),
    upcoming: upcoming.filter((s) => s.status === 'approved').slice(0, 5).map(asIso),
    hires: progress.map((h) => ({ id: h.id, reference: h.reference, firstName: h.firstName, vacancyTitle: h.vacancyTitle, currentStep: h.currentStep, waitingOn: h.waitingOn, stepsDone: h.stepsDone, stepsTotal: h.stepsTotal })),
    overdue,
    toPay,
    answers,
  }
}

/** The consultant's morning: everything that waits on the intermediary's answer, oldest first. */
export async function intermediaryWorkspace(db: Db, actor: Actor, locale: Locale, today = todayInAmsterdam()) {
  const { rules } = await loadPolicyRules(db)
  const [toReview, upcoming, proposals, overdue, aftercare, needHand] = await Promise.all([
    db
      .select({ id: vacancies.id, title: vacancies.title, employer: organisations.name, submittedAt: vacancies.submittedAt })
      .from(vacancies)
      .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
      .where(and(scopeOf(actor).vacancies(), eq(vacancies.status, 'submitted')))
      .orderBy(asc(vacancies.submittedAt))
      .limit(LIST),
    sessions(db, actor),
    db
      .select({ id: speeddateProposals.id, employer: organisations.name, vacancyTitle: vacancies.title, createdAt: speeddateProposals.createdAt })
      .from(speeddateProposals)
      .innerJoin(vacancies, eq(vacancies.id, speeddateProposals.vacancyId))
      .innerJoin(organisations, eq(organisations.id, speeddateProposals.organisationId))
      .where(and(scopeOf(actor).proposals(), eq(speeddateProposals.status, 'open')))
      .orderBy(asc(speeddateProposals.createdAt))
      .limit(LIST),
    overdueSteps(db, actor, rules, locale),
    dueCheckIns(db, actor, today, rules),
    db
      .select({ id: payments.id, description: payments.description, payer: organisations.name, refundFailing: sql<boolean>`${payments.refundDueCents} > ${payments.refundedCents}` })
      .from(payments)
      .innerJoin(organisations, eq(organisations.id, payments.payerOrganisationId))
      .where(and(scopeOf(actor).payments(), paymentNeedingAHand))
      .orderBy(asc(payments.updatedAt))
      .limit(LIST),
  ])
  return {
    party: 'intermediary' as const,
    toReview: toReview.map((v) => ({ ...v, submittedAt: v.submittedAt?.toISOString() ?? null })),
    requests: upcoming.filter((s) => s.status === 'requested').map(asIso),
    upcoming: upcoming.filter((s) => s.status === 'approved').slice(0, 5).map(asIso),
    proposals: proposals.map((p) => ({ ...p, createdAt: p.createdAt.toISOString() })),
    overdue,
    aftercare: { count: aftercare.length, first: aftercare.sort((a, b) => a.dueOn.localeCompare(b.dueOn)).slice(0, LIST) },
    needHand,
  }
}

/** The platform admin's morning: the rules that need a look (review-by passed, announced rules started, invalid data). */
export async function adminWorkspace(db: Db, locale: Locale, today = todayInAmsterdam()) {
  const { rules, invalid } = await loadPolicyRules(db)
  const titles = new Map<string, string>([...rules.map((r) => [r.key, localised(r, locale).title] as const), ...invalid.map((i) => [i.key, locale === 'nl' ? i.titleNl : i.titleEn] as const)])
  const due: (ReviewItem & { title: string })[] = reviewDue(rules, invalid.map((i) => i.key), today).map((item) => ({ ...item, title: titles.get(item.key) ?? item.key }))
  return { party: 'platform' as const, due }
}

export async function workspaceOf(db: Db, actor: Actor, locale: Locale, today = todayInAmsterdam()) {
  if (can(actor.role, 'policy:manage')) return adminWorkspace(db, locale, today)
  if (can(actor.role, 'speeddates:book')) return employerWorkspace(db, actor, locale, today)
  return intermediaryWorkspace(db, actor, locale, today)
}
export type Workspace = Awaited<ReturnType<typeof workspaceOf>>

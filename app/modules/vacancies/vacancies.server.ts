import type { Db } from '#db/client.server'
import { decodeCursor, encodeCursor } from '~/lib/keyset-cursor.server'
import { vacancies } from '#db/schema'
import { eq } from 'drizzle-orm'
import { todayInAmsterdam } from '~/lib/dates'
import { FieldValidationError, StateConflictError } from '~/lib/errors.server'
import type { FieldErrors } from '~/lib/forms'
import { parseWithSchema } from '~/lib/forms'
import type { Actor } from '~/modules/authorisation'
import { audienceOf, type NotificationKind } from '~/modules/notifications'
import { notify } from '~/modules/notifications/index.server'
import { scopeOf } from '~/modules/authorisation/index.server'
import { linkedIntermediaries } from '~/modules/accounts/index.server'
import {
  existingReceptionLocationIds,
  insertVacancy,
  insertVacancyEvent,
  selectReceptionLocations,
  selectVacancy,
  selectVacancyEvents,
  selectVacancyPage,
  updateVacancyColumns,
  type VacancyRow,
} from './vacancies.queries.server'
import {
  submitIssues,
  wageIssues,
  vacancyInputSchema,
  type VacancyCreateInput,
  type VacancyFields,
  type VacancyListFilters,
  type VacancyPatch,
} from './vacancies.schema'
import { isEditable, nextStatus, type VacancyAction } from './workflow'
import { policyRule } from '~/modules/policy/index.server'
import { minimumHourlyWage } from '~/modules/policy'
import { emitWebhookEvent } from '~/modules/webhooks/index.server'

export type { VacancyRow }

/** A state rule refused the request (e.g. editing a published vacancy): 409 in the API. */
export class VacancyStateError extends StateConflictError {
  constructor(key: 'errors.notEditable' | 'errors.transitionNotAllowed') {
    super(key)
  }
}

export function getVacancy(db: Db, actor: Actor, id: string) {
  return selectVacancy(db, actor, id)
}

export function listReceptionLocations(db: Db) {
  return selectReceptionLocations(db)
}

/** The history of a vacancy the caller has already loaded through the scope (so may see). */
export function vacancyHistory(db: Db, vacancy: Pick<VacancyRow, 'id'>) {
  return selectVacancyEvents(db, vacancy.id)
}

async function assertLocationsExist(db: Db, fields: Pick<VacancyFields, 'travelTimes'>) {
  const ids = fields.travelTimes.map((t) => t.receptionLocationId)
  const known = await existingReceptionLocationIds(db, ids)
  const errors: FieldErrors = {}
  fields.travelTimes.forEach((t, index) => {
    if (!known.has(t.receptionLocationId)) {
      errors[`travelTimes.${index}.receptionLocationId`] = { key: 'errors.unknownLocation' }
    }
  })
  if (Object.keys(errors).length > 0) throw new FieldValidationError(errors)
}

/** The minimum-wage check needs the rule data; refused like any other field. */
async function assertWageAtLeastMinimum(db: Db, fields: VacancyFields, today: string) {
  const errors = toFieldErrors(await wageIssuesFor(db, fields, today))
  if (Object.keys(errors).length > 0) throw new FieldValidationError(errors)
}

async function wageIssuesFor(db: Db, fields: VacancyFields, today: string) {
  const rule = await policyRule(db, 'minimum_wage', 'minimum_wage')
  return rule ? wageIssues(fields, today, rule.data) : []
}

function toFieldErrors(issues: { path: (string | number)[]; message: string; params?: Record<string, string | number> }[]): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of issues) errors[issue.path.join('.')] ??= { key: issue.message as never, params: issue.params }
  return errors
}

/**
 * What the form says about the minimum wage today: the amount, the period it comes from, and an
 * indexation date that has passed without new amounts (so the employer is not misled).
 */
export async function minimumWageNotice(db: Db, today = todayInAmsterdam()) {
  const rule = await policyRule(db, 'minimum_wage', 'minimum_wage')
  const applied = rule ? minimumHourlyWage(today, null, rule.data) : null
  return applied ? { minimumCents: applied.hourlyCents, sinceDate: applied.period.effectiveFrom, dueDate: applied.newerDue } : null
}

/**
 * The intermediary that will review a new vacancy: the one asked for, which must be one the
 * employer works with, or the only one it works with.
 */
async function assignedIntermediary(db: Db, actor: Actor, requested: string | undefined): Promise<string> {
  const linked = await linkedIntermediaries(db, actor)
  if (requested) {
    if (linked.some((i) => i.id === requested)) return requested
    throw new FieldValidationError({ intermediaryOrganisationId: { key: 'errors.invalid' } })
  }
  if (linked.length === 1) return linked[0]!.id
  throw new FieldValidationError({ intermediaryOrganisationId: { key: linked.length === 0 ? 'errors.noIntermediary' : 'errors.required' } })
}

/** A new draft for the actor's organisation. Input has passed vacancyCreateSchema. */
export async function createVacancy(db: Db, actor: Actor, input: VacancyCreateInput): Promise<string> {
  const { fields } = input
  await assertLocationsExist(db, fields)
  await assertWageAtLeastMinimum(db, fields, todayInAmsterdam())
  const intermediaryOrganisationId = await assignedIntermediary(db, actor, input.intermediaryOrganisationId)
  return db.transaction(async (tx) => {
    const id = await insertVacancy(tx, {
      ...normalise(fields),
      organisationId: actor.organisationId,
      intermediaryOrganisationId,
      createdByUserId: actor.userId,
    })
    await insertVacancyEvent(tx, actor, {
      vacancyId: id,
      organisationId: actor.organisationId,
      action: 'created',
      toStatus: 'draft',
    })
    return id
  })
}

/**
 * Replaces the profile (the portal form) or merges a patch into it (the API), then checks the
 * whole profile again. Returns null when the vacancy is not the actor's (404).
 */
export async function updateVacancy(
  db: Db,
  actor: Actor,
  id: string,
  change: { replace: VacancyFields } | { patch: VacancyPatch },
  today = todayInAmsterdam(),
): Promise<VacancyRow | null> {
  return db.transaction(async (tx) => {
    const current = await selectVacancy(tx, actor, id, true)
    if (!current) return null
    if (!isEditable(current.status)) throw new VacancyStateError('errors.notEditable')
    const merged = 'replace' in change ? change.replace : { ...fieldsOf(current), ...change.patch }
    const parsed = parseWithSchema(vacancyInputSchema(today), merged)
    if (!parsed.success) throw new FieldValidationError(parsed.fieldErrors)
    await assertLocationsExist(tx, parsed.data)
    await assertWageAtLeastMinimum(tx, parsed.data, today)
    const next = normalise(parsed.data)
    const changed = changedFields(fieldsOf(current), next)
    if (changed.length > 0) {
      await updateVacancyColumns(tx, id, next)
      await insertVacancyEvent(tx, actor, {
        vacancyId: id,
        organisationId: current.organisationId,
        action: 'updated',
        changedFields: changed,
      })
    }
    return (await selectVacancy(tx, actor, id))!
  })
}

/**
 * Moves a vacancy through its workflow. Submitting requires the complete profile; returning
 * requires a comment for the employer. The row is locked so two reviewers cannot both act.
 */
export async function transitionVacancy(
  db: Db,
  actor: Actor,
  id: string,
  action: VacancyAction,
  options: { comment?: string; today?: string; /** null: tell nobody (the demo's history is not news) */ appUrl: string | null },
): Promise<VacancyRow | null> {
  return db.transaction(async (tx) => {
    const current = await selectVacancy(tx, actor, id, true)
    if (!current) return null
    const to = nextStatus(current.status, action, scopeOf(actor).party)
    if (!to) throw new VacancyStateError('errors.transitionNotAllowed')
    if (action === 'submit') {
      const locations = await selectReceptionLocations(tx)
      const today = options.today ?? todayInAmsterdam()
      const issues = [...submitIssues(fieldsOf(current), locations.map((l) => l.id), today), ...(await wageIssuesFor(tx, fieldsOf(current), today))]
      if (issues.length > 0) {
        const errors: FieldErrors = {}
        for (const issue of issues) {
          const field = issue.path.join('.')
          errors[field] ??= { key: issue.message as never, params: issue.params }
        }
        throw new FieldValidationError(errors)
      }
    }
    if (action === 'return' && !options.comment?.trim()) {
      throw new FieldValidationError({ comment: { key: 'errors.required' } })
    }
    const now = new Date()
    await tx
      .update(vacancies)
      .set({
        status: to,
        updatedAt: now,
        ...(action === 'submit' ? { submittedAt: now } : {}),
        ...(action === 'publish' ? { publishedAt: now, reviewComment: null } : {}),
        ...(action === 'return' ? { reviewComment: options.comment!.trim() } : {}),
      })
      .where(eq(vacancies.id, id))
    await insertVacancyEvent(tx, actor, {
      vacancyId: id,
      organisationId: current.organisationId,
      action,
      fromStatus: current.status,
      toStatus: to,
      comment: options.comment?.trim() || null,
    })
    if (options.appUrl !== null) await notifyOfTransition(tx, actor, current, action, options.comment?.trim() ?? '', options.appUrl)
    await emitWebhookEvent(tx, current.organisationId, 'vacancy.status_changed', { vacancyId: id, title: current.title, from: current.status, to, comment: options.comment?.trim() || null })
    return (await selectVacancy(tx, actor, id))!
  })
}

const notificationOf: Partial<Record<VacancyAction, NotificationKind>> = { submit: 'vacancy_submitted', publish: 'vacancy_published', return: 'vacancy_returned', close: 'vacancy_closed' }

/** Who hears of a change of status, in the same transaction (decision 017). */
async function notifyOfTransition(tx: Db, actor: Actor, vacancy: VacancyRow, action: VacancyAction, reason: string, appUrl: string) {
  const kind = notificationOf[action]
  if (!kind) return
  const toIntermediary = audienceOf[kind] === 'intermediary'
  await notify(
    tx,
    { organisationId: toIntermediary ? vacancy.intermediaryOrganisationId : vacancy.organisationId, exceptUserId: actor.userId },
    {
      kind,
      title: vacancy.title,
      // Who did it, as the reader knows them: the employer for the intermediary and the other way round.
      organisation: toIntermediary || scopeOf(actor).party === 'employer' ? vacancy.organisationName : vacancy.intermediaryName,
      reason: kind === 'vacancy_returned' ? reason : '',
      path: toIntermediary || kind !== 'vacancy_returned' ? `/vacancies/${vacancy.id}` : `/vacancies/${vacancy.id}/edit`,
    },
    appUrl,
  )
}

/**
 * A new draft with the same profile, its title marked as a copy (two vacancies with one title
 * cannot be told apart in a list); a start date that has passed is left for the user to set.
 */
export async function duplicateVacancy(
  db: Db,
  actor: Actor,
  id: string,
  options: { copySuffix: string; today?: string },
): Promise<string | null> {
  const today = options.today ?? todayInAmsterdam()
  const source = await selectVacancy(db, actor, id)
  if (!source) return null
  const fields = fieldsOf(source)
  fields.title = `${fields.title.slice(0, 200 - options.copySuffix.length)}${options.copySuffix}`
  if (fields.startDate && fields.startDate < today) fields.startDate = null
  return db.transaction(async (tx) => {
    const copy = await insertVacancy(tx, {
      ...fields,
      organisationId: source.organisationId,
      intermediaryOrganisationId: source.intermediaryOrganisationId,
      createdByUserId: actor.userId,
    })
    await insertVacancyEvent(tx, actor, {
      vacancyId: copy,
      organisationId: source.organisationId,
      action: 'duplicated',
      toStatus: 'draft',
      comment: source.id,
    })
    return copy
  })
}

export async function listVacancies(db: Db, actor: Actor, filters: VacancyListFilters) {
  const after = filters.cursor ? decodeCursor(filters.cursor) : null
  if (filters.cursor && !after) throw new FieldValidationError({ cursor: { key: 'errors.invalid' } })
  const rows = await selectVacancyPage(db, actor, filters, after)
  const page = rows.slice(0, filters.limit)
  const nextCursor = rows.length > filters.limit ? encodeCursor(page.at(-1)!) : null
  return { data: page, nextCursor }
}

function fieldsOf(row: VacancyRow): VacancyFields {
  const { id: _id, organisationId: _o, organisationName: _on, intermediaryOrganisationId: _io, intermediaryName: _in, status: _s, reviewComment: _r, createdAt: _c, updatedAt: _u, submittedAt: _sa, publishedAt: _p, ...fields } = row
  return fields as VacancyFields
}

/** Dependent fields are cleared when what they depend on is off, so stored data stays coherent. */
function normalise(fields: VacancyFields): VacancyFields {
  return {
    ...fields,
    travelTimes: [...fields.travelTimes].sort((a, b) => a.receptionLocationId.localeCompare(b.receptionLocationId)),
    youngestAge: fields.forWorkersUnder21 ? fields.youngestAge : null,
    trialPlacementWeeks: fields.trialPlacementOffered ? fields.trialPlacementWeeks : null,
    contractMonths: fields.contractType === 'permanent' ? null : fields.contractMonths,
  }
}

function changedFields(before: VacancyFields, after: VacancyFields): string[] {
  return (Object.keys(after) as (keyof VacancyFields)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  )
}

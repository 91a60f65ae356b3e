import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { fieldId, FormErrorSummary, Notice, TextAreaField } from '~/components/field'
import { RiskPanel } from '~/components/risk-panel'
import { DayNote } from '~/components/day-note'
import { holidayDefinitions } from '~/modules/policy/calendar'
import { actorOf, notFound, requirePermission } from '~/web/auth.server'
import { handleIntents, intent } from '~/lib/form-action.server'
import type { FieldErrors } from '~/lib/forms'
import { formatDate, formatEuros, type MessageKey, translate } from '~/lib/i18n'
import { useLocale, useT } from '~/lib/i18n/react'
import { hoursLabel } from '~/modules/vacancies/options'
import { can } from '~/modules/authorisation/policy'
import { partyOf } from '~/modules/authorisation/roles'
import { resolveLocale } from '~/lib/locale.server'
import { arrangementHistory, risksOfVacancy } from '~/modules/risks/risks.server'
import { noticesFor } from '~/modules/risks/rule-changes.server'
import { PolicyNotices } from '~/components/policy-notices'
import {
  duplicateVacancy,
  getVacancy,
  listReceptionLocations,
  transitionVacancy,
  vacancyHistory,
} from '~/modules/vacancies/vacancies.server'
import { availableActions, isEditable, vacancyActions, type VacancyAction } from '~/modules/vacancies/workflow'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Werkbrug — ${data?.vacancy.title ?? ''}` }]

const idSchema = z.uuid()

async function load(request: Request, context: LoaderFunctionArgs['context'], rawId: string | undefined) {
  const user = await requirePermission(request, context, 'vacancies:view')
  const id = idSchema.safeParse(rawId)
  const vacancy = id.success ? await getVacancy(context.db, actorOf(user), id.data) : undefined
  if (!vacancy) throw notFound()
  return { user, vacancy }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, vacancy } = await load(request, context, params.id)
  const [history, locations, risks, arrangementChanges, notices] = await Promise.all([
    vacancyHistory(context.db, vacancy),
    listReceptionLocations(context.db),
    risksOfVacancy(context.db, actorOf(user), vacancy, await resolveLocale(request, user.locale)),
    arrangementHistory(context.db, vacancy),
    noticesFor(context.db, { vacancyId: vacancy.id }),
  ])
  return {
    vacancy,
    history,
    locations,
    actions: availableActions(vacancy.status, partyOf(user.role)),
    canEdit: can(user.role, 'vacancies:edit') && isEditable(vacancy.status),
    canDuplicate: can(user.role, 'vacancies:edit'),
    risks: risks.risks,
    arrangements: risks.arrangements,
    arrangementChanges,
    notices,
    holidays: holidayDefinitions(risks.rules),
  }
}

const commentSchema = z.object({ comment: z.string().max(2000, 'errors.tooLong').default('') })

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, vacancy } = await load(request, context, params.id)
  const actor = actorOf(user)
  // Each workflow step is an intent of its own; the workflow module decides who may take it.
  const step = (action: VacancyAction) =>
    intent({
      schema: commentSchema,
      run: async ({ comment }) => {
        await transitionVacancy(context.db, actor, vacancy.id, action, { comment, appUrl: context.env.APP_URL })
        return redirect(`/vacancies/${vacancy.id}?done=${action}`)
      },
    })
  return handleIntents(await request.formData(), {
    ...Object.fromEntries(vacancyActions.map((action) => [action, step(action)])),
    duplicate: intent({
      schema: z.object({}),
      run: async () => {
        if (!can(user.role, 'vacancies:edit')) throw new Response('Forbidden', { status: 403 })
        const copySuffix = translate(await resolveLocale(request, user.locale), 'vacancy.copySuffix')
        const copy = await duplicateVacancy(context.db, actor, vacancy.id, { copySuffix })
        if (!copy) throw notFound()
        return redirect(`/vacancies/${copy}/edit?duplicated=1`)
      },
    }),
  })
}

export default function VacancyDetail() {
  const t = useT()
  const locale = useLocale()
  const { vacancy: v, history, locations, actions, canEdit, canDuplicate, risks, arrangements: arr, arrangementChanges, notices, holidays } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const done = params.get('done') as VacancyAction | null
  const locationName = (id: string) => locations.find((l) => l.id === id)?.name ?? id
  const fieldLabel = (field: string) =>
    field.startsWith('travelTimes.')
      ? t('vacancy.travelFrom', { location: locationName(field.slice('travelTimes.'.length)) })
      : t(`vacancy.field.${field}` as MessageKey)
  const submitErrors: FieldErrors | null = actionData?.intent === 'submit' ? actionData.fieldErrors : null
  const returnFailure = actionData?.intent === 'return' ? actionData : null
  const yesNo = (value: boolean) => (value ? t('vacancy.yes') : t('vacancy.no'))
  const notSet = <em>{t('vacancy.notSet')}</em>
  return (
    <section className="page">
      {params.get('saved') ? <Notice>{t('vacancy.saved')}</Notice> : null}
      {params.get('arranged') ? <Notice>{t('arr.saved')}</Notice> : null}
      {done && vacancyActions.includes(done) ? <Notice>{t(`vacancy.transitioned.${done}`)}</Notice> : null}
      {actionData?.formError ? (
        <div className="alert alert--error" role="alert">
          {t(actionData.formError.key, actionData.formError.params)}
        </div>
      ) : null}
      <h1>{v.title}</h1>
      <p>
        <span className={`status status--${v.status}`}>{t(`vacancy.status.${v.status}`)}</span> · {v.organisationName} · {t('vacancy.intermediary')}: {v.intermediaryName}
      </p>
      {v.reviewComment && v.status === 'returned' ? (
        <div className="alert alert--error">
          <strong>{t('vacancy.reviewComment')}:</strong> {v.reviewComment}
        </div>
      ) : null}
      {submitErrors && Object.keys(submitErrors).length > 0 ? (
        <div className="alert alert--error" role="alert">
          <p>{t('vacancy.missingForSubmit')}</p>
          <ul>
            {Object.entries(submitErrors).map(([field, message]) => (
              <li key={field}>
                {/* Each gap links to its field on the edit form. */}
                {canEdit ? <Link to={`/vacancies/${v.id}/edit#${fieldId(field.split('.')[0]!)}`}>{fieldLabel(field)}</Link> : fieldLabel(field)}: {t(message.key, message.params)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="action-forms">
        {canEdit ? (
          <Link className="button button--secondary" to={`/vacancies/${v.id}/edit`}>
            {t('vacancy.edit')}
          </Link>
        ) : null}
        {actions
          .filter((a) => a !== 'return')
          .map((a) => (
            <Form method="post" key={a}>
              <button type="submit" name="intent" value={a} className={a === 'close' ? 'button button--secondary' : 'button'}>
                {t(`vacancy.action.${a}`)}
              </button>
            </Form>
          ))}
        {canDuplicate ? (
          <Form method="post">
            <button type="submit" name="intent" value="duplicate" className="button button--secondary">
              {t('vacancy.duplicate')}
            </button>
          </Form>
        ) : null}
      </div>
      {actions.includes('return') ? (
        <Form method="post" noValidate>
          <FormErrorSummary failure={returnFailure} />
          <TextAreaField name="comment" label={t('vacancy.returnComment')} failure={returnFailure} rows={2} required />
          <button type="submit" name="intent" value="return" className="button button--secondary">
            {t('vacancy.action.return')}
          </button>
        </Form>
      ) : null}

      <p className="actions">
        <a href={`/vacancies/${v.id}/checklist.pdf?lang=${locale}`} download>
          {t('twv.blankPdf')}
        </a>
        {canDuplicate ? <Link to={`/vacancies/${v.id}/arrangements`}>{t('arr.edit')}</Link> : null}
      </p>
      <PolicyNotices notices={notices} />
      <RiskPanel title={t('risk.panelTitle')} risks={risks} />

      <h2>{t('vacancy.section.job')}</h2>
      <dl className="facts">
        <dt>{t('vacancy.field.sector')}</dt>
        <dd>{v.sector ? t(`vacancy.sector.${v.sector}`) : notSet}</dd>
        <dt>{t('vacancy.field.tasks')}</dt>
        <dd className="prewrap">{v.tasks ?? notSet}</dd>
        <dt>{t('vacancy.field.candidateStatus')}</dt>
        <dd>{v.candidateStatus ? t(`vacancy.candidate.${v.candidateStatus}`) : notSet}</dd>
        <dt>{t('vacancy.field.positions')}</dt>
        <dd>{v.positions ?? notSet}</dd>
      </dl>
      <h2>{t('vacancy.section.location')}</h2>
      <dl className="facts">
        <dt>{t('vacancy.field.address')}</dt>
        <dd>{v.address ? `${v.address}, ${v.postcode ?? ''} ${v.municipality ?? ''}` : notSet}</dd>
        {locations.map((location) => {
          const travel = v.travelTimes.find((tt) => tt.receptionLocationId === location.id)
          return [
            <dt key={`${location.id}-dt`}>{t('vacancy.travelFrom', { location: location.name })}</dt>,
            <dd key={`${location.id}-dd`}>{travel ? t('vacancy.minutes', { minutes: travel.minutes }) : notSet}</dd>,
          ]
        })}
      </dl>
      <h2>{t('vacancy.section.terms')}</h2>
      <dl className="facts">
        <dt>{t('vacancy.field.hours')}</dt>
        <dd>{v.hoursMin !== null && v.hoursMax !== null ? hoursLabel(t, v.hoursMin, v.hoursMax) : notSet}</dd>
        <dt>{t('vacancy.field.contractType')}</dt>
        <dd>
          {v.contractType ? t(`vacancy.contract.${v.contractType}`) : notSet}
          {v.contractMonths ? `, ${t('vacancy.months', { months: v.contractMonths })}` : null}
        </dd>
        <dt>{t('vacancy.field.shifts')}</dt>
        <dd>{v.shifts.length > 0 ? v.shifts.map((s) => t(`vacancy.shift.${s}`)).join(', ') : notSet}</dd>
        <dt>{t('vacancy.field.hourlyWageCents')}</dt>
        <dd>{v.hourlyWageCents !== null ? t('vacancy.perHour', { amountCents: v.hourlyWageCents }) : notSet}</dd>
        <dt>{t('vacancy.field.forWorkersUnder21')}</dt>
        <dd>
          {yesNo(v.forWorkersUnder21)}
          {v.youngestAge ? ` (${v.youngestAge}+)` : null}
        </dd>
        <dt>{t('vacancy.field.startDate')}</dt>
        <dd>
          {v.startDate ? formatDate(locale, `${v.startDate}T12:00:00Z`) : notSet}
          {v.startDate ? <DayNote at={v.startDate} holidays={holidays} compact /> : null}
        </dd>
      </dl>
      <h2>{t('vacancy.section.candidate')}</h2>
      <dl className="facts">
        <dt>{t('vacancy.field.englishLevel')}</dt>
        <dd>{v.englishLevel ? t(`vacancy.level.${v.englishLevel}`) : notSet}</dd>
        <dt>{t('vacancy.field.dutchLevel')}</dt>
        <dd>{v.dutchLevel ? t(`vacancy.level.${v.dutchLevel}`) : notSet}</dd>
        <dt>{t('vacancy.field.physicalDemands')}</dt>
        <dd className="prewrap">{v.physicalDemands ?? '—'}</dd>
        <dt>{t('vacancy.field.requirements')}</dt>
        <dd className="prewrap">{v.requirements ?? '—'}</dd>
        <dt>{t('vacancy.field.trialPlacementOffered')}</dt>
        <dd>
          {yesNo(v.trialPlacementOffered)}
          {v.trialPlacementWeeks ? ` — ${t('vacancy.weeks', { weeks: v.trialPlacementWeeks })}` : null}
        </dd>
      </dl>

      <h2>{t('arr.title')}</h2>
      {arr ? (
        <dl className="facts">
          <dt>{t('arr.travelMode')}</dt>
          <dd>
            {arr.travelMode ? t(`arr.mode.${arr.travelMode}` as MessageKey) : '—'}
            {arr.travelAmountCents !== null ? ` — ${formatEuros(locale, arr.travelAmountCents)} / ${t(`arr.unit.${arr.travelAmountUnit ?? 'per_day'}` as MessageKey)}` : ''}
            {arr.travelPaid ? ` — ${t(`arr.paid.${arr.travelPaid}` as MessageKey)}` : ''}
            {arr.travelPayer ? ` — ${t(`arr.payer.${arr.travelPayer}` as MessageKey)}` : ''}
          </dd>
          <dt>{t('arr.coach')}</dt>
          <dd>{arr.coachProvider ? `${t(`arr.provider.${arr.coachProvider}` as MessageKey)}, ${arr.coachHoursPerWeek ?? '?'} ${t('arr.coachHours').toLowerCase()}` : '—'}</dd>
          <dt>{t('arr.language')}</dt>
          <dd>{arr.languageSupport ? t(`arr.support.${arr.languageSupport}` as MessageKey) : '—'}</dd>
          <dt>{t('arr.trial')}</dt>
          <dd>{arr.trialKind ? t(`arr.trial.${arr.trialKind}` as MessageKey) : '—'}</dd>
        </dl>
      ) : (
        <p>{t('arr.notSet')}</p>
      )}
      {arrangementChanges.length > 0 ? (
        <ul className="field__hint">
          {arrangementChanges.map((change) => (
            <li key={change.id}>
              {t('vacancy.event.updated')} — {formatDate(locale, change.at, true)}
              {change.by ? ` — ${change.by}` : ''}
            </li>
          ))}
        </ul>
      ) : null}

      <h2>{t('vacancy.history')}</h2>
      <ol className="history">
        {history.map((event) => (
          <li key={event.id}>
            <strong>{t(`vacancy.event.${event.action}` as MessageKey)}</strong> — {formatDate(locale, event.createdAt, true)}{' '}
            {event.actorName ? t('vacancy.historyBy', { name: event.actorName }) : event.viaApiKey ? t('vacancy.historyByApi') : null}
            {event.changedFields.length > 0 ? (
              <div>{t('vacancy.changed', { fields: event.changedFields.map((f) => fieldLabel(f)).join(', ') })}</div>
            ) : null}
            {event.comment && event.action !== 'duplicated' ? <div>“{event.comment}”</div> : null}
          </li>
        ))}
      </ol>
      <p>
        <Link to="/vacancies">{t('common.back')}</Link>
      </p>
    </section>
  )
}

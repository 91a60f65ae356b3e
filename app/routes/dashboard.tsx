import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { FormErrorSummary, Notice, TextField } from '~/components/field'
import { actorOf, requirePermission, requireUser } from '~/web/auth.server'
import { handleForm } from '~/lib/form-action.server'
import { asFormFailure } from '~/lib/form-failure'
import { partnerInvitationSchema } from '~/modules/accounts/accounts.schema'
import { linkedIntermediaries } from '~/modules/accounts/intermediaries.server'
import { invitePartner } from '~/modules/accounts/partners.server'
import { formatDate, formatEuros, type MessageKey } from '~/lib/i18n'
import { resolveLocale } from '~/lib/locale.server'
import { TodoGroup } from '~/components/todo-list'
import { When } from '~/components/when'
import { workspaceOf } from '~/modules/workspace/todos.server'
import { useLocale, useT } from '~/lib/i18n/react'
import { can } from '~/modules/authorisation/policy'
import { listEmployers } from '~/modules/accounts/organisations.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — overzicht / overview' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context)
  const actor = actorOf(user)
  const locale = await resolveLocale(request, user.locale)
  const [workspace, employers, intermediaries] = await Promise.all([
    workspaceOf(context.db, actor, locale),
    can(user.role, 'employers:view') ? listEmployers(context.db, actor) : null,
    can(user.role, 'intermediaries:link') || can(user.role, 'vacancies:edit') ? linkedIntermediaries(context.db, actor) : null,
  ])
  return {
    canInvite: can(user.role, 'employers:invite'),
    intermediaries,
    user: {
      name: user.name,
      role: user.role,
      organisationName: user.organisationName,
      kvkNumber: user.kvkNumber,
    },
    employers,
    workspace,
  }
}

/** The intermediary asks an employer to work with it. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, 'employers:invite')
  return handleForm(await request.formData(), partnerInvitationSchema, async (input) => {
    await invitePartner(context.db, { ...actorOf(user), name: user.name, organisationName: user.organisationName, locale: user.locale }, { email: input.email, appUrl: context.env.APP_URL })
    return { invitedPartner: input.email }
  })
}

export default function Dashboard() {
  const t = useT()
  const locale = useLocale()
  const { user, employers, canInvite, intermediaries, workspace } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const failure = asFormFailure(actionData)
  const invited = actionData && 'invitedPartner' in actionData ? actionData.invitedPartner : null
  const [params] = useSearchParams()
  return (
    <section className="page">
      <h1>{t('dashboard.title', { name: user.name })}</h1>
      <p className="lede">
        {user.organisationName}
        {user.kvkNumber ? ` · ${t('dashboard.kvk')} ${user.kvkNumber}` : ''} · {t(`role.${user.role}`)}
      </p>
      {params.get('linked') ? <Notice>{t('dashboard.linked')}</Notice> : null}
      {workspace.party === 'employer' ? <EmployerTodos workspace={workspace} /> : null}
      {workspace.party === 'intermediary' ? <IntermediaryTodos workspace={workspace} /> : null}
      {workspace.party === 'platform' ? <AdminTodos workspace={workspace} /> : null}
      {intermediaries ? (
        <>
          <h2>{t('dashboard.intermediaries')}</h2>
          <ul>
            {intermediaries.map((i) => (
              <li key={i.id}>{i.name}</li>
            ))}
          </ul>
        </>
      ) : null}
      {employers ? (
        <>
          <h2>{t('dashboard.employers')}</h2>
          {employers.length === 0 ? (
            <p>{t('dashboard.employersEmpty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="stack-on-phone">
                <thead>
                  <tr>
                    <th scope="col">{t('dashboard.employerName')}</th>
                    <th scope="col">{t('dashboard.kvk')}</th>
                    <th scope="col">{t('dashboard.employerMembers')}</th>
                    <th scope="col">{t('dashboard.employerSince')}</th>
                  </tr>
                </thead>
                <tbody>
                  {employers.map((employer) => (
                    <tr key={employer.id} id={`employer-${employer.id}`}>
                      <td data-label={t('dashboard.employerName')}>{employer.name}</td>
                      <td data-label={t('dashboard.kvk')}>{employer.kvkNumber}</td>
                      <td data-label={t('dashboard.employerMembers')}>{employer.members}</td>
                      <td data-label={t('dashboard.employerSince')}>{formatDate(locale, employer.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
      {canInvite ? (
        <>
          <h2>{t('dashboard.invitePartner')}</h2>
          <p>{t('dashboard.invitePartnerIntro')}</p>
          {invited ? <Notice>{t('dashboard.partnerInvited', { email: invited })}</Notice> : null}
          <FormErrorSummary failure={failure} />
          <Form method="post" noValidate key={invited ?? 'invite'}>
            <TextField name="email" type="email" label={t('dashboard.partnerEmail')} failure={failure} required autoComplete="off" />
            <button type="submit" className="button">
              {t('dashboard.partnerSubmit')}
            </button>
          </Form>
        </>
      ) : null}
    </section>
  )
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>['workspace']
type Of<P extends Data['party']> = Extract<Data, { party: P }>

function Nothing({ empty }: { empty: boolean }) {
  const t = useT()
  return empty ? <p data-testid="nothing-waits">{t('todo.nothing')}</p> : null
}

function EmployerTodos({ workspace: w }: { workspace: Of<'employer'> }) {
  const t = useT()
  const locale = useLocale()
  const mine = w.returned.length + w.waiting.filter((s) => s.status === 'awaiting_payment').length + w.toPay.length + w.overdue.length
  const answerOf = (employer: string) => w.answers.find((a) => a.intermediary === employer)
  return (
    <>
      <h2>{t('todo.onYou')}</h2>
      <Nothing empty={mine === 0} />
      <TodoGroup
        id="returned"
        title={t('todo.returned', { count: w.returned.length })}
        items={w.returned.map((v) => ({ key: v.id, to: `/vacancies/${v.id}/edit`, label: v.title, detail: v.reviewComment ? t('todo.returnedReason', { reason: v.reviewComment }) : null }))}
      />
      <TodoGroup
        id="to-pay"
        title={t('todo.toPay', { count: w.toPay.length })}
        items={w.toPay.map((p) => ({ key: p.id, to: `/payments/${p.id}`, label: `${p.description} — ${formatEuros(locale, p.grossCents)}` }))}
      />
      <TodoGroup
        id="overdue"
        title={t('todo.overdue', { count: w.overdue.length })}
        items={w.overdue.map((o) => ({ key: `${o.hireId}-${o.stepKey}`, to: `/hires/${o.hireId}#steps`, label: `${o.step} — ${o.reference}`, detail: t('todo.overdueSince', { vacancy: o.vacancyTitle, sinceDate: o.since.slice(0, 10) }) }))}
      />
      <h2>{t('todo.onOthers')}</h2>
      <Nothing empty={w.waiting.length === 0 && w.hires.length === 0} />
      <TodoGroup
        id="booking-waiting"
        title={t('todo.bookingsWaiting', { count: w.waiting.length })}
        items={w.waiting.map((s) => {
          const answer = answerOf(s.employer)
          return {
            key: s.bookingId,
            to: s.status === 'awaiting_payment' && s.paymentId ? `/payments/${s.paymentId}` : `/speeddates/${s.slotId}`,
            label: (
              <>
                {s.vacancyTitle} — <When startsAt={s.startsAt} endsAt={s.endsAt} />
              </>
            ),
            detail:
              s.status === 'awaiting_payment'
                ? t('todo.bookingToPay')
                : answer?.medianHours != null
                  ? t('todo.bookingRequestedUsually', { hours: answer.medianHours, decisions: answer.decisions })
                  : t('todo.bookingRequested'),
          }
        })}
      />
      <TodoGroup
        id="hires"
        title={t('todo.hires', { count: w.hires.length })}
        items={w.hires.map((h) => ({
          key: h.id,
          to: `/hires/${h.id}#steps`,
          label: `${h.reference}${h.firstName ? ` — ${h.firstName}` : ''} (${h.vacancyTitle})`,
          detail: h.currentStep && h.waitingOn ? t('todo.nextStep', { step: h.currentStep, owner: t(`twv.owner.${h.waitingOn}` as MessageKey), done: h.stepsDone, total: h.stepsTotal }) : t('todo.allStepsDone'),
        }))}
      />
      <Upcoming sessions={w.upcoming} />
    </>
  )
}

function Upcoming({ sessions }: { sessions: { bookingId: string; slotId: string; startsAt: string; endsAt: string; place: string; vacancyTitle: string; employer: string }[] }) {
  const t = useT()
  return (
    <>
      <h2>{t('todo.upcoming')}</h2>
      {sessions.length === 0 ? <p>{t('todo.upcomingNone')}</p> : null}
      <TodoGroup
        id="upcoming"
        title={t('todo.upcomingCount', { count: sessions.length })}
        items={sessions.map((s) => ({
          key: s.bookingId,
          to: `/speeddates/${s.slotId}`,
          label: <When startsAt={s.startsAt} endsAt={s.endsAt} />,
          detail: t('todo.upcomingWhere', { place: s.place, vacancy: s.vacancyTitle, employer: s.employer }),
        }))}
      />
    </>
  )
}

function IntermediaryTodos({ workspace: w }: { workspace: Of<'intermediary'> }) {
  const t = useT()
  const locale = useLocale()
  const total = w.toReview.length + w.requests.length + w.proposals.length + w.overdue.length + w.aftercare.count + w.needHand.length
  return (
    <>
      <h2>{t('todo.onYou')}</h2>
      <Nothing empty={total === 0} />
      <TodoGroup
        id="to-review"
        title={t('todo.toReview', { count: w.toReview.length })}
        items={w.toReview.map((v) => ({ key: v.id, to: `/vacancies/${v.id}`, label: `${v.title} — ${v.employer}`, detail: v.submittedAt ? t('todo.submittedOn', { when: formatDate(locale, v.submittedAt) }) : null }))}
      />
      <TodoGroup
        id="requests"
        title={t('todo.requests', { count: w.requests.length })}
        items={w.requests.map((s) => ({
          key: s.bookingId,
          to: `/speeddates/${s.slotId}`,
          label: `${s.employer} — ${s.vacancyTitle}`,
          detail: (
            <>
              <When startsAt={s.startsAt} endsAt={s.endsAt} /> · {t('todo.requestedOn', { when: formatDate(locale, s.requestedAt) })}
            </>
          ),
        }))}
      />
      <TodoGroup
        id="proposals"
        title={t('todo.proposals', { count: w.proposals.length })}
        items={w.proposals.map((p) => ({ key: p.id, to: `/speeddates#proposal-${p.id}`, label: `${p.employer} — ${p.vacancyTitle}`, detail: t('todo.requestedOn', { when: formatDate(locale, p.createdAt) }) }))}
      />
      <TodoGroup
        id="overdue"
        title={t('todo.overdue', { count: w.overdue.length })}
        items={w.overdue.map((o) => ({ key: `${o.hireId}-${o.stepKey}`, to: `/hires/${o.hireId}#steps`, label: `${o.step} — ${o.reference} (${o.employer})`, detail: t('todo.overdueSince', { vacancy: o.vacancyTitle, sinceDate: o.since.slice(0, 10) }) }))}
      />
      <TodoGroup
        id="aftercare"
        title={t('dashboard.aftercareDue', { count: w.aftercare.count })}
        items={w.aftercare.first.map((c) => ({
          key: `${c.hireId}-${c.week}`,
          to: `/hires/${c.hireId}#aftercare`,
          label: t('dashboard.aftercareItem', { reference: c.reference, employer: c.employer, week: c.week, dueDate: c.dueOn }),
        }))}
        more={{ to: '/reports', label: t('dashboard.report') }}
      />
      <TodoGroup
        id="payments"
        title={t('todo.needHand', { count: w.needHand.length })}
        items={w.needHand.map((p) => ({ key: p.id, to: `/payments/${p.id}`, label: `${p.description} — ${p.payer}`, detail: t(p.refundFailing ? 'todo.refundFailing' : 'todo.paymentFailed') }))}
      />
      <Upcoming sessions={w.upcoming} />
    </>
  )
}

function AdminTodos({ workspace: w }: { workspace: Of<'platform'> }) {
  const t = useT()
  return (
    <>
      <h2>{t('todo.onYou')}</h2>
      <Nothing empty={w.due.length === 0} />
      <TodoGroup
        id="rules-due"
        title={t('policy.review.title', { count: w.due.length })}
        items={w.due.map((item) => ({ key: `${item.key}-${item.reason}`, to: `/admin/policy#${item.key}`, label: item.title, detail: t(`policy.review.reason.${item.reason}`, { sinceDate: item.since ?? '' }) }))}
      />
    </>
  )
}

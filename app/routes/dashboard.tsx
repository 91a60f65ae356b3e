import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { FormErrorSummary, Notice, TextField } from '~/components/field'
import { actorOf, requirePermission, requireUser } from '~/web/auth.server'
import { handleForm } from '~/lib/form-action.server'
import { asFormFailure } from '~/lib/form-failure'
import { partnerInvitationSchema } from '~/modules/accounts/accounts.schema'
import { linkedIntermediaries } from '~/modules/accounts/intermediaries.server'
import { invitePartner } from '~/modules/accounts/partners.server'
import { formatDate } from '~/lib/i18n'
import { useLocale, useT } from '~/lib/i18n/react'
import { can } from '~/modules/authorisation/policy'
import { listEmployers } from '~/modules/accounts/organisations.server'
import { dueCheckIns } from '~/modules/pipeline/aftercare.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — overzicht / overview' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context)
  const employers = can(user.role, 'employers:view')
    ? await listEmployers(context.db, actorOf(user))
    : null
  // The intermediary's aftercare to-do: check-ins whose day has come (rule aftercare.check_ins).
  const aftercareDue = can(user.role, 'pipeline:view') ? await dueCheckIns(context.db, actorOf(user)) : null
  const intermediaries = can(user.role, 'intermediaries:link') || can(user.role, 'vacancies:edit') ? await linkedIntermediaries(context.db, actorOf(user)) : null
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
    aftercareDue: aftercareDue ? { count: aftercareDue.length, first: aftercareDue.sort((a, b) => a.dueOn.localeCompare(b.dueOn)).slice(0, 10) } : null,
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
  const { user, employers, canInvite, intermediaries, aftercareDue } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const failure = asFormFailure(actionData)
  const invited = actionData && 'invitedPartner' in actionData ? actionData.invitedPartner : null
  const [params] = useSearchParams()
  return (
    <section className="page">
      <h1>{t('dashboard.title', { name: user.name })}</h1>
      <dl className="facts">
        <dt>{t('dashboard.organisation')}</dt>
        <dd>{user.organisationName}</dd>
        {user.kvkNumber ? (
          <>
            <dt>{t('dashboard.kvk')}</dt>
            <dd>{user.kvkNumber}</dd>
          </>
        ) : null}
        <dt>{t('dashboard.role')}</dt>
        <dd>{t(`role.${user.role}`)}</dd>
      </dl>
      {params.get('linked') ? <Notice>{t('dashboard.linked')}</Notice> : null}
      {aftercareDue ? (
        <>
          <h2>{t('dashboard.aftercareDue', { count: aftercareDue.count })}</h2>
          <ul>
            {aftercareDue.first.map((c) => (
              <li key={`${c.hireId}-${c.week}`}>
                <Link to={`/hires/${c.hireId}#aftercare`}>
                  {t('dashboard.aftercareItem', { reference: c.reference, employer: c.employer, week: c.week, dueDate: formatDate(locale, `${c.dueOn}T12:00:00Z`) })}
                </Link>
              </li>
            ))}
          </ul>
          <p>
            <Link to="/reports">{t('dashboard.report')}</Link>
          </p>
        </>
      ) : null}
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
              <table>
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
                    <tr key={employer.id}>
                      <td>{employer.name}</td>
                      <td>{employer.kvkNumber}</td>
                      <td>{employer.members}</td>
                      <td>{formatDate(locale, employer.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : (
        <p>{t('dashboard.employerNext')}</p>
      )}
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

import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { actorOf, requireUser } from '~/lib/auth.server'
import { formatDate } from '~/lib/i18n'
import { useLocale, useT } from '~/lib/i18n/react'
import { can } from '~/modules/authorisation/policy'
import { listEmployers } from '~/modules/accounts/organisations.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — overzicht / overview' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context)
  const employers = can(user.role, 'employers:view')
    ? await listEmployers(context.db, actorOf(user))
    : null
  return {
    user: {
      name: user.name,
      role: user.role,
      organisationName: user.organisationName,
      kvkNumber: user.kvkNumber,
    },
    employers,
  }
}

export default function Dashboard() {
  const t = useT()
  const locale = useLocale()
  const { user, employers } = useLoaderData<typeof loader>()
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
    </section>
  )
}

import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { actorOf, requirePermission } from '~/web/auth.server'
import { useT } from '~/lib/i18n/react'
import { resolveLocale } from '~/lib/locale.server'
import { riskPortfolio } from '~/modules/risks/risks.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — risico’s / risks' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, 'employers:view')
  return { portfolio: await riskPortfolio(context.readDb, actorOf(user), await resolveLocale(request, user.locale), undefined, 500) }
}

export default function Portfolio() {
  const t = useT()
  const { portfolio } = useLoaderData<typeof loader>()
  return (
    <section className="page">
      <h1>{t('risk.portfolioTitle')}</h1>
      <p>{t('risk.portfolioIntro')}</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('vacancy.field.title')}</th>
              <th scope="col">{t('vacancy.employer')}</th>
              <th scope="col">{t('risk.count')}</th>
              <th scope="col">{t('nav.risks')}</th>
            </tr>
          </thead>
          <tbody>
            {portfolio.map((v) => (
              <tr key={v.id}>
                <td data-label={t('vacancy.field.title')}>
                  <Link to={`/vacancies/${v.id}`}>{v.title}</Link>
                </td>
                <td data-label={t('vacancy.employer')}>{v.organisationName}</td>
                <td data-label={t('risk.count')}>{v.risks.filter((r) => r.severity !== 'info').length}</td>
                <td data-label={t('nav.risks')}>
                  {v.risks
                    .filter((r) => r.severity !== 'info')
                    .map((r) => (
                      <span key={r.code} className={`badge badge--${r.severity}`}>
                        {r.title}
                      </span>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

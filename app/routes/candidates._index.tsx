import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { Notice } from '~/components/field'
import { formatDate } from '~/lib/i18n'
import { useLocale, useT } from '~/lib/i18n/react'
import { actorOf, requirePermission } from '~/web/auth.server'
import { listPipelineCandidates } from '~/modules/pipeline/candidates.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — kandidaten / candidates' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, 'pipeline:view')
  return { candidates: await listPipelineCandidates(context.db, actorOf(user)) }
}

export default function Candidates() {
  const t = useT()
  const locale = useLocale()
  const { candidates } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  return (
    <section className="page">
      <h1>{t('candidate.listTitle')}</h1>
      <p>{t('candidate.listIntro')}</p>
      {params.get('erased') ? <Notice>{t('candidate.erased')}</Notice> : null}
      <p className="actions">
        <Link className="button" to="/candidates/new">
          {t('candidate.new')}
        </Link>
        <Link to="/reports#import">{t('report.import')}</Link>
      </p>
      {candidates.length === 0 ? (
        <p>{t('candidate.listEmpty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('candidate.referenceCode')}</th>
                <th scope="col">{t('candidate.firstName')}</th>
                <th scope="col">{t('report.location')}</th>
                <th scope="col">{t('candidate.intakeDate')}</th>
                <th scope="col" className="number">
                  {t('report.matchesColumn')}
                </th>
              </tr>
            </thead>
            <tbody>
              {candidates.map((c) => (
                <tr key={c.id}>
                  <td data-label={t('candidate.referenceCode')}>
                    <Link to={`/candidates/${c.id}`}>{c.referenceCode}</Link>
                  </td>
                  <td data-label={t('candidate.firstName')}>{c.firstName ?? '—'}</td>
                  <td data-label={t('report.location')}>{c.location ?? t('candidate.unknown')}</td>
                  <td data-label={t('candidate.intakeDate')}>{c.intakeDate ? formatDate(locale, `${c.intakeDate}T12:00:00Z`) : '—'}</td>
                  <td data-label={t('report.matchesColumn')} className="number">{c.matches}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

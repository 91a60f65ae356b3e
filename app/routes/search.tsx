import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { actorOf, requireUser } from '~/web/auth.server'
import type { MessageKey } from '~/lib/i18n'
import { useT } from '~/lib/i18n/react'
import { search } from '~/modules/search/search.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — zoeken / search' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context)
  // A search box takes any text: what it cannot use is ignored, never an error.
  const q = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 200)
  return { q, results: await search(context.db, actorOf(user), q) }
}

export default function Search() {
  const t = useT()
  const { q, results } = useLoaderData<typeof loader>()
  const total = results ? results.vacancies.length + results.employers.length + results.hires.length : 0
  return (
    <section className="page">
      <h1>{t('search.title')}</h1>
      <Form method="get" role="search" className="filters">
        <div className="field">
          <label htmlFor="search-page-q">{t('search.label')}</label>
          <input id="search-page-q" name="q" type="search" defaultValue={q} />
        </div>
        <div className="field">
          <button type="submit" className="button">
            {t('search.submit')}
          </button>
        </div>
      </Form>
      {results === null ? <p>{t('search.hint')}</p> : total === 0 ? <p data-testid="no-results">{t('search.none', { q })}</p> : null}
      {results && results.vacancies.length > 0 ? (
        <section aria-labelledby="found-vacancies">
          <h2 id="found-vacancies">{t('search.vacancies', { count: results.vacancies.length })}</h2>
          <ul className="todo-list" data-found="vacancies">
            {results.vacancies.map((v) => (
              <li key={v.id}>
                <Link to={`/vacancies/${v.id}`}>{v.title}</Link>
                <div className="todo-list__detail">
                  {v.employer}
                  {v.municipality ? ` · ${v.municipality}` : ''} · {t(`vacancy.status.${v.status}` as MessageKey)}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {results && results.employers.length > 0 ? (
        <section aria-labelledby="found-employers">
          <h2 id="found-employers">{t('search.employers', { count: results.employers.length })}</h2>
          <ul className="todo-list" data-found="employers">
            {results.employers.map((e) => (
              <li key={e.id}>
                <Link to={`/dashboard#employer-${e.id}`}>{e.name}</Link>
                {e.kvkNumber ? <div className="todo-list__detail">{t('dashboard.kvk')} {e.kvkNumber}</div> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {results && results.hires.length > 0 ? (
        <section aria-labelledby="found-hires">
          <h2 id="found-hires">{t('search.hires', { count: results.hires.length })}</h2>
          <ul className="todo-list" data-found="hires">
            {results.hires.map((h) => (
              <li key={h.id}>
                <Link to={`/hires/${h.id}`}>
                  {h.reference}
                  {h.firstName ? ` — ${h.firstName}` : ''}
                </Link>
                <div className="todo-list__detail">
                  {h.vacancy} · {h.employer}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  )
}

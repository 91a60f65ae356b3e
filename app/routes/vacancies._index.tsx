import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { SelectField, TextField } from '~/components/field'
import { actorOf, requirePermission } from '~/web/auth.server'
import { formValues, parseWithSchema } from '~/lib/forms'
import { formatDate, formatEuros } from '~/lib/i18n'
import { useLocale, useT } from '~/lib/i18n/react'
import { can } from '~/modules/authorisation/policy'
import { partyOf } from '~/modules/authorisation/roles'
import { sectors, hoursLabel } from '~/modules/vacancies/options'
import { vacancyListFiltersSchema } from '~/modules/vacancies/vacancies.schema'
import { listVacancies } from '~/modules/vacancies/vacancies.server'
import { vacancyStatuses } from '~/modules/vacancies/workflow'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — vacatures / vacancies' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, 'vacancies:view')
  const query = Object.fromEntries(new URL(request.url).searchParams)
  const parsed = parseWithSchema(vacancyListFiltersSchema, { ...query, limit: query.limit ?? '25' })
  // A hand-edited bad filter shows the first page unfiltered rather than an error page.
  const filters = parsed.success ? parsed.data : vacancyListFiltersSchema.parse({})
  const page = await listVacancies(context.db, actorOf(user), filters).catch(() =>
    listVacancies(context.db, actorOf(user), { ...filters, cursor: undefined }),
  )
  return {
    role: user.role,
    vacancies: page.data.map((v) => ({
      id: v.id,
      title: v.title,
      status: v.status,
      sector: v.sector,
      municipality: v.municipality,
      hoursMin: v.hoursMin,
      hoursMax: v.hoursMax,
      hourlyWageCents: v.hourlyWageCents,
      startDate: v.startDate,
      organisationName: v.organisationName,
    })),
    nextCursor: page.nextCursor,
  }
}

export default function Vacancies() {
  const t = useT()
  const locale = useLocale()
  const { role, vacancies, nextCursor } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const employer = partyOf(role) === 'employer'
  const filterValues = formValues(new URLSearchParams(params) as unknown as FormData)
  const nextParams = new URLSearchParams(params)
  if (nextCursor) nextParams.set('cursor', nextCursor)
  const firstParams = new URLSearchParams(params)
  firstParams.delete('cursor')
  return (
    <section className="page">
      <h1>{t('vacancy.listTitle')}</h1>
      <p>{employer ? t('vacancy.listIntroEmployer') : t('vacancy.listIntroIntermediary')}</p>
      {can(role, 'vacancies:edit') ? (
        <p>
          <Link className="button" to="/vacancies/new">
            {t('vacancy.new')}
          </Link>
        </p>
      ) : null}
      <Form method="get" className="filters" aria-label={t('vacancy.filters')}>
        <SelectField
          name="status"
          label={t('vacancy.field.status')}
          defaultValue={filterValues.status ?? ''}
          options={[{ value: '', label: t('vacancy.anyStatus') }, ...vacancyStatuses.map((s) => ({ value: s, label: t(`vacancy.status.${s}`) }))]}
        />
        <SelectField
          name="sector"
          label={t('vacancy.field.sector')}
          defaultValue={filterValues.sector ?? ''}
          options={[{ value: '', label: t('vacancy.anySector') }, ...sectors.map((s) => ({ value: s, label: t(`vacancy.sector.${s}`) }))]}
        />
        <TextField name="municipality" label={t('vacancy.field.municipality')} defaultValue={filterValues.municipality ?? ''} />
        <TextField name="startFrom" type="date" label={`${t('vacancy.field.startDate')} ≥`} defaultValue={filterValues.startFrom ?? ''} />
        <TextField name="startTo" type="date" label={`${t('vacancy.field.startDate')} ≤`} defaultValue={filterValues.startTo ?? ''} />
        <div className="field">
          <button type="submit" className="button button--secondary">
            {t('vacancy.filterApply')}
          </button>
        </div>
      </Form>
      {vacancies.length === 0 ? (
        <p>{t('vacancy.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('vacancy.field.title')}</th>
                {employer ? null : <th scope="col">{t('vacancy.employer')}</th>}
                <th scope="col">{t('vacancy.field.status')}</th>
                <th scope="col">{t('vacancy.field.sector')}</th>
                <th scope="col">{t('vacancy.field.municipality')}</th>
                <th scope="col">{t('vacancy.field.hours')}</th>
                <th scope="col">{t('vacancy.field.hourlyWageCents')}</th>
                <th scope="col">{t('vacancy.field.startDate')}</th>
              </tr>
            </thead>
            <tbody>
              {vacancies.map((v) => (
                <tr key={v.id}>
                  <td data-label={t('vacancy.field.title')}>
                    <Link to={`/vacancies/${v.id}`}>{v.title}</Link>
                  </td>
                  {employer ? null : <td data-label={t('vacancy.employer')}>{v.organisationName}</td>}
                  <td data-label={t('vacancy.field.status')}>
                    <span className={`status status--${v.status}`}>{t(`vacancy.status.${v.status}`)}</span>
                  </td>
                  <td data-label={t('vacancy.field.sector')}>{v.sector ? t(`vacancy.sector.${v.sector}`) : '—'}</td>
                  <td data-label={t('vacancy.field.municipality')}>{v.municipality ?? '—'}</td>
                  <td data-label={t('vacancy.field.hours')}>{v.hoursMin !== null && v.hoursMax !== null ? hoursLabel(t, v.hoursMin, v.hoursMax) : '—'}</td>
                  <td data-label={t('vacancy.field.hourlyWageCents')}>{v.hourlyWageCents !== null ? formatEuros(locale, v.hourlyWageCents) : '—'}</td>
                  <td data-label={t('vacancy.field.startDate')}>{v.startDate ? formatDate(locale, `${v.startDate}T12:00:00Z`) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="actions" aria-label={t('vacancy.listTitle')}>
        {params.get('cursor') ? <Link to={`?${firstParams}`}>{t('vacancy.firstPage')}</Link> : null}
        {nextCursor ? <Link to={`?${nextParams}`}>{t('vacancy.nextPage')}</Link> : null}
      </nav>
    </section>
  )
}

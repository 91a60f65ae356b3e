import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormErrorSummary, SelectField } from '~/components/field'
import { actorOf, requirePermission } from '~/web/auth.server'
import { handleForm } from '~/lib/form-action.server'
import { decodeCursor, encodeCursor } from '~/lib/keyset-cursor.server'
import { asFormFailure } from '~/lib/form-failure'
import type { MessageKey } from '~/lib/i18n'
import { useT } from '~/lib/i18n/react'
import { resolveLocale } from '~/lib/locale.server'
import { can } from '~/modules/authorisation/policy'
import { listCandidates } from '~/modules/speeddates/seats.server'
import { directMatchSchema } from '~/modules/twv/hires.schema'
import { createHire, hireProgress } from '~/modules/twv/hires.server'
import { listVacancies } from '~/modules/vacancies/vacancies.server'

const HIRES_PER_PAGE = 25

export const meta: MetaFunction = () => [{ title: 'Werkbrug — plaatsingen / hires' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, 'hires:view')
  const actor = actorOf(user)
  const manages = can(user.role, 'hires:manage')
  // Open matches by default, newest first, a page at a time: an intermediary's imported history
  // and finished placements are one link away, not in the way of today's work.
  const query = new URL(request.url).searchParams
  const all = query.get('show') === 'all'
  // A cursor we did not make (an old bookmark, a typo) starts at the top instead of failing.
  const before = decodeCursor(query.get('after') ?? '') ?? undefined
  const [rows, vacancies, candidates] = await Promise.all([
    hireProgress(context.db, actor, await resolveLocale(request, user.locale), undefined, { activeOnly: !all, before, limit: HIRES_PER_PAGE + 1 }),
    manages ? listVacancies(context.db, actor, { status: 'published', limit: 100 }) : Promise.resolve({ data: [] }),
    manages ? listCandidates(context.db, actor) : Promise.resolve([]),
  ])
  const hires = rows.slice(0, HIRES_PER_PAGE)
  return {
    manages,
    all,
    paged: Boolean(before),
    next: rows.length > HIRES_PER_PAGE ? encodeCursor(hires.at(-1)!) : null,
    hires: hires.map((h) => ({
      id: h.id,
      reference: h.reference,
      firstName: h.firstName,
      vacancyTitle: h.vacancyTitle,
      organisationName: h.organisationName,
      residenceStatus: h.residenceStatus,
      stepsDone: h.stepsDone,
      stepsTotal: h.stepsTotal,
      currentStep: h.currentStep,
      waitingOn: h.waitingOn,
    })),
    vacancies: vacancies.data.map((v) => ({ id: v.id, label: `${v.organisationName} — ${v.title}` })),
    candidates: candidates.map((c) => ({ id: c.id, label: c.firstName ? `${c.referenceCode} — ${c.firstName}` : c.referenceCode })),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, 'hires:manage')
  return handleForm(await request.formData(), directMatchSchema, async (input) => {
    const id = await createHire(context.db, actorOf(user), input)
    return redirect(`/hires/${id}?done=created`)
  })
}

export default function Hires() {
  const t = useT()
  const { manages, all, paged, next, hires, vacancies, candidates } = useLoaderData<typeof loader>()
  const failure = asFormFailure(useActionData<typeof action>())
  const show = all ? '?show=all' : ''
  return (
    <section className="page">
      <h1>{t('twv.hiresTitle')}</h1>
      <p>{t('twv.hiresIntro')}</p>
      <nav aria-label={t('twv.hiresShow')} className="actions">
        <Link to="/hires" aria-current={all ? undefined : 'page'}>
          {t('twv.hiresShowOpen')}
        </Link>
        <Link to="/hires?show=all" aria-current={all ? 'page' : undefined}>
          {t('twv.hiresShowAll')}
        </Link>
      </nav>
      {hires.length === 0 ? (
        <p>{paged ? t('twv.hiresNoMore') : all ? t('twv.hiresEmpty') : t('twv.hiresNoneOpen')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('twv.reference')}</th>
                <th scope="col">{t('twv.vacancy')}</th>
                {manages ? <th scope="col">{t('twv.employer')}</th> : null}
                <th scope="col">{t('twv.status')}</th>
                <th scope="col">{t('twv.progress')}</th>
                <th scope="col">{t('twv.waitingOn')}</th>
              </tr>
            </thead>
            <tbody>
              {hires.map((h) => (
                <tr key={h.id}>
                  <td data-label={t('twv.reference')}>
                    <Link to={`/hires/${h.id}`}>
                      {h.reference}
                      {h.firstName ? ` — ${h.firstName}` : ''}
                    </Link>
                  </td>
                  <td data-label={t('twv.vacancy')}>{h.vacancyTitle}</td>
                  {manages ? <td data-label={t('twv.employer')}>{h.organisationName}</td> : null}
                  <td data-label={t('twv.status')}>{t(`twv.status.${h.residenceStatus}`)}</td>
                  <td data-label={t('twv.progress')}>
                    {h.stepsDone}/{h.stepsTotal}
                  </td>
                  <td data-label={t('twv.waitingOn')}>{h.currentStep && h.waitingOn ? `${t(`twv.owner.${h.waitingOn}` as MessageKey)}: ${h.currentStep}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next || paged ? (
        <nav className="actions" aria-label={t('twv.hiresPages')}>
          {paged ? <Link to={`/hires${show}`}>{t('twv.hiresFirstPage')}</Link> : null}
          {next ? <Link to={`/hires?${new URLSearchParams({ ...(all ? { show: 'all' } : {}), after: next })}`}>{t('twv.hiresNextPage')}</Link> : null}
        </nav>
      ) : null}
      {manages && vacancies.length > 0 && candidates.length > 0 ? (
        <>
          <h2>{t('twv.directMatch')}</h2>
          <FormErrorSummary failure={failure} />
          <Form method="post" noValidate>
            <SelectField name="vacancyId" label={t('twv.vacancy')} failure={failure} options={vacancies.map((v) => ({ value: v.id, label: v.label }))} />
            <SelectField name="candidateId" label={t('sd.candidate')} failure={failure} options={candidates.map((c) => ({ value: c.id, label: c.label }))} />
            <SelectField
              name="residenceStatus"
              label={t('twv.status')}
              failure={failure}
              options={(['asylum_seeker', 'status_holder', 'unknown'] as const).map((s) => ({ value: s, label: t(`twv.status.${s}`) }))}
            />
            <button type="submit" className="button">
              {t('twv.createHire')}
            </button>
          </Form>
        </>
      ) : null}
    </section>
  )
}


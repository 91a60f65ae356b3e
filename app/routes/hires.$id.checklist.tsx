import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { actorOf, notFound, requirePermission } from '~/web/auth.server'
import type { MessageKey } from '~/lib/i18n'
import { useT } from '~/lib/i18n/react'
import { resolveLocale } from '~/lib/locale.server'
import { hireGuidance } from '~/modules/twv/hires.server'
import { SourceList } from '~/components/source-list'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — TWV-checklist' }]

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, 'hires:view')
  const id = z.uuid().safeParse(params.id)
  const result = id.success ? await hireGuidance(context.db, actorOf(user), id.data, await resolveLocale(request, user.locale)) : null
  if (!result) throw notFound()
  return result
}

/** The checklist as a page to print: the same content as the PDF. */
export default function PrintableChecklist() {
  const t = useT()
  const { hire, guidance } = useLoaderData<typeof loader>()
  return (
    <section className="page printable">
      <h1>Werkbrug — {t('twv.title')}</h1>
      <dl className="facts">
        <dt>{t('dashboard.organisation')}</dt>
        <dd>{hire.organisationName}</dd>
        <dt>{t('twv.vacancy')}</dt>
        <dd>{hire.vacancyTitle}</dd>
        <dt>{t('twv.reference')}</dt>
        <dd>{hire.reference}</dd>
        <dt>{t('twv.status')}</dt>
        <dd>{t(`twv.status.${hire.residenceStatus}`)}</dd>
      </dl>
      <h2>{t('twv.steps')}</h2>
      <ul className="checklist">
        {guidance.steps.map((step) => (
          <li key={step.key}>
            <span aria-hidden="true">{step.doneOn ? '☑' : '☐'}</span> <strong>{step.title}</strong> ({t(`twv.owner.${step.owner}` as MessageKey)})
            {step.doneOn ? ` — ${t('twv.doneOn', { doneDate: step.doneOn })}` : ''}
            <div>{step.body}</div>
          </li>
        ))}
      </ul>
      <h2>{t('twv.documents')}</h2>
      <ul className="checklist">
        {guidance.documents.map((d) => (
          <li key={d.key}>
            <span aria-hidden="true">☐</span> {d.title}
          </li>
        ))}
      </ul>
      <h2>{t('twv.sources')}</h2>
      <ul>
        {guidance.rulesUsed.map((r) => (
          <li key={r.key}>
            {r.title} ({t(`twv.policyStatus.${r.status}`)}, {t('twv.reviewed', { reviewedDate: r.reviewedOn })})
            <SourceList sources={r.sources} compact />
          </li>
        ))}
      </ul>
    </section>
  )
}

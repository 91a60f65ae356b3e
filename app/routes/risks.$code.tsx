import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { notFound, requireUser } from '~/lib/auth.server'
import { formatDate } from '~/lib/i18n'
import { useLocale, useT } from '~/lib/i18n/react'
import { listPolicyRules } from '~/modules/twv/policy.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — regel / rule' }]

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(request, context)
  const rule = (await listPolicyRules(context.db)).find((r) => r.key === `risk.${params.code}`)
  if (!rule) throw notFound()
  return { rule }
}

/** One risk rule in full: its explanation, advice, sources with line references, dates and status. */
export default function RiskRule() {
  const t = useT()
  const locale = useLocale()
  const { rule } = useLoaderData<typeof loader>()
  const nl = locale === 'nl'
  return (
    <section className="page">
      <h1>{t('risk.ruleTitle', { title: nl ? rule.titleNl : rule.titleEn })}</h1>
      <p>{nl ? rule.bodyNl : rule.bodyEn}</p>
      <p>
        <strong>{t('risk.mitigation')}:</strong> {String((nl ? rule.data.mitigationNl : rule.data.mitigationEn) ?? '')}
      </p>
      <dl className="facts">
        <dt>{t('policy.status')}</dt>
        <dd>{t(`twv.policyStatus.${rule.status}`)}</dd>
        {rule.effectiveFrom ? (
          <>
            <dt>{t('policy.effectiveFrom')}</dt>
            <dd>{formatDate(locale, `${rule.effectiveFrom}T12:00:00Z`)}</dd>
          </>
        ) : null}
        {rule.effectiveTo ? (
          <>
            <dt>{t('policy.effectiveTo')}</dt>
            <dd>{formatDate(locale, `${rule.effectiveTo}T12:00:00Z`)}</dd>
          </>
        ) : null}
        <dt>{t('policy.reviewedOn')}</dt>
        <dd>{formatDate(locale, `${rule.reviewedOn}T12:00:00Z`)}</dd>
      </dl>
      <h2>{t('risk.sources')}</h2>
      <ul>
        {((rule.data.sources as string[] | undefined) ?? [rule.source]).map((source) => (
          <li key={source}>{source}</li>
        ))}
      </ul>
    </section>
  )
}

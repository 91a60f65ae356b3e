import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { SourceList } from '~/components/source-list'
import { notFound, requireUser } from '~/web/auth.server'
import { formatDate } from '~/lib/i18n'
import { useLocale, useT } from '~/lib/i18n/react'
import { lastChanges, listPolicyRules } from '~/modules/policy/policy.server'
import { ruleOf } from '~/modules/policy/rule'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — regel / rule' }]

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(request, context)
  const [rules, changes] = await Promise.all([listPolicyRules(context.db), lastChanges(context.db)])
  const rule = ruleOf(rules, `risk.${params.code}`, 'risk')
  if (!rule) throw notFound()
  return { rule, lastChanged: changes.get(rule.key) ?? rule.updatedAt }
}

/**
 * One risk rule in full: the rule itself (not a vacancy's figures), the advice, its sources as
 * links, its dates and status, and when it last changed.
 */
export default function RiskRule() {
  const t = useT()
  const locale = useLocale()
  const { rule, lastChanged } = useLoaderData<typeof loader>()
  const nl = locale === 'nl'
  const date = (iso: string) => formatDate(locale, `${iso.slice(0, 10)}T12:00:00Z`)
  return (
    <section className="page">
      <h1>{t('risk.ruleTitle', { title: nl ? rule.titleNl : rule.titleEn })}</h1>
      <p>{nl ? rule.bodyNl : rule.bodyEn}</p>
      <p>
        <strong>{t('risk.mitigation')}:</strong> {nl ? rule.data.mitigationNl : rule.data.mitigationEn}
      </p>
      <dl className="facts">
        <dt>{t('policy.status')}</dt>
        <dd>{t(`twv.policyStatus.${rule.status}`)}</dd>
        {rule.effectiveFrom ? (
          <>
            <dt>{t('policy.effectiveFrom')}</dt>
            <dd>{date(rule.effectiveFrom)}</dd>
          </>
        ) : null}
        {rule.effectiveTo ? (
          <>
            <dt>{t('policy.effectiveTo')}</dt>
            <dd>{date(rule.effectiveTo)}</dd>
          </>
        ) : null}
        <dt>{t('policy.reviewedOn')}</dt>
        <dd>{date(rule.reviewedOn)}</dd>
        <dt>{t('policy.reviewBy')}</dt>
        <dd>{date(rule.reviewBy)}</dd>
        <dt>{t('policy.lastChangedLabel')}</dt>
        <dd>{date(lastChanged)}</dd>
      </dl>
      <h2>{t('risk.sources')}</h2>
      <SourceList sources={rule.sources} />
    </section>
  )
}

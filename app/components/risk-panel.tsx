import { Link } from '@remix-run/react'
import { useT } from '~/lib/i18n/react'
import type { PolicySource } from '~/modules/policy/schemas'
import { SourceList } from './source-list'

type PanelRisk = {
  code: string
  severity: 'high' | 'medium' | 'info'
  title: string
  explanation: string
  mitigation: string
  sources: PolicySource[]
  ruleStatus: 'in_force' | 'announced' | 'struck_down'
}

/** The risks with why, what to do and where it comes from; each links to its rule's page. */
export function RiskPanel({ title, risks, linkRules = true }: { title: string; risks: PanelRisk[]; /** Public pages: the rule pages need an account. */ linkRules?: boolean }) {
  const t = useT()
  return (
    <section className="risk-panel" aria-labelledby="risk-panel-title">
      <h2 id="risk-panel-title">{title}</h2>
      {risks.length === 0 ? (
        <p>{t('risk.none')}</p>
      ) : (
        <ul className="risks">
          {risks.map((risk) => (
            <li key={risk.code} className={`risk risk--${risk.severity}`} data-risk={risk.code}>
              <h3>
                <span className={`badge badge--${risk.severity}`}>{t(`risk.severity.${risk.severity}`)}</span> {risk.title}
              </h3>
              <p>{risk.explanation}</p>
              <p>
                <strong>{t('risk.mitigation')}:</strong> {risk.mitigation}
              </p>
              <p className="field__hint">
                {t('risk.sources')} — {t('risk.ruleStatus')}: {t(`twv.policyStatus.${risk.ruleStatus}`)}
              </p>
              <SourceList sources={risk.sources} compact />
              {linkRules ? (
                <p className="field__hint">
                  <Link to={`/risks/${risk.code}`}>{t('risk.readMore')}</Link>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

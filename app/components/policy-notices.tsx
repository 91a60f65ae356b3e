import { Link } from '@remix-run/react'
import { formatDate } from '~/lib/i18n'
import { useLocale, useT } from '~/lib/i18n/react'
import type { PolicyNotice } from '~/modules/risks/rule-changes.server'


/** Rule changes that touched this vacancy or match: which rule, when, and what it did here. */
export function PolicyNotices({ notices }: { notices: PolicyNotice[] }) {
  const t = useT()
  const locale = useLocale()
  if (notices.length === 0) return null
  return (
    <section className="notice" aria-labelledby="policy-notices-title" data-testid="policy-notices">
      <h2 id="policy-notices-title">{t('notice.title')}</h2>
      <ul>
        {notices.map((n) => (
          <li key={n.id}>
            {t('notice.item', { rule: locale === 'nl' ? n.titleNl : n.titleEn, changedDate: formatDate(locale, `${n.changedAt.slice(0, 10)}T12:00:00Z`) })}{' '}
            {t(`notice.effect.${n.effect}`)}
            {n.ruleKey.startsWith('risk.') ? (
              <>
                {' '}
                <Link to={`/risks/${n.ruleKey.slice(5)}`}>{t('risk.readMore')}</Link>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}

import { formatDate } from '~/lib/i18n'
import { useLocale, useT } from '~/lib/i18n/react'
import type { PolicySource } from '~/modules/policy/schemas'

/**
 * Where a rule comes from, in the reader's language: each source a link when it has one, the
 * report by section, the date it was read, and "unverified" where nobody could check it.
 */
export function SourceList({ sources, compact = false }: { sources: PolicySource[]; compact?: boolean }) {
  const t = useT()
  const locale = useLocale()
  return (
    <ul className={compact ? 'sources sources--compact' : 'sources'}>
      {sources.map((source, i) => (
        <li key={`${source.title}-${i}`} data-source-kind={source.kind} data-verified={source.verified}>
          {source.url ? (
            <a href={source.url} rel="noopener noreferrer external">
              {source.title}
            </a>
          ) : (
            <span>{source.title}</span>
          )}
          {source.section ? <> — {source.section}</> : null}
          {' '}
          <span className="field__hint">
            ({t(`source.kind.${source.kind}`)}
            {source.readOn ? <>, {t('source.readOn', { readDate: formatDate(locale, `${source.readOn}T12:00:00Z`) })}</> : null})
          </span>
          {!source.verified ? <strong className="badge badge--medium"> {t(`source.unverified.${source.kind === 'assumption' ? 'assumption' : 'other'}`)}</strong> : null}
        </li>
      ))}
    </ul>
  )
}

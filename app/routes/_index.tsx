import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { SourceList } from '~/components/source-list'
import { todayInAmsterdam } from '~/lib/dates'
import { formatDate, formatEuros } from '~/lib/i18n'
import { useLocale, useT } from '~/lib/i18n/react'
import { resolveLocale } from '~/lib/locale.server'
import type { PublicHandle } from '~/lib/meta'
import { localised, rulesOfKind } from '~/modules/policy/rule'
import { listPolicyRules } from '~/modules/policy/policy.server'
import { report } from '~/modules/policy/sources'
import { servingIntermediaries } from '~/modules/scan/scans.server'
import { plannedStart } from '~/modules/twv/guidance'
import { getOptionalUser } from '~/web/auth.server'

export const meta: MetaFunction = () => [
  { title: 'Werkbrug — mensen uit het azc aan het werk / hire people from reception centres' },
  { property: 'og:title', content: 'Werkbrug' },
  { property: 'og:type', content: 'website' },
  { property: 'og:description', content: 'Kan ik iemand uit het azc aannemen, wat komt erbij kijken en wat kan er misgaan? / Can I hire someone from a reception centre, what does it take, what can go wrong?' },
]

// The public front page: plain HTML and CSS, no JavaScript.
export const handle: PublicHandle = { hydrate: false }

// What the pilot says about why employers did not hire (§3.2.3.2, point 2): the number is the report's.
const PILOT_SOURCE = report('§3.2.3.2, punt 2 (BSN en TWV)')

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getOptionalUser(request, context)) throw redirect('/dashboard')
  const locale = await resolveLocale(request)
  const today = todayInAmsterdam()
  const [rules, intermediaries] = await Promise.all([listPolicyRules(context.db), servingIntermediaries(context.db, today)])
  const starts = { asylum: plannedStart('asylum_seeker', rules, today), statusHolder: plannedStart('status_holder', rules, today) }
  const leadSources = rulesOfKind(rules, 'lead_time').flatMap((r) => r.sources)
  // The risks employers met in the pilot, with what to do about each — the rules as they stand.
  const lessons = rulesOfKind(rules, 'risk')
    .filter((r) => r.status !== 'struck_down' || r.key === 'risk.24-week-rule')
    .map((r) => ({ key: r.key, title: localised(r, locale).title, status: r.status, mitigation: locale === 'nl' ? r.data.mitigationNl : r.data.mitigationEn, sources: r.sources }))
  return { starts, leadSources, lessons, intermediaries, pilotSource: PILOT_SOURCE }
}

export default function Home() {
  const t = useT()
  const locale = useLocale()
  const { starts, leadSources, lessons, intermediaries, pilotSource } = useLoaderData<typeof loader>()
  const day = (date: string) => formatDate(locale, `${date}T12:00:00Z`)
  const range = (s: typeof starts.asylum) => (s ? t('scan.startRange', { medianDate: day(s.median), p80Date: day(s.p80) }) : t('scan.startUnknown'))
  const fee = (line: { amountCents: number } | null) => (line ? formatEuros(locale, line.amountCents) : t('scan.noFee'))
  return (
    <section className="page public">
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('app.tagline')}</p>
      <p>{t('home.intro')}</p>
      <div className="actions">
        <Link className="button" to="/scan">
          {t('home.scanCta')}
        </Link>
        <Link className="button button--secondary" to="/register">
          {t('home.registerCta')}
        </Link>
        <Link to="/login">{t('home.loginCta')}</Link>
      </div>

      <h2>{t('home.howTitle')}</h2>
      <ol>
        {(['vacancy', 'speeddate', 'match', 'twv', 'start'] as const).map((step) => (
          <li key={step}>{t(`home.how.${step}`)}</li>
        ))}
      </ol>

      <h2>{t('home.whoTitle')}</h2>
      <ul>
        {(['employer', 'intermediary', 'uwv', 'coa'] as const).map((who) => (
          <li key={who}>{t(`home.who.${who}`)}</li>
        ))}
      </ul>

      <h2>{t('home.leadTitle')}</h2>
      <p>{t('home.leadBody', { asylum: range(starts.asylum), statusHolder: range(starts.statusHolder) })}</p>
      <SourceList sources={leadSources} compact />

      <h2>{t('home.lessonsTitle')}</h2>
      <p>{t('home.lessonsIntro')}</p>
      <SourceList sources={[pilotSource]} compact />
      <ul className="lessons">
        {lessons.map((lesson) => (
          <li key={lesson.key} data-lesson={lesson.key}>
            <strong>{lesson.title}</strong> ({t(`twv.policyStatus.${lesson.status}`)}) — {lesson.mitigation}
            <SourceList sources={lesson.sources} compact />
          </li>
        ))}
      </ul>

      <h2>{t('home.intermediariesTitle')}</h2>
      {intermediaries.length === 0 ? <p>{t('scan.noIntermediaries')}</p> : null}
      <ul>
        {intermediaries.map((i) => (
          <li key={i.id}>
            <strong>{i.name}</strong>: {i.locations.length > 0 ? t('scan.serves', { places: i.locations.map((l) => `${l.name} (${l.municipality})`).join(', ') }) : t('scan.servesUnknown')}{' '}
            {t('scan.fees', { booking: fee(i.bookingFee), placement: fee(i.placementFee) })}
          </li>
        ))}
      </ul>
      <p>
        <Link className="button" to="/scan">
          {t('home.scanCta')}
        </Link>
      </p>
    </section>
  )
}

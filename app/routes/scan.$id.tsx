import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { FormErrorSummary, Notice, TextField } from '~/components/field'
import { RiskPanel } from '~/components/risk-panel'
import { SourceList } from '~/components/source-list'
import { todayInAmsterdam } from '~/lib/dates'
import { formFailure, parseWithSchema } from '~/lib/forms'
import { asFormFailure } from '~/lib/form-failure'
import { formatDate, formatEuros, type MessageKey } from '~/lib/i18n'
import { useLocale, useT } from '~/lib/i18n/react'
import { resolveLocale } from '~/lib/locale.server'
import type { PublicHandle } from '~/lib/meta'
import { takeAttempt, waitMessage } from '~/lib/throttle.server'
import { emailField } from '~/modules/accounts/accounts.schema'
import { enqueueEmail } from '~/modules/email/outbox.server'
import { listPolicyRules } from '~/modules/policy/policy.server'
import { evaluateScan } from '~/modules/scan/scan'
import { getScan, servingIntermediaries } from '~/modules/scan/scans.server'
import { notFound } from '~/web/auth.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — uw quick scan / your quick scan' }, { name: 'robots', content: 'noindex' }]

export const handle: PublicHandle = {
  hydrate: false,
  description: { nl: 'Het resultaat van een quick scan: wie de baan kan doen, de stappen, de eerste werkdag en de risico’s.', en: 'The result of a quick scan: who can do the job, the steps, the first working day and the risks.' },
}

async function resultOf(request: Request, context: LoaderFunctionArgs['context'], id: string | undefined) {
  const scan = await getScan(context.db, id ?? '')
  if (!scan) throw notFound()
  const locale = await resolveLocale(request)
  const today = todayInAmsterdam()
  return { scan, result: evaluateScan(scan.answers, await listPolicyRules(context.db), today, locale), locale }
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const [{ scan, result }, intermediaries] = await Promise.all([resultOf(request, context, params.id), servingIntermediaries(context.db)])
  // The reception locations the employer gave a travel time for: the region of the job.
  const region = new Set(scan.answers.travelTimes.map((t) => t.receptionLocationId))
  const serving = intermediaries.map((i) => ({ ...i, servesRegion: i.locations.some((l) => region.has(l.id)) }))
  serving.sort((a, b) => Number(b.servesRegion) - Number(a.servesRegion))
  return { scan, result, intermediaries: serving }
}

const mailSchema = z.object({ email: emailField })

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { scan, result, locale } = await resultOf(request, context, params.id)
  const values = Object.fromEntries([...(await request.formData())].map(([k, v]) => [k, String(v)]))
  const parsed = parseWithSchema(mailSchema, values)
  if (!parsed.success) return data(formFailure(parsed.fieldErrors, values), { status: 400 })
  const throttled = await takeAttempt(context.db, 'scanMailByIp', context.clientIp)
  if (!throttled.allowed) return data(formFailure({ _form: waitMessage('errors.tooManyRequests', throttled) }, values), { status: 429 })
  await context.db.transaction((tx) =>
    enqueueEmail(tx, {
      template: 'quick-scan',
      to: parsed.data.email,
      locale,
      // The address is for this one email: the outbox forgets it once the email is sent.
      forgetRecipient: true,
      props: {
        title: scan.answers.title,
        url: new URL(`/scan/${scan.id}`, context.env.APP_URL).toString(),
        risks: result.risks.map((r) => r.title),
        starts: result.paths.flatMap((p) => (p.expected ? [{ path: p.path, median: p.expected.median, p80: p.expected.p80 }] : [])),
      },
    }),
  )
  return redirect(`/scan/${scan.id}?mailed=1`)
}

export default function ScanResult() {
  const t = useT()
  const locale = useLocale()
  const { scan, result, intermediaries } = useLoaderData<typeof loader>()
  const failure = asFormFailure(useActionData<typeof action>())
  const [params] = useSearchParams()
  const a = scan.answers
  const fee = (line: { amountCents: number } | null) => (line ? formatEuros(locale, line.amountCents) : t('scan.noFee'))
  return (
    <section className="page scan-result">
      <h1>{t('scan.resultTitle', { title: a.title ?? t('scan.untitled') })}</h1>
      {params.get('mailed') ? <Notice>{t('scan.mailed')}</Notice> : null}
      <p>
        {t('scan.summary', { min: a.hoursMin, max: a.hoursMax })}
        {a.shifts.length > 0 ? ` · ${a.shifts.map((s) => t(`vacancy.shift.${s}`)).join(', ')}` : ''}
        {a.contractMonths ? ` · ${t('scan.months', { months: a.contractMonths })}` : ''}
        {a.startDate ? ` · ${t('vacancy.field.startDate')}: ${formatDate(locale, `${a.startDate}T12:00:00Z`)}` : ''}
      </p>

      <h2>{t('scan.whoTitle')}</h2>
      <ul data-testid="scan-who">
        {result.paths.map((p) => (
          <li key={p.path}>
            {t(p.path === 'asylum_seeker' ? 'scan.whoAsylum' : 'scan.whoStatusHolder')}
            {p.whoSources.length > 0 ? <SourceList sources={p.whoSources} compact /> : <p className="field__hint">{t('scan.whoNoSource')}</p>}
          </li>
        ))}
      </ul>

      <h2>{t('scan.startTitle')}</h2>
      <ul data-testid="scan-starts">
        {result.paths.map((p) => (
          <li key={p.path}>
            <strong>{t(`twv.status.${p.path}`)}:</strong>{' '}
            {p.expected ? t('scan.startRange', { medianDate: formatDate(locale, `${p.expected.median}T12:00:00Z`), p80Date: formatDate(locale, `${p.expected.p80}T12:00:00Z`) }) : t('scan.startUnknown')}
          </li>
        ))}
      </ul>
      <p className="field__hint">{t('scan.startBasis')}</p>

      <RiskPanel title={t('scan.risksTitle')} risks={result.risks} linkRules={false} />
      {result.notAsked.length > 0 ? (
        <section aria-labelledby="not-asked">
          <h2 id="not-asked">{t('scan.notAskedTitle')}</h2>
          <ul data-testid="scan-not-asked">
            {result.notAsked.map((n) => (
              <li key={n.code}>
                {n.title} — {t(`scan.notAsked.${n.field}` as MessageKey)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <h2>{t('scan.stepsTitle')}</h2>
      {result.paths.map((p) => (
        <section key={p.path} aria-labelledby={`steps-${p.path}`}>
          <h3 id={`steps-${p.path}`}>{t(`twv.status.${p.path}`)}</h3>
          <ol>
            {p.steps.map((step) => (
              <li key={step.key}>
                {step.title} — {t('twv.owner')}: {t(`twv.owner.${step.owner}` as MessageKey)}
                {step.p80Days !== null ? ` (${t('scan.p80Days', { days: step.p80Days })})` : ''}
                <SourceList sources={step.sources} compact />
              </li>
            ))}
          </ol>
        </section>
      ))}

      <h2>{t('scan.intermediariesTitle')}</h2>
      {intermediaries.length === 0 ? <p>{t('scan.noIntermediaries')}</p> : null}
      <ul className="intermediaries">
        {intermediaries.map((i) => (
          <li key={i.id} data-intermediary={i.name}>
            <strong>{i.name}</strong> {i.servesRegion ? <span className="badge badge--info">{t('scan.servesRegion')}</span> : null}
            <br />
            {i.locations.length > 0 ? t('scan.serves', { places: i.locations.map((l) => `${l.name} (${l.municipality})`).join(', ') }) : t('scan.servesUnknown')}
            <br />
            {t('scan.fees', { booking: fee(i.bookingFee), placement: fee(i.placementFee) })}
            <br />
            <Link className="button" to={`/register?scan=${scan.id}&intermediary=${i.id}`}>
              {t('scan.continueWith', { name: i.name })}
            </Link>
          </li>
        ))}
      </ul>

      <h2>{t('scan.keepTitle')}</h2>
      <p>{t('scan.print')}</p>
      <FormErrorSummary failure={failure} />
      <Form method="post" noValidate className="no-print">
        <TextField name="email" type="email" label={t('scan.mailLabel')} hint={t('scan.mailHint')} failure={failure} autoComplete="email" required />
        <button type="submit" className="button button--secondary">
          {t('scan.mailSubmit')}
        </button>
      </Form>
      <p className="field__hint">{t('scan.sourcesNote')}</p>
    </section>
  )
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { FormErrorSummary, Notice, SelectField, TextField } from '~/components/field'
import { FunnelChart } from '~/components/funnel-chart'
import { todayInAmsterdam } from '~/lib/dates'
import { handleForm } from '~/lib/form-action.server'
import { asFormFailure } from '~/lib/form-failure'
import { formFailure, parseWithSchema } from '~/lib/forms'
import { useT } from '~/lib/i18n/react'
import type { MessageKey } from '~/lib/i18n'
import { actorOf, requirePermission } from '~/web/auth.server'
import { approachOutcomes, breakdownDimensions, breakdownTable, type BreakdownDimension } from '~/modules/pipeline/categories'
import { percentage } from '~/modules/pipeline/funnel'
import { listApproaches, loadFunnel, recordApproach, recordTargetGroup } from '~/modules/pipeline/funnel.server'
import { historyColumns } from '~/modules/pipeline/history-columns'
import { importHistory } from '~/modules/pipeline/history-import.server'
import { approachFormSchema, funnelQuerySchema, targetGroupFormSchema, yearBefore } from '~/modules/pipeline/pipeline.schema'
import { listReceptionLocations } from '~/modules/vacancies/vacancies.server'
import { employerFunnel } from '~/modules/scan/funnel.server'
import { employerFunnelFigures } from '~/modules/scan/funnel-figures'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — rapportage / report' }]

/** A history file of a few thousand matches is well under this. */
const MAX_UPLOAD_BYTES = 5 * 1024 * 1024

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, 'pipeline:view')
  const today = todayInAmsterdam()
  const params = Object.fromEntries(new URL(request.url).searchParams)
  const parsed = parseWithSchema(funnelQuerySchema(today), { from: params.from ?? '', to: params.to ?? '', location: params.location ?? '' })
  // A period that does not parse is shown with its error; the report falls back to the last year.
  const query = parsed.success ? parsed.data : { from: yearBefore(today), to: today, location: null }
  const actor = actorOf(user)
  const [funnel, locations, approaches, employers] = await Promise.all([
    // The report is a heavy read that may be seconds behind: the replica, when there is one.
    loadFunnel(context.readDb, actor, { from: query.from, to: query.to, receptionLocationId: query.location }),
    listReceptionLocations(context.db),
    listApproaches(context.db, actor),
    employerFunnel(context.readDb, actor, { from: query.from, to: query.to }),
  ])
  return {
    funnel,
    employers,
    locations,
    approaches,
    today,
    query,
    queryFailure: parsed.success ? null : formFailure(parsed.fieldErrors, params),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, 'pipeline:manage')
  const actor = actorOf(user)
  if (Number(request.headers.get('Content-Length') ?? 0) > MAX_UPLOAD_BYTES) {
    return data(formFailure({ file: { key: 'errors.fileTooLarge' } }, {}), { status: 413 })
  }
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'import') {
    const file = formData.get('file')
    if (!(file instanceof File) || file.size === 0) return data(formFailure({ file: { key: 'errors.required' } }, {}), { status: 400 })
    const result = await importHistory(context.db, actor, await file.text())
    if (!result.ok) return data({ importErrors: result.errors.slice(0, 200), importErrorCount: result.errors.length }, { status: 400 })
    const done = new URLSearchParams({ imported: String(result.candidates), matches: String(result.matches), newCandidates: String(result.created.candidates), newMatches: String(result.created.matches), newEmployers: String(result.created.employers) })
    return redirect(`/reports?${done}`)
  }
  if (intent === 'target-group') {
    return handleForm(formData, targetGroupFormSchema, async (input) => {
      await recordTargetGroup(context.db, actor, input)
      return redirect('/reports?saved=target-group')
    })
  }
  return handleForm(formData, approachFormSchema, async (input) => {
    await recordApproach(context.db, actor, input)
    return redirect('/reports?saved=approach')
  })
}

export default function Reports() {
  const t = useT()
  const { funnel, employers, locations, approaches, today, query, queryFailure } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const importErrors = answer && 'importErrors' in answer ? answer : null
  const failure = asFormFailure(answer && !('importErrors' in answer) ? answer : undefined)
  const [params] = useSearchParams()
  const m = funnel.matches
  const csvHref = `/reports/funnel.csv?${new URLSearchParams({ from: query.from, to: query.to, ...(query.location ? { location: query.location } : {}) })}`
  const row = (label: string, value: number | string, level = 0) => (
    <tr key={label}>
      <th scope="row" className={level ? `report-indent-${level}` : undefined}>
        {label}
      </th>
      <td className="number" data-label={t('report.count')}>
        {value}
      </td>
    </tr>
  )
  return (
    <section className="page">
      <h1>{t('report.title')}</h1>
      <p>{t('report.intro')}</p>
      {params.get('imported') ? (
        <Notice>
          {t('report.importDone', {
            candidates: params.get('imported')!,
            matches: params.get('matches') ?? '0',
            newCandidates: params.get('newCandidates') ?? '0',
            newMatches: params.get('newMatches') ?? '0',
            newEmployers: params.get('newEmployers') ?? '0',
          })}
        </Notice>
      ) : null}
      {params.get('saved') ? <Notice>{t('report.saved')}</Notice> : null}

      <Form method="get" className="filters" noValidate>
        <FormErrorSummary failure={queryFailure} />
        <div className="field-row">
          <TextField name="from" type="date" label={t('report.from')} failure={queryFailure} defaultValue={query.from} />
          <TextField name="to" type="date" label={t('report.to')} failure={queryFailure} defaultValue={query.to} />
          <SelectField
            name="location"
            label={t('report.location')}
            failure={queryFailure}
            defaultValue={query.location ?? ''}
            options={[{ value: '', label: t('report.allLocations') }, ...locations.map((l) => ({ value: l.id, label: l.name }))]}
          />
        </div>
        <button type="submit" className="button">
          {t('report.show')}
        </button>
      </Form>

      {funnel.participants.total === 0 && m.total === 0 ? <p>{t('report.empty')}</p> : null}

      <FunnelChart
        title={t('report.chart')}
        description={t('report.chartDescription', { participants: funnel.participants.total, matches: m.total, placements: funnel.placements, working: m.working })}
        bars={[
          { label: t('report.participantsColumn'), value: funnel.participants.total },
          { label: t('report.matchesColumn'), value: m.total },
          { label: t('report.barPlacements'), value: funnel.placements },
          { label: t('report.barWorking'), value: m.working },
        ]}
      />

      <h2>{t('report.funnel')}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('report.category')}</th>
              <th scope="col" className="number">
                {t('report.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {funnel.targetGroup.residents !== null ? row(t('report.residents'), funnel.targetGroup.residents) : null}
            {row(t('report.targetGroup'), funnel.targetGroup.entered ? funnel.targetGroup.total : t('report.targetGroupNotEntered'))}
            {funnel.targetGroup.entered ? row(t('report.statusHolders'), funnel.targetGroup.statusHolders, 1) : null}
            {funnel.targetGroup.entered ? row(t('report.asylumSeekers'), funnel.targetGroup.asylumSeekers, 1) : null}
            {row(t('report.participants'), funnel.participants.total)}
            {row(t('report.stillLiving'), funnel.participants.stillLiving, 1)}
            {row(t('report.notYetPlaced'), funnel.participants.notYetPlaced, 2)}
            {row(t('report.matches'), m.total)}
            {row(t('report.working'), m.working, 1)}
            {row(t('report.waiting'), m.waiting, 1)}
            {row(t('report.notStarted'), m.notStarted, 1)}
            {row(t('report.stopped'), m.stopped, 1)}
            {row(t('report.stoppedTemporary'), m.stoppedTemporary, 2)}
            {row(t('report.stoppedOther'), m.stoppedOther, 2)}
            {row(t('report.placements'), funnel.placements)}
            {row(t('report.employersApproached'), funnel.employers.approached)}
            {row(t('report.employersWithPlacement'), funnel.employers.withPlacement)}
            {employerFunnelFigures(employers).map((figure) => row(t(figure.key), figure.count, figure.level))}
          </tbody>
        </table>
      </div>
      {m.repeatMatches > 0 ? <p>{t('report.matchesPeople', { matches: m.total, people: m.people })}</p> : null}

      <h3>{t('report.stopReasons')}</h3>
      <ul>
        {Object.entries(m.stoppedByReason)
          .filter(([, n]) => n > 0)
          .map(([reason, n]) => (
            <li key={reason}>
              {t(`pipeline.stopReason.${reason}` as MessageKey)}: {n}
            </li>
          ))}
      </ul>

      {(Object.keys(breakdownDimensions) as BreakdownDimension[]).map((dimension) => (
        <div key={dimension}>
          <h2>{t('report.breakdown', { dimension: t(`pipeline.dimension.${dimension}`), table: breakdownTable[dimension] })}</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('report.category')}</th>
                  <th scope="col" className="number">{`${t('report.participantsColumn')} (N=${funnel.participants.total})`}</th>
                  <th scope="col" className="number">{t('report.percent')}</th>
                  <th scope="col" className="number">{`${t('report.matchesColumn')} (N=${m.total})`}</th>
                  <th scope="col" className="number">{t('report.percent')}</th>
                </tr>
              </thead>
              <tbody>
                {funnel.breakdowns[dimension].map((r) => (
                  <BreakdownRow key={r.category} label={t(`pipeline.${dimension}.${r.category}` as MessageKey)} row={r} totals={{ participants: funnel.participants.total, matches: m.total }} />
                ))}
                {dimension === 'municipalLinkage'
                  ? funnel.linkedMunicipalities.map((r) => (
                      <BreakdownRow key={r.municipality} indent label={`${t('report.linkedMunicipalities')} ${r.municipality}`} row={r} totals={{ participants: funnel.participants.total, matches: m.total }} />
                    ))
                  : null}
              </tbody>
            </table>
          </div>
        </div>
      ))}

      <p>
        <a href={csvHref} download>
          {t('report.csv')}
        </a>
      </p>
      <p className="hint">{t('report.smallNumbers')}</p>

      <h2 id="import">{t('report.import')}</h2>
      <p>{t('report.importIntro')}</p>
      <p>
        {t('report.columns')}: <code>{historyColumns.join(', ')}</code>
      </p>
      {importErrors ? (
        <div className="alert alert--error" role="alert" tabIndex={-1}>
          <p>{t('report.importErrors')}</p>
          <ul>
            {importErrors.importErrors.map((e, i) => (
              <li key={i}>
                {t('report.importErrorLine', { line: e.line })}
                {e.column ? ` (${e.column})` : ''}: {t(e.message.key, e.message.params)}
              </li>
            ))}
          </ul>
          {importErrors.importErrorCount > importErrors.importErrors.length ? <p>{t('report.importMoreErrors', { count: importErrors.importErrorCount - importErrors.importErrors.length })}</p> : null}
        </div>
      ) : null}
      <Form method="post" encType="multipart/form-data" noValidate>
        <input type="hidden" name="intent" value="import" />
        <TextField name="file" type="file" accept=".csv,text/csv" label={t('report.importFile')} failure={failure} required />
        <button type="submit" className="button">
          {t('report.importButton')}
        </button>
      </Form>

      <h2>{t('report.targetGroupForm')}</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="target-group" />
        <div className="field-row">
          <SelectField name="receptionLocationId" label={t('report.location')} failure={failure} options={locations.map((l) => ({ value: l.id, label: l.name }))} required />
          <TextField name="referenceDate" type="date" label={t('report.referenceDate')} failure={failure} defaultValue={today} required />
        </div>
        <div className="field-row">
          <TextField name="residents" label={t('report.residents')} failure={failure} inputMode="numeric" />
          <TextField name="statusHolders" label={t('report.statusHoldersField')} failure={failure} inputMode="numeric" required />
          <TextField name="asylumSeekers" label={t('report.asylumSeekersField')} failure={failure} inputMode="numeric" required />
        </div>
        <button type="submit" className="button">
          {t('report.save')}
        </button>
      </Form>

      <h2>{t('report.approachForm')}</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="approach" />
        <div className="field-row">
          <TextField name="organisationName" label={t('report.organisationName')} failure={failure} required />
          <TextField name="approachedOn" type="date" label={t('report.approachedOn')} failure={failure} defaultValue={today} required />
          <SelectField name="outcome" label={t('report.outcome')} failure={failure} options={approachOutcomes.map((o) => ({ value: o, label: t(`pipeline.approachOutcome.${o}`) }))} />
        </div>
        <button type="submit" className="button">
          {t('report.save')}
        </button>
      </Form>
      {approaches.length > 0 ? (
        <ul>
          {approaches.map((a) => (
            <li key={a.id}>
              {a.approachedOn} — {a.organisationName} — {t(`pipeline.approachOutcome.${a.outcome}`)}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}

/** A category of a breakdown: counts and shares of participants and of matches. */
function BreakdownRow({ label, row, totals, indent = false }: { label: string; row: { participants: number; matches: number }; totals: { participants: number; matches: number }; indent?: boolean }) {
  const t = useT()
  return (
    <tr>
      <th scope="row" className={indent ? 'report-indent-1' : undefined}>
        {label}
      </th>
      <td className="number" data-label={t('report.participantsColumn')}>
        {row.participants}
      </td>
      <td className="number" data-label={`${t('report.participantsColumn')}: ${t('report.percent')}`}>
        {percentage(row.participants, totals.participants) ?? '–'}
      </td>
      <td className="number" data-label={t('report.matchesColumn')}>
        {row.matches}
      </td>
      <td className="number" data-label={`${t('report.matchesColumn')}: ${t('report.percent')}`}>
        {percentage(row.matches, totals.matches) ?? '–'}
      </td>
    </tr>
  )
}

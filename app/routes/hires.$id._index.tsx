import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { FormErrorSummary, Notice, SelectField, TextAreaField, TextField } from '~/components/field'
import { SourceList } from '~/components/source-list'
import { RiskPanel } from '~/components/risk-panel'
import { WeekChart } from '~/components/week-chart'
import { actorOf, notFound, requirePermission } from '~/web/auth.server'
import { todayInAmsterdam } from '~/lib/dates'
import { handleIntents, intent } from '~/lib/form-action.server'
import { notStartedReasons, stopReasons } from '~/modules/pipeline/categories'
import { matchStateOn } from '~/modules/pipeline/funnel'
import { recordMatchOutcome } from '~/modules/pipeline/outcomes.server'
import { aftercareOfHire, recordCheckIn } from '~/modules/pipeline/aftercare.server'
import { checkInSchema, matchOutcomeSchema } from '~/modules/pipeline/pipeline.schema'
import { formatDate, type MessageKey } from '~/lib/i18n'
import { useLocale, useT } from '~/lib/i18n/react'
import { resolveLocale } from '~/lib/locale.server'
import { can } from '~/modules/authorisation/policy'
import { documentTickSchema, hireFactsSchema, stepTickSchema } from '~/modules/twv/hires.schema'
import { placementFeeView } from '~/modules/payments/placement-fee.server'
import { hireGuidance, mayTick, tickDocument, tickStep, updateHireFacts } from '~/modules/twv/hires.server'
import { risksOfHire } from '~/modules/risks/risks.server'
import { noticesFor } from '~/modules/risks/rule-changes.server'
import { PolicyNotices } from '~/components/policy-notices'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Werkbrug — ${data?.hire.reference ?? ''}` }]

const idSchema = z.uuid()

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, 'hires:view')
  const id = idSchema.safeParse(params.id)
  const locale = await resolveLocale(request, user.locale)
  const result = id.success ? await hireGuidance(context.db, actorOf(user), id.data, locale) : null
  if (!result) throw notFound()
  const manages = can(user.role, 'hires:manage')
  const [risks, placementFee, notices, aftercare] = await Promise.all([
    risksOfHire(context.db, actorOf(user), result, locale),
    placementFeeView(context.db, result.hire.id),
    noticesFor(context.db, { hireId: result.hire.id }),
    // What the intermediary notes about how it goes is its own, not the employer's.
    manages ? aftercareOfHire(context.db, result.hire, result.rules) : null,
  ])
  return {
    ...result,
    notices,
    risks: risks?.risks ?? [],
    manages,
    tickable: Object.fromEntries(result.guidance.steps.map((step) => [step.key, mayTick(actorOf(user), step.owner)])),
    aftercare: aftercare ?? [],
    today: todayInAmsterdam(),
    placementFee,
    paymentsEnabled: context.env.paymentsEnabled,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, 'hires:view')
  const id = idSchema.safeParse(params.id)
  if (!id.success) throw notFound()
  const actor = actorOf(user)
  return handleIntents(
    await request.formData(),
    {
      facts: intent({
        schema: hireFactsSchema,
        run: async (facts) => {
          if (!can(user.role, 'hires:manage')) throw new Response('Forbidden', { status: 403 })
          if (!(await updateHireFacts(context.db, actor, id.data, facts))) throw notFound()
          return redirect(`/hires/${id.data}?done=saved`)
        },
      }),
      outcome: intent({
        schema: matchOutcomeSchema,
        run: async (input) => {
          if (!can(user.role, 'hires:manage')) throw new Response('Forbidden', { status: 403 })
          if (!(await recordMatchOutcome(context.db, actor, id.data, input))) throw notFound()
          return redirect(`/hires/${id.data}?done=outcome`)
        },
      }),
      checkIn: intent({
        schema: checkInSchema,
        run: async (input) => {
          if (!can(user.role, 'hires:manage')) throw new Response('Forbidden', { status: 403 })
          if (!(await recordCheckIn(context.db, actor, id.data, input))) throw notFound()
          return redirect(`/hires/${id.data}?done=checkIn#aftercare`)
        },
      }),
      tick: intent({
        schema: stepTickSchema,
        run: async ({ stepKey, doneOn }) => {
          const placementFee = context.env.paymentsEnabled ? { appUrl: context.env.APP_URL } : null
          if (!(await tickStep(context.db, actor, id.data, stepKey, doneOn, { placementFee }))) throw notFound()
          // Back to the step just ticked, not to the top of a long page.
          return redirect(`/hires/${id.data}?done=ticked&step=${encodeURIComponent(stepKey)}#${anchorOf(stepKey)}`)
        },
      }),
      document: intent({
        schema: documentTickSchema,
        run: async ({ documentKey, inHand }) => {
          if (!(await tickDocument(context.db, actor, id.data, documentKey, inHand))) throw notFound()
          return redirect(`/hires/${id.data}?done=${inHand ? 'documentTicked' : 'documentUnticked'}&step=${encodeURIComponent(documentKey)}#${anchorOf(documentKey)}`)
        },
      }),
    },
    'tick',
  )
}

/** "step.twv_application" → "step-twv_application": an id for the anchor a tick returns to. */
const anchorOf = (key: string) => key.replace('.', '-')

/** The official page or form a step names: its first verified https source. */
const officialLinkOf = (sources: { url: string | null; title: string; verified: boolean }[]) => sources.find((s) => s.verified && s.url?.startsWith('https://'))

const yesNo = (value: boolean | null) => (value === null ? '' : value ? 'yes' : 'no')

export default function Hire() {
  const t = useT()
  const locale = useLocale()
  const { hire, guidance, manages, tickable, aftercare, today, risks, placementFee, paymentsEnabled, notices } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const done = params.get('done')
  const justTicked = params.get('step')
  const factsFailure = actionData?.intent === 'facts' ? actionData : null
  const outcomeFailure = actionData?.intent === 'outcome' ? actionData : null
  const checkInFailure = actionData?.intent === 'checkIn' ? actionData : null
  const stepFailure = (key: string) => (actionData?.intent === 'tick' && actionData?.values.stepKey === key ? actionData : null)
  const openCheckIns = aftercare.filter((c) => c.state === 'due' || c.state === 'upcoming')
  const state = matchStateOn({ ...hire, candidateId: '', employerOrganisationId: '' }, today)
  const outcome = hire.endedOn ? 'stopped' : hire.notStartedOn ? 'not_started' : 'open'
  const triOptions = [
    { value: '', label: t('twv.unknown') },
    { value: 'yes', label: t('twv.yes') },
    { value: 'no', label: t('twv.no') },
  ]
  const ruleTitle = (key: string) => guidance.rulesUsed.find((r) => r.key === key)?.title ?? key
  return (
    <section className="page">
      {done && !justTicked ? <Notice>{t(`twv.done.${done}` as MessageKey)}</Notice> : null}
      <h1>
        {hire.reference}
        {hire.firstName ? ` — ${hire.firstName}` : ''}
      </h1>
      <dl className="facts">
        <dt>{t('twv.vacancy')}</dt>
        <dd>{hire.vacancyTitle}</dd>
        <dt>{t('twv.employer')}</dt>
        <dd>{hire.organisationName}</dd>
        <dt>{t('twv.status')}</dt>
        <dd>{t(`twv.status.${hire.residenceStatus}`)}</dd>
        <dt>{t('match.state')}</dt>
        <dd>
          {t(`match.state.${state}`)}
          {hire.endedOn && hire.stopReason ? ` — ${formatDate(locale, `${hire.endedOn}T12:00:00Z`)}, ${t(`pipeline.stopReason.${hire.stopReason}`)}` : ''}
          {hire.notStartedOn && hire.notStartedReason ? ` — ${formatDate(locale, `${hire.notStartedOn}T12:00:00Z`)}, ${t(`pipeline.notStartedReason.${hire.notStartedReason}`)}` : ''}
        </dd>
      </dl>
      {placementFee.charge ? (
        <p>
          {t('twv.placementFeeDue', { grossCents: placementFee.charge.grossCents, vatCents: placementFee.charge.vatCents })}{' '}
          <span className={`status status--${placementFee.charge.status}`}>{t(`payments.status.${placementFee.charge.status}`)}</span> —{' '}
          <Link to={`/payments/${placementFee.charge.id}`}>{t('sd.viewPayment')}</Link>
        </p>
      ) : placementFee.fee ? (
        <p className={paymentsEnabled ? undefined : 'alert alert--info'} role="note">
          {paymentsEnabled
            ? t('twv.placementFeeOn', { grossCents: placementFee.fee.grossCents, vatCents: placementFee.fee.vatCents })
            : t('twv.placementFeeOff', { amountCents: placementFee.fee.amountCents, vatCents: placementFee.fee.vatCents })}
        </p>
      ) : null}
      <p className="actions">
        <a className="button" href={`/hires/${hire.id}/checklist.pdf?lang=${locale}`} download>
          {t('twv.downloadPdf')}
        </a>
        <Link to={`/hires/${hire.id}/checklist`}>{t('twv.printable')}</Link>
      </p>

      <PolicyNotices notices={notices} />
      <h2 id="steps">{t('twv.steps')}</h2>
      <ol className="steps">
        {guidance.steps.map((step) => {
          const official = officialLinkOf(step.sources)
          return (
            <li key={step.key} id={anchorOf(step.key)} className={`step step--${step.state}`} tabIndex={-1}>
              <h3>{step.title}</h3>
              <p>
                {t('twv.owner')}: {t(`twv.owner.${step.owner}` as MessageKey)}
                {step.doneOn ? ` — ${t('twv.doneOn', { doneDate: step.doneOn })}` : ''}
              </p>
              {justTicked === step.key ? (
                <p className="alert alert--success" role="status">
                  {t('twv.done.ticked')}
                </p>
              ) : null}
              <p>{step.body}</p>
              {step.waitingDays !== null && step.decisionTermDays !== null ? (
                <p>{t('twv.waitingTerm', { days: step.waitingDays, term: step.decisionTermDays })}</p>
              ) : step.waitingDays !== null && step.p80Days !== null ? (
                <p>{t(step.p80AtLeast ? 'twv.waitingAtLeast' : 'twv.waiting', { days: step.waitingDays, p80: step.p80Days })}</p>
              ) : null}
              {official?.url ? (
                <p>
                  <a href={official.url} rel="noreferrer">
                    {t('twv.openSource', { title: official.title })}
                  </a>
                </p>
              ) : null}
              <details className="step__sources">
                <summary>{t('twv.sources')}</summary>
                <SourceList sources={step.sources} compact />
                <p className="field__hint">{t('twv.reviewed', { reviewedDate: step.reviewedOn })}</p>
              </details>
              {tickable[step.key] ? (
                <Form method="post" className="filters" noValidate>
                  <input type="hidden" name="intent" value="tick" />
                  <input type="hidden" name="stepKey" value={step.key} />
                  <TextField name="doneOn" scope={anchorOf(step.key)} type="date" label={t('twv.tickDate')} defaultValue={step.doneOn ?? today} max={today} failure={stepFailure(step.key)} />
                  <div className="field">
                    <button type="submit" className="button button--secondary" aria-label={t('twv.tickLabel', { step: step.title })}>
                      {t('twv.tick')}
                    </button>
                  </div>
                </Form>
              ) : (
                <>
                  {stepFailure(step.key)?.fieldErrors.doneOn ? (
                    <p className="alert alert--error" role="alert">
                      {t(stepFailure(step.key)!.fieldErrors.doneOn!.key)}
                    </p>
                  ) : null}
                  {step.doneOn ? null : <p className="field__hint">{t('twv.stepOwnedBy', { owner: t(`twv.owner.${step.owner}` as MessageKey) })}</p>}
                </>
              )}
            </li>
          )
        })}
      </ol>

      <h2 id="documents">{t('twv.documents')}</h2>
      <p>{t('twv.documentsProgress', { done: guidance.documents.filter((d) => d.checkedOn).length, total: guidance.documents.length })}</p>
      <ul className="documents">
        {guidance.documents.map((d) => (
          <li key={d.key} id={anchorOf(d.key)} className={d.checkedOn ? 'document document--in-hand' : 'document'} tabIndex={-1}>
            <Form method="post" className="document__form" noValidate>
              <input type="hidden" name="intent" value="document" />
              <input type="hidden" name="documentKey" value={d.key} />
              <input type="hidden" name="inHand" value={d.checkedOn ? 'no' : 'yes'} />
              <span className="document__title">
                {d.checkedOn ? <span aria-hidden="true">✓ </span> : null}
                {d.title}
                {d.checkedOn ? <span className="field__hint"> — {t('twv.documentCheckedOn', { checkedDate: d.checkedOn })}</span> : null}
              </span>
              <button type="submit" className="button button--secondary button--small" aria-label={t(d.checkedOn ? 'twv.documentUntick' : 'twv.documentTick', { document: d.title })}>
                {d.checkedOn ? t('twv.documentUntickShort') : t('twv.documentTickShort')}
              </button>
            </Form>
            {justTicked === d.key ? (
              <p className="alert alert--success" role="status">
                {t(done === 'documentUnticked' ? 'twv.done.documentUnticked' : 'twv.done.documentTicked')}
              </p>
            ) : null}
          </li>
        ))}
      </ul>

      <h2>{t('twv.expected')}</h2>
      {guidance.expected ? (
        <>
          <p>
            {t(guidance.expected.p80AtLeast ? 'twv.expectedRangeAtLeast' : 'twv.expectedRange', { medianDate: guidance.expected.median, p80Date: guidance.expected.p80 })} —{' '}
            {t(`twv.basis.${guidance.expected.basis}` as MessageKey)}
          </p>
          {guidance.expected.basis === 'pilot' ? <p className="field__hint">{t('twv.expectedAssumptions', { openPercent: Math.round(guidance.expected.open * 100) })}</p> : null}
          {guidance.expected.weeks.length > 0 ? <WeekChart weeks={guidance.expected.weeks} label={t('twv.chart')} weekLabel={(n) => t('twv.week', { n })} /> : null}
        </>
      ) : (
        <p>{hire.residenceStatus === 'unknown' ? t('twv.noDateUnknown') : t('twv.noDate')}</p>
      )}

      <details className="risk-fold" id="risks">
        <summary>
          {t('twv.risksFolded', { count: risks.length })}
          {risks.some((r) => r.severity === 'high') ? ` — ${risks.filter((r) => r.severity === 'high').map((r) => r.title).join('; ')}` : ''}
        </summary>
        <RiskPanel title={t('risk.panelHireTitle')} risks={risks} />
      </details>

      {guidance.eligibility ? (
        <>
          <h2>{t('twv.eligibility')}</h2>
          {guidance.eligibility.eligible === false ? (
            <p>{guidance.eligibility.eligibleFrom ? t('twv.eligibleFrom', { fromDate: guidance.eligibility.eligibleFrom }) : t('twv.notEligible')}</p>
          ) : null}
          <ul>
            {guidance.eligibility.conditions.map((c) => (
              <li key={c.key}>
                {ruleTitle(c.key)}: <strong>{t(`twv.condition.${c.state}`)}</strong>
                {c.from && c.state === 'not_met' ? ` (${t('twv.conditionFrom', { fromDate: c.from })})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {manages ? (
        <>
          <h2>{t('twv.facts')}</h2>
          <p>{t('twv.factsIntro')}</p>
          <FormErrorSummary failure={factsFailure} />
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="facts" />
            <SelectField
              name="residenceStatus"
              label={t('twv.status')}
              failure={factsFailure}
              defaultValue={hire.residenceStatus}
              options={(['asylum_seeker', 'status_holder', 'unknown'] as const).map((s) => ({ value: s, label: t(`twv.status.${s}`) }))}
            />
            <SelectField name="isAdult" label={t('twv.isAdult')} failure={factsFailure} defaultValue={yesNo(hire.isAdult)} options={triOptions} />
            <TextField name="asylumApplicationDate" type="date" label={t('twv.applicationDate')} failure={factsFailure} defaultValue={hire.asylumApplicationDate ?? ''} />
            <TextField name="wDocumentValidUntil" type="date" label={t('twv.wDocument')} failure={factsFailure} defaultValue={hire.wDocumentValidUntil ?? ''} />
            <SelectField name="dublinClaimant" label={t('twv.dublin')} failure={factsFailure} defaultValue={yesNo(hire.dublinClaimant)} options={triOptions} />
            <SelectField name="medicalResidenceGround" label={t('twv.medical')} failure={factsFailure} defaultValue={yesNo(hire.medicalResidenceGround)} options={triOptions} />
            <SelectField name="hasBsn" label={t('twv.hasBsn')} failure={factsFailure} defaultValue={yesNo(hire.hasBsn)} options={triOptions} />
            <SelectField
              name="permitChance"
              label={t('twv.permitChance')}
              hint={t('twv.permitChanceHint')}
              failure={factsFailure}
              defaultValue={hire.permitChance ?? ''}
              options={[
                { value: '', label: t('twv.permitChance.unknown') },
                { value: 'high', label: t('twv.permitChance.high') },
                { value: 'low', label: t('twv.permitChance.low') },
              ]}
            />
            <button type="submit" className="button">
              {t('twv.saveFacts')}
            </button>
          </Form>
        </>
      ) : null}

      {manages ? (
        <>
          <h2 id="aftercare">{t('aftercare.title')}</h2>
          {aftercare.length === 0 ? (
            <p>{t('aftercare.none')}</p>
          ) : (
            <>
              <p>{t('aftercare.intro', { rule: aftercare.map((c) => t('aftercare.week', { week: c.week })).join(', ') })}</p>
              <ul className="check-ins">
                {aftercare.map((c) => (
                  <li key={c.week} className={`check-in check-in--${c.state}`}>
                    <strong>{t('aftercare.week', { week: c.week })}</strong> — {t('aftercare.dueOn', { dueDate: formatDate(locale, `${c.dueOn}T12:00:00Z`) })} —{' '}
                    {c.state === 'done' && c.record?.doneOn ? t('aftercare.state.done', { doneDate: formatDate(locale, `${c.record.doneOn}T12:00:00Z`) }) : t(`aftercare.state.${c.state}`)}
                    {c.record?.doneOn ? (
                      <dl className="facts">
                        {c.record.dropoutRisk ? (
                          <>
                            <dt>{t('aftercare.dropoutRisk')}</dt>
                            <dd>{t(`aftercare.dropoutRisk.${c.record.dropoutRisk}`)}</dd>
                          </>
                        ) : null}
                        {c.record.howItGoes ? (
                          <>
                            <dt>{t('aftercare.howItGoes')}</dt>
                            <dd>{c.record.howItGoes}</dd>
                          </>
                        ) : null}
                        {c.record.agreed ? (
                          <>
                            <dt>{t('aftercare.agreed')}</dt>
                            <dd>{c.record.agreed}</dd>
                          </>
                        ) : null}
                      </dl>
                    ) : null}
                  </li>
                ))}
              </ul>
              {openCheckIns.length > 0 ? (
                <>
                  <h3>{t('aftercare.record')}</h3>
                  <FormErrorSummary failure={checkInFailure} />
                  <Form method="post" noValidate>
                    <input type="hidden" name="intent" value="checkIn" />
                    <div className="field-row">
                      <SelectField
                        name="week"
                        label={t('aftercare.weekField')}
                        failure={checkInFailure}
                        options={openCheckIns.map((c) => ({ value: String(c.week), label: `${t('aftercare.week', { week: c.week })} (${t(`aftercare.state.${c.state}`)})` }))}
                      />
                      <TextField name="doneOn" type="date" label={t('aftercare.doneOn')} failure={checkInFailure} defaultValue={today} max={today} required />
                      <SelectField
                        name="dropoutRisk"
                        label={t('aftercare.dropoutRisk')}
                        failure={checkInFailure}
                        required
                        options={(['low', 'medium', 'high'] as const).map((r) => ({ value: r, label: t(`aftercare.dropoutRisk.${r}`) }))}
                      />
                    </div>
                    <TextAreaField name="howItGoes" label={t('aftercare.howItGoes')} failure={checkInFailure} />
                    <TextAreaField name="agreed" label={t('aftercare.agreed')} failure={checkInFailure} />
                    <button type="submit" className="button">
                      {t('aftercare.save')}
                    </button>
                  </Form>
                </>
              ) : null}
            </>
          )}

          <h2 id="outcome">{t('match.outcomeTitle')}</h2>
          <p>{t('match.outcomeIntro')}</p>
          <FormErrorSummary failure={outcomeFailure} />
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="outcome" />
            <SelectField
              name="outcome"
              label={t('match.outcome')}
              failure={outcomeFailure}
              defaultValue={outcome}
              options={(['open', 'stopped', 'not_started'] as const).map((o) => ({ value: o, label: t(`match.outcome.${o}`) }))}
            />
            <fieldset>
              <legend>{t('match.outcome.stopped')}</legend>
              <div className="field-row">
                <TextField name="endedOn" type="date" label={t('match.endedOn')} failure={outcomeFailure} defaultValue={hire.endedOn ?? ''} max={today} />
                <SelectField
                  name="stopReason"
                  label={t('match.stopReason')}
                  failure={outcomeFailure}
                  defaultValue={hire.stopReason ?? ''}
                  options={[{ value: '', label: t('match.choose') }, ...stopReasons.map((r) => ({ value: r, label: t(`pipeline.stopReason.${r}`) }))]}
                />
              </div>
            </fieldset>
            <fieldset>
              <legend>{t('match.outcome.not_started')}</legend>
              <div className="field-row">
                <TextField name="notStartedOn" type="date" label={t('match.notStartedOn')} failure={outcomeFailure} defaultValue={hire.notStartedOn ?? ''} max={today} />
                <SelectField
                  name="notStartedReason"
                  label={t('match.notStartedReason')}
                  failure={outcomeFailure}
                  defaultValue={hire.notStartedReason ?? ''}
                  options={[{ value: '', label: t('match.choose') }, ...notStartedReasons.map((r) => ({ value: r, label: t(`pipeline.notStartedReason.${r}`) }))]}
                />
              </div>
            </fieldset>
            <TextAreaField name="outcomeNote" label={t('match.outcomeNote')} failure={outcomeFailure} defaultValue={hire.outcomeNote ?? ''} />
            <button type="submit" className="button">
              {t('match.saveOutcome')}
            </button>
          </Form>
        </>
      ) : null}

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

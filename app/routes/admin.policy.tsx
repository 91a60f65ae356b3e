import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { SourceList } from '~/components/source-list'
import { FormErrorSummary, Notice, SelectField, TextAreaField, TextField } from '~/components/field'
import { actorOf, notFound, requirePermission } from '~/web/auth.server'
import { todayInAmsterdam } from '~/lib/dates'
import { formFailure, formValues, parseWithSchema, type FormFailure } from '~/lib/forms'
import { useLocale, useT } from '~/lib/i18n/react'
import { lastChanges, loadPolicyRules, updatePolicyRule, type StoredRule } from '~/modules/policy/policy.server'
import { formToRuleInput, renameSourceErrors, ruleErrorsToFields, ruleToFormValues, SOURCE_ROWS_EXTRA } from '~/modules/policy/policy-form'
import { reviewDue } from '~/modules/policy/review'
import { policyKinds, policyStatuses, sourceKinds } from '~/modules/policy/kinds'
import { ruleContentSchema } from '~/modules/policy/schemas'
import { announceRuleChange } from '~/modules/risks/rule-changes.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — regels / rules' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, 'policy:manage')
  const [{ rules, invalid }, changes] = await Promise.all([loadPolicyRules(context.db), lastChanges(context.db)])
  const today = todayInAmsterdam()
  return {
    rules: rules.map((rule) => ({ rule, values: ruleToFormValues(rule), lastChanged: changes.get(rule.key) ?? null })),
    invalid,
    due: reviewDue(rules, invalid.map((i) => i.key), today),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, 'policy:manage')
  const values = formValues(await request.formData())
  const key = values.key ?? ''
  const { content, data: ruleData, rowOf, errors } = formToRuleInput(values)
  const parsed = parseWithSchema(ruleContentSchema, content)
  const refuse = (fieldErrors: FormFailure['fieldErrors']) => data({ key, ...formFailure(fieldErrors, values) }, { status: 400 })
  if (!parsed.success || Object.keys(errors).length > 0) return refuse(renameSourceErrors({ ...(parsed.success ? {} : parsed.fieldErrors), ...errors }, rowOf))
  const result = await updatePolicyRule(context.db, actorOf(user), key, { ...parsed.data, data: ruleData })
  if (!result.ok && result.notFound) throw notFound()
  if (!result.ok) return refuse(ruleErrorsToFields(result.issues, rowOf))
  const noticed = result.changeId ? await announceRuleChange(context.db, { changeId: result.changeId, ruleKey: key, before: result.before }, context.env.APP_URL) : 0
  return redirect(`/admin/policy?saved=${encodeURIComponent(key)}&noticed=${noticed}#${encodeURIComponent(key)}`)
}

export default function Policy() {
  const t = useT()
  const locale = useLocale()
  const { rules, invalid, due } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const titleOf = (key: string) => {
    const found = rules.find((r) => r.rule.key === key)?.rule ?? invalid.find((r) => r.key === key)
    return found ? (locale === 'nl' ? found.titleNl : found.titleEn) : key
  }
  return (
    <section className="page">
      <h1>{t('policy.title')}</h1>
      <p>{t('policy.intro')}</p>
      {params.get('saved') ? <Notice>{t('policy.saved', { count: Number(params.get('noticed') ?? 0) })}</Notice> : null}
      <section aria-labelledby="due-title">
        <h2 id="due-title">{t('policy.review.title', { count: due.length })}</h2>
        {due.length === 0 ? (
          <p>{t('policy.review.none')}</p>
        ) : (
          <ul data-testid="review-due">
            {due.map((item) => (
              <li key={`${item.key}-${item.reason}`} data-rule={item.key} data-reason={item.reason}>
                <a href={`#${item.key}`}>{titleOf(item.key)}</a>: {t(`policy.review.reason.${item.reason}`, { sinceDate: item.since ?? '' })}
              </li>
            ))}
          </ul>
        )}
      </section>
      {policyKinds.map((kind) => {
        const ofKind = rules.filter((r) => r.rule.kind === kind)
        if (ofKind.length === 0) return null
        return (
          <section key={kind} aria-labelledby={`kind-${kind}`}>
            <h2 id={`kind-${kind}`}>{t(`policy.kind.${kind}`)}</h2>
            {ofKind.map(({ rule, values, lastChanged }) => (
              <RuleForm key={rule.key} rule={rule} values={values} lastChanged={lastChanged} failure={actionData?.key === rule.key ? actionData : null} />
            ))}
          </section>
        )
      })}
    </section>
  )
}

function RuleForm({ rule, values, lastChanged, failure }: { rule: StoredRule; values: Record<string, string>; lastChanged: string | null; failure: FormFailure | null }) {
  const t = useT()
  const locale = useLocale()
  const scope = rule.key.replace(/\./g, '-')
  const shown = failure?.values ?? values
  const rows = Math.max(rule.sources.length, ...Object.keys(shown).flatMap((k) => (/^sources\.(\d+)\./.exec(k) ? [Number(/^sources\.(\d+)\./.exec(k)![1]) + 1] : []))) + SOURCE_ROWS_EXTRA
  const field = { scope, failure }
  return (
    <details id={rule.key} open={Boolean(failure)}>
      <summary>
        <strong>{locale === 'nl' ? rule.titleNl : rule.titleEn}</strong> — {t(`twv.policyStatus.${rule.status}`)} —{' '}
        {t('policy.reviewByShort', { reviewDate: rule.reviewBy })}
      </summary>
      <p className="field__hint">
        {lastChanged ? t('policy.lastChanged', { changedDate: lastChanged.slice(0, 10) }) : t('policy.neverChanged')}
      </p>
      <SourceList sources={rule.sources} compact />
      <FormErrorSummary failure={failure} scope={scope} />
      <Form method="post" noValidate>
        <input type="hidden" name="key" value={rule.key} />
        <TextField {...field} name="titleNl" label={t('policy.titleNl')} defaultValue={values.titleNl} required />
        <TextField {...field} name="titleEn" label={t('policy.titleEn')} defaultValue={values.titleEn} required />
        <TextAreaField {...field} name="bodyNl" label={t('policy.bodyNl')} defaultValue={values.bodyNl} rows={4} />
        <TextAreaField {...field} name="bodyEn" label={t('policy.bodyEn')} defaultValue={values.bodyEn} rows={4} />
        <fieldset>
          <legend>{t('policy.sources')}</legend>
          <p className="field__hint">{t('policy.sourcesHint')}</p>
          {Array.from({ length: rows }, (_, i) => (
            <fieldset key={i} className="source-row">
              <legend>{t('policy.sourceN', { n: i + 1 })}</legend>
              <SelectField
                {...field}
                name={`sources.${i}.kind`}
                label={t('policy.source.kind')}
                defaultValue={values[`sources.${i}.kind`] ?? 'official'}
                options={sourceKinds.map((k) => ({ value: k, label: t(`source.kind.${k}`) }))}
              />
              <TextField {...field} name={`sources.${i}.title`} label={t('policy.source.title')} defaultValue={values[`sources.${i}.title`] ?? ''} />
              <TextField {...field} name={`sources.${i}.url`} type="url" label={t('policy.source.url')} defaultValue={values[`sources.${i}.url`] ?? ''} />
              <div className="field-row">
                <TextField {...field} name={`sources.${i}.section`} label={t('policy.source.section')} defaultValue={values[`sources.${i}.section`] ?? ''} />
                <TextField {...field} name={`sources.${i}.readOn`} type="date" label={t('policy.source.readOn')} defaultValue={values[`sources.${i}.readOn`] ?? ''} />
              </div>
              <div className="field field--checkbox">
                <label className="checkbox">
                  <input type="checkbox" name={`sources.${i}.verified`} defaultChecked={(failure ? failure.values : values)[`sources.${i}.verified`] === 'on'} /> {t('policy.source.verified')}
                </label>
              </div>
            </fieldset>
          ))}
        </fieldset>
        <div className="field-row">
          <TextField {...field} name="effectiveFrom" type="date" label={t('policy.effectiveFrom')} defaultValue={values.effectiveFrom} />
          <TextField {...field} name="effectiveTo" type="date" label={t('policy.effectiveTo')} defaultValue={values.effectiveTo} />
        </div>
        <div className="field-row">
          <TextField {...field} name="reviewedOn" type="date" label={t('policy.reviewedOn')} defaultValue={values.reviewedOn} required />
          <TextField {...field} name="reviewBy" type="date" label={t('policy.reviewBy')} defaultValue={values.reviewBy} required />
        </div>
        <SelectField {...field} name="status" label={t('policy.status')} defaultValue={values.status} options={policyStatuses.map((s) => ({ value: s, label: t(`twv.policyStatus.${s}`) }))} />
        <TextAreaField {...field} name="data" label={t('policy.data')} hint={t('policy.dataHint')} defaultValue={values.data} rows={8} spellCheck={false} />
        <button type="submit" className="button">
          {t('policy.save')}
        </button>
      </Form>
    </details>
  )
}

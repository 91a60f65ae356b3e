import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { FormErrorSummary, Notice, SelectField, TextAreaField, TextField } from '~/components/field'
import { actorOf, notFound, requirePermission } from '~/lib/auth.server'
import { formFailure, formValues, parseWithSchema } from '~/lib/forms'
import { useT } from '~/lib/i18n/react'
import { policyEditSchema } from '~/modules/twv/hires.schema'
import { listPolicyRules, updatePolicyRule } from '~/modules/twv/policy.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — regels / rules' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, 'policy:manage')
  return { rules: await listPolicyRules(context.db) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, 'policy:manage')
  const values = formValues(await request.formData())
  const parsed = parseWithSchema(policyEditSchema, values)
  if (!parsed.success) return data({ key: values.key, ...formFailure(parsed.fieldErrors, values) }, { status: 400 })
  if (!(await updatePolicyRule(context.db, actorOf(user), values.key ?? '', parsed.data))) throw notFound()
  return redirect(`/admin/policy?saved=${encodeURIComponent(values.key ?? '')}#${encodeURIComponent(values.key ?? '')}`)
}

export default function Policy() {
  const t = useT()
  const { rules } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  return (
    <section className="page">
      <h1>{t('policy.title')}</h1>
      <p>{t('policy.intro')}</p>
      {params.get('saved') ? <Notice>{t('policy.saved')}</Notice> : null}
      {rules.map((rule) => {
        const failure = actionData?.key === rule.key ? actionData : null
        const scope = rule.key.replace(/\./g, '-')
        return (
          <details key={rule.key} id={rule.key} open={Boolean(failure)}>
            <summary>
              <strong>{rule.titleNl}</strong> — {rule.kind} — {t(`twv.policyStatus.${rule.status}`)} — {rule.source}
            </summary>
            <FormErrorSummary failure={failure} />
            <Form method="post" noValidate>
              <input type="hidden" name="key" value={rule.key} />
              <TextField scope={scope} name="titleNl" label={t('policy.titleNl')} defaultValue={rule.titleNl} failure={failure} required />
              <TextField scope={scope} name="titleEn" label={t('policy.titleEn')} defaultValue={rule.titleEn} failure={failure} required />
              <TextAreaField scope={scope} name="bodyNl" label={t('policy.bodyNl')} defaultValue={rule.bodyNl} failure={failure} rows={3} />
              <TextAreaField scope={scope} name="bodyEn" label={t('policy.bodyEn')} defaultValue={rule.bodyEn} failure={failure} rows={3} />
              <TextField scope={scope} name="source" label={t('policy.source')} defaultValue={rule.source} failure={failure} required />
              <div className="field-row">
                <TextField scope={scope} name="effectiveFrom" type="date" label={t('policy.effectiveFrom')} defaultValue={rule.effectiveFrom ?? ''} failure={failure} />
                <TextField scope={scope} name="effectiveTo" type="date" label={t('policy.effectiveTo')} defaultValue={rule.effectiveTo ?? ''} failure={failure} />
                <TextField scope={scope} name="reviewedOn" type="date" label={t('policy.reviewedOn')} defaultValue={rule.reviewedOn} failure={failure} required />
              </div>
              <SelectField
                scope={scope}
                name="status"
                label={t('policy.status')}
                defaultValue={rule.status}
                failure={failure}
                options={(['in_force', 'announced', 'struck_down'] as const).map((s) => ({ value: s, label: t(`twv.policyStatus.${s}`) }))}
              />
              <button type="submit" className="button">
                {t('policy.save')}
              </button>
            </Form>
          </details>
        )
      })}
    </section>
  )
}

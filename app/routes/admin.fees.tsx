import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { FormErrorSummary, Notice, SelectField, TextField } from '~/components/field'
import { actorOf, requirePermission } from '~/web/auth.server'
import { todayInAmsterdam } from '~/lib/dates'
import { handleForm } from '~/lib/form-action.server'
import { asFormFailure } from '~/lib/form-failure'
import { formatDate, formatEuros } from '~/lib/i18n'
import { useLocale, useT } from '~/lib/i18n/react'
import { cancellationPolicyInForce, setCancellationPolicy } from '~/modules/payments/cancellation-policy.server'
import { cancellationPolicyFormSchema, feeFormSchema } from '~/modules/payments/fees.schema'
import { feeHistory, setFee, stripeAccountOf } from '~/modules/payments/fees.server'
import { vatCents } from '~/modules/payments/vat'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — tarieven / fees' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, 'fees:manage')
  const [history, policy] = await Promise.all([feeHistory(context.db, actorOf(user)), cancellationPolicyInForce(context.db, user.organisationId)])
  return {
    policy,
    paymentsEnabled: context.env.paymentsEnabled,
    stripeAccount: await stripeAccountOf(context.db, user.organisationId),
    today: todayInAmsterdam(),
    history: history.map((f) => ({ ...f, vatCents: vatCents(f.amountCents, f.vatBasisPoints) })),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, 'fees:manage')
  const formData = await request.formData()
  if (formData.get('intent') === 'policy') {
    return handleForm(formData, cancellationPolicyFormSchema, async (input) => {
      await setCancellationPolicy(context.db, actorOf(user), input)
      return redirect('/admin/fees?saved=policy')
    })
  }
  return handleForm(formData, feeFormSchema, async (input) => {
    await setFee(context.db, actorOf(user), input)
    return redirect('/admin/fees?saved=1')
  })
}

export default function Fees() {
  const t = useT()
  const locale = useLocale()
  const { paymentsEnabled, stripeAccount, today, history, policy } = useLoaderData<typeof loader>()
  const failure = asFormFailure(useActionData<typeof action>())
  const [params] = useSearchParams()
  return (
    <section className="page">
      <h1>{t('fees.title')}</h1>
      <p>{t('fees.intro')}</p>
      {paymentsEnabled && !stripeAccount ? (
        <div className="alert alert--error" role="note">
          {t('fees.noStripeAccount')}
        </div>
      ) : null}
      {paymentsEnabled && stripeAccount ? <p>{t('fees.stripeAccount', { account: stripeAccount })}</p> : null}
      {paymentsEnabled ? null : (
        <div className="alert alert--info" role="note">
          {t('fees.paymentsOff')}
        </div>
      )}
      {params.get('saved') ? <Notice>{t(params.get('saved') === 'policy' ? 'fees.policySaved' : 'fees.saved')}</Notice> : null}
      <FormErrorSummary failure={failure} />
      <Form method="post" noValidate>
        <SelectField
          name="kind"
          label={t('fees.kind')}
          failure={failure}
          options={(['speeddate_booking', 'placement'] as const).map((k) => ({ value: k, label: t(`fees.kind.${k}`) }))}
        />
        <div className="field-row">
          <TextField name="amount" label={t('fees.amount')} failure={failure} inputMode="decimal" required />
          <TextField name="vatPercent" label={t('fees.vatPercent')} failure={failure} defaultValue="21" inputMode="decimal" required />
          <TextField name="effectiveFrom" type="date" label={t('fees.effectiveFrom')} failure={failure} defaultValue={today} required />
        </div>
        <button type="submit" className="button">
          {t('fees.save')}
        </button>
      </Form>
      <h2>{t('fees.policyTitle')}</h2>
      <p>
        {t(policy.isDefault ? 'fees.policyDefault' : 'fees.policyCurrent', { hours: policy.fullRefundHoursBefore, percent: policy.lateRefundPercent })}
      </p>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="policy" />
        <div className="field-row">
          <TextField name="policyHours" label={t('fees.policyHours')} failure={failure} defaultValue={String(policy.fullRefundHoursBefore)} inputMode="numeric" required />
          <TextField name="policyPercent" label={t('fees.policyPercent')} failure={failure} defaultValue={String(policy.lateRefundPercent)} inputMode="numeric" required />
          <TextField name="policyEffectiveFrom" type="date" label={t('fees.effectiveFrom')} failure={failure} defaultValue={today} required />
        </div>
        <button type="submit" className="button">
          {t('fees.policySave')}
        </button>
      </Form>
      <h2>{t('fees.history')}</h2>
      <ul>
        {history.map((fee) => (
          <li key={fee.id}>
            {t(`fees.kind.${fee.kind}`)}: {formatEuros(locale, fee.amountCents)} + {t('fees.vat', { vatCents: fee.vatCents })} —{' '}
            {t('fees.effectiveFrom')} {formatDate(locale, `${fee.effectiveFrom}T12:00:00Z`)} {fee.by ? `— ${t('fees.by', { name: fee.by })}` : ''}
          </li>
        ))}
      </ul>
    </section>
  )
}

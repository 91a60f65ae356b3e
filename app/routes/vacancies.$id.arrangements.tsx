import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { FormErrorSummary, SelectField, TextField } from '~/components/field'
import { actorOf, notFound, requirePermission } from '~/web/auth.server'
import { FieldValidationError } from '~/lib/errors.server'
import { asFormFailure } from '~/lib/form-failure'
import { formFailure, formValues, parseWithSchema } from '~/lib/forms'
import type { MessageKey } from '~/lib/i18n'
import { useT } from '~/lib/i18n/react'
import { resolveLocale } from '~/lib/locale.server'
import { coachProviders, languageSupports, payers, paymentMoments, travelModes, trialKinds } from '~/modules/risks/arrangements'
import { arrangementsFromForm, arrangementsToForm, arrangementsSchema } from '~/modules/risks/arrangements.schema'
import { getArrangements, saveArrangements } from '~/modules/risks/risks.server'
import { getVacancy } from '~/modules/vacancies/vacancies.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — regelingen / arrangements' }]

const idSchema = z.uuid()

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, 'vacancies:edit')
  const id = idSchema.safeParse(params.id)
  const vacancy = id.success ? await getVacancy(context.db, actorOf(user), id.data) : undefined
  if (!vacancy) throw notFound()
  const current = await getArrangements(context.db, actorOf(user), vacancy.id)
  return { title: vacancy.title, values: arrangementsToForm(current) }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, 'vacancies:edit')
  const id = idSchema.safeParse(params.id)
  if (!id.success) throw notFound()
  const values = formValues(await request.formData())
  try {
    const parsed = parseWithSchema(arrangementsSchema, arrangementsFromForm(values))
    if (!parsed.success) throw new FieldValidationError(parsed.fieldErrors)
    const saved = await saveArrangements(context.db, actorOf(user), { vacancyId: id.data }, parsed.data, await resolveLocale(request, user.locale))
    if (!saved) throw notFound()
    return redirect(`/vacancies/${id.data}?arranged=1`)
  } catch (error) {
    if (error instanceof FieldValidationError) return data(formFailure(error.fieldErrors, values), { status: 400 })
    throw error
  }
}

export default function Arrangements() {
  const t = useT()
  const { title, values } = useLoaderData<typeof loader>()
  const failure = asFormFailure(useActionData<typeof action>())
  const options = (list: readonly string[], prefix: string) => [
    { value: '', label: t('arr.notSet') },
    ...list.map((value) => ({ value, label: t(`${prefix}.${value}` as MessageKey) })),
  ]
  const field = (name: string) => ({ name, failure, defaultValue: values[name] ?? '' })
  return (
    <section className="page">
      <h1>{t('arr.editTitle', { title })}</h1>
      <p>{t('arr.intro')}</p>
      <FormErrorSummary failure={failure} />
      <Form method="post" noValidate>
        <fieldset>
          <legend>{t('arr.travel')}</legend>
          <SelectField {...field('travelMode')} label={t('arr.travelMode')} options={options(travelModes, 'arr.mode')} />
          <SelectField {...field('travelPayer')} label={t('arr.travelPayer')} options={options(payers, 'arr.payer')} />
          <div className="field-row">
            <TextField {...field('travelAmountCents')} label={t('arr.travelAmount')} inputMode="decimal" />
            <SelectField {...field('travelAmountUnit')} label={t('arr.travelAmountUnit')} options={options(['per_day', 'per_km'], 'arr.unit')} />
          </div>
          <div className="field-row">
            <SelectField {...field('travelPaid')} label={t('arr.travelPaid')} options={options(paymentMoments, 'arr.paid')} />
            <TextField {...field('travelPaidDaysAfter')} label={t('arr.travelPaidDaysAfter')} inputMode="numeric" />
          </div>
          <div className="field-row">
            <TextField {...field('travelDistanceKm')} label={t('arr.travelDistanceKm')} inputMode="numeric" />
            <TextField {...field('travelFareCentsPerDay')} label={t('arr.travelFare')} inputMode="decimal" />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('arr.coach')}</legend>
          <SelectField {...field('coachProvider')} label={t('arr.coachProvider')} options={options(coachProviders, 'arr.provider')} />
          <div className="field-row">
            <TextField {...field('coachHoursPerWeek')} label={t('arr.coachHours')} inputMode="numeric" />
            <TextField {...field('coachWeeks')} label={t('arr.coachWeeks')} inputMode="numeric" />
          </div>
          <TextField {...field('coachContact')} label={t('arr.coachContact')} />
        </fieldset>
        <fieldset>
          <legend>{t('arr.language')}</legend>
          <SelectField {...field('languageSupport')} label={t('arr.languageSupport')} options={options(languageSupports, 'arr.support')} />
          <SelectField {...field('languagePayer')} label={t('arr.languagePayer')} options={options(payers, 'arr.payer')} />
        </fieldset>
        <fieldset>
          <legend>{t('arr.trial')}</legend>
          <SelectField {...field('trialKind')} label={t('arr.trialKind')} options={options(trialKinds, 'arr.trial')} />
        </fieldset>
        <button type="submit" className="button">
          {t('arr.save')}
        </button>
      </Form>
    </section>
  )
}

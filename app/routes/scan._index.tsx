import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { isbot } from 'isbot'
import { FormErrorSummary, SelectField, TextField } from '~/components/field'
import { formFailure, parseWithSchema } from '~/lib/forms'
import { asFormFailure } from '~/lib/form-failure'
import { useT } from '~/lib/i18n/react'
import type { PublicHandle } from '~/lib/meta'
import { takeAttempt, waitMessage } from '~/lib/throttle.server'
import { scanAnswersSchema, scanFieldNames } from '~/modules/scan/scan.schema'
import { countScanStarted, saveScan } from '~/modules/scan/scans.server'
import { languageLevels, shiftKinds } from '~/modules/vacancies/options'
import { formToVacancyInput, toFormErrors, travelField } from '~/modules/vacancies/vacancy-form'
import { listReceptionLocations } from '~/modules/vacancies/vacancies.server'

export const meta: MetaFunction = () => [
  { title: 'Werkbrug — quick scan' },
  { property: 'og:title', content: 'Werkbrug — quick scan' },
  { property: 'og:type', content: 'website' },
]

// A public page: plain HTML, no JavaScript (the form posts as any form does).
export const handle: PublicHandle = {
  hydrate: false,
  description: {
    nl: 'Kan ik iemand uit het azc aannemen, wat komt erbij kijken en wat kan er misgaan? Beschrijf de baan in twee minuten, zonder account.',
    en: 'Can I hire someone from a reception centre, what does it take and what can go wrong? Describe the job in two minutes, without an account.',
  },
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  // A count of forms opened, nothing about who opened it; robots are not employers.
  if (!isbot(request.headers.get('user-agent') ?? '')) await countScanStarted(context.db)
  return { locations: await listReceptionLocations(context.db) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData()
  const values = Object.fromEntries([...formData].filter(([, v]) => typeof v === 'string')) as Record<string, string>
  const shifts = formData.getAll('shifts').map(String)
  const locations = await listReceptionLocations(context.db)
  const { input, preErrors } = formToVacancyInput(values, shifts, locations.map((l) => l.id))
  const throttled = await takeAttempt(context.db, 'scanByIp', context.clientIp)
  if (!throttled.allowed) return data(formFailure({ _form: waitMessage('errors.tooManyRequests', throttled) }, { ...values, shifts: shifts.join(',') }), { status: 429 })
  const answers = Object.fromEntries(scanFieldNames.map((name) => [name, input[name]]))
  const parsed = parseWithSchema(scanAnswersSchema, { ...answers, title: (values.title ?? '').trim() || null })
  if (!parsed.success || Object.keys(preErrors).length > 0) {
    const errors = parsed.success ? {} : toFormErrors(parsed.fieldErrors, input)
    return data(formFailure({ ...errors, ...preErrors }, { ...values, shifts: shifts.join(',') }), { status: 400 })
  }
  const id = await saveScan(context.db, parsed.data)
  return redirect(`/scan/${id}`)
}

export default function QuickScan() {
  const t = useT()
  const { locations } = useLoaderData<typeof loader>()
  const failure = asFormFailure(useActionData<typeof action>())
  const current = failure?.values ?? {}
  const currentShifts = (current.shifts ?? '').split(',')
  const field = (name: string) => ({ name, failure, defaultValue: current[name] ?? '' })
  return (
    <section className="page narrow">
      <h1>{t('scan.title')}</h1>
      <p className="lead">{t('scan.intro')}</p>
      <p>{t('scan.private')}</p>
      <FormErrorSummary failure={failure} />
      <Form method="post" noValidate>
        <TextField {...field('title')} label={t('scan.jobTitle')} hint={t('scan.jobTitleHint')} maxLength={200} />
        <div className="field-row">
          <TextField {...field('hoursMin')} label={t('vacancy.field.hoursMin')} inputMode="numeric" required />
          <TextField {...field('hoursMax')} label={t('vacancy.field.hoursMax')} inputMode="numeric" required />
        </div>
        <TextField {...field('contractMonths')} label={t('vacancy.field.contractMonths')} inputMode="numeric" />
        <fieldset className="checkbox-group">
          <legend>{t('vacancy.field.shifts')}</legend>
          {shiftKinds.map((shift) => (
            <label key={shift} className="checkbox">
              <input type="checkbox" name="shifts" value={shift} defaultChecked={currentShifts.includes(shift)} /> {t(`vacancy.shift.${shift}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('scan.travel')}</legend>
          <p className="field__hint">{t('scan.travelHint')}</p>
          {locations.map((location) => (
            <TextField key={location.id} {...field(travelField(location.id))} label={t('vacancy.travelFrom', { location: location.name })} inputMode="numeric" />
          ))}
        </fieldset>
        <SelectField
          {...field('englishLevel')}
          label={t('scan.english')}
          options={[{ value: '', label: t('vacancy.choose') }, ...languageLevels.map((level) => ({ value: level, label: t(`vacancy.level.${level}`) }))]}
        />
        <TextField {...field('startDate')} type="date" label={t('vacancy.field.startDate')} />
        <div className="actions">
          <button type="submit" className="button">
            {t('scan.submit')}
          </button>
          <Link to="/">{t('scan.back')}</Link>
        </div>
      </Form>
    </section>
  )
}

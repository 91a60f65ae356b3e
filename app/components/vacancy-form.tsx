import { Form } from '@remix-run/react'
import { FormErrorSummary, SelectField, TextAreaField, TextField, CheckboxField } from '~/components/field'
import type { FormFailure } from '~/lib/forms'
import { useT } from '~/lib/i18n/react'
import {
  candidateStatuses,
  contractTypes,
  languageLevels,
  sectors,
  shiftKinds,
} from '~/modules/vacancies/options'
import { travelField } from '~/modules/vacancies/vacancy-form'

type Props = {
  values: Record<string, string>
  shifts: string[]
  locations: { id: string; name: string }[]
  /** The minimum wage the check uses today, and an indexation whose amounts are missing. */
  wageNotice?: { minimumCents: number; sinceDate: string; dueDate: string | null } | null
  failure: FormFailure | null
  submitLabel: string
  // New vacancies of an employer that works with several intermediaries: which one reviews it.
  intermediaries?: { id: string; name: string }[]
}

/** The vacancy profile form, shared by "new" and "edit"; keeps what was typed after an error. */
export function VacancyForm({ values, shifts, locations, failure, submitLabel, intermediaries, wageNotice }: Props) {
  const t = useT()
  const current = failure ? failure.values : values
  const currentShifts = failure ? (failure.values.shifts ?? '').split(',') : shifts
  const field = (name: string) => ({ name, failure, defaultValue: current[name] ?? '' })
  const options = <T extends string>(values: readonly T[], prefix: string) => [
    { value: '', label: t('vacancy.choose') },
    ...values.map((value) => ({ value, label: t(`${prefix}.${value}` as never) })),
  ]
  const shiftError = failure?.fieldErrors.shifts
  return (
    <Form method="post" noValidate className="vacancy-form">
      <FormErrorSummary failure={failure} />
      <fieldset>
        <legend>{t('vacancy.section.job')}</legend>
        <TextField {...field('title')} label={t('vacancy.field.title')} required maxLength={200} />
        {intermediaries && intermediaries.length > 1 ? (
          <SelectField
            {...field('intermediaryOrganisationId')}
            label={t('vacancy.field.intermediary')}
            hint={t('vacancy.field.intermediaryHint')}
            required
            options={[{ value: '', label: t('vacancy.choose') }, ...intermediaries.map((i) => ({ value: i.id, label: i.name }))]}
          />
        ) : null}
        <SelectField {...field('sector')} label={t('vacancy.field.sector')} options={options(sectors, 'vacancy.sector')} />
        <TextAreaField {...field('tasks')} label={t('vacancy.field.tasks')} rows={4} />
        <SelectField {...field('candidateStatus')} label={t('vacancy.field.candidateStatus')} options={options(candidateStatuses, 'vacancy.candidate')} />
      </fieldset>

      <fieldset>
        <legend>{t('vacancy.section.location')}</legend>
        <TextField {...field('address')} label={t('vacancy.field.address')} autoComplete="street-address" />
        <TextField {...field('postcode')} label={t('vacancy.field.postcode')} autoComplete="postal-code" />
        <TextField {...field('municipality')} label={t('vacancy.field.municipality')} />
        <p className="field__hint">{t('vacancy.travelHint')}</p>
        {locations.map((location) => (
          <TextField
            key={location.id}
            {...field(travelField(location.id))}
            label={t('vacancy.travelFrom', { location: location.name })}
            inputMode="numeric"
          />
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('vacancy.section.terms')}</legend>
        <div className="field-row">
          <TextField {...field('hoursMin')} label={t('vacancy.field.hoursMin')} inputMode="numeric" hint={t('vacancy.hoursHint')} />
          <TextField {...field('hoursMax')} label={t('vacancy.field.hoursMax')} inputMode="numeric" />
        </div>
        <SelectField {...field('contractType')} label={t('vacancy.field.contractType')} options={options(contractTypes, 'vacancy.contract')} />
        <TextField {...field('contractMonths')} label={t('vacancy.field.contractMonths')} inputMode="numeric" />
        <fieldset className="checkbox-group" aria-describedby={shiftError ? 'field-shifts-error' : undefined}>
          <legend>{t('vacancy.field.shifts')}</legend>
          {shiftKinds.map((shift) => (
            <label key={shift} className="checkbox">
              <input type="checkbox" name="shifts" value={shift} defaultChecked={currentShifts.includes(shift)} />{' '}
              {t(`vacancy.shift.${shift}`)}
            </label>
          ))}
        </fieldset>
        <TextField {...field('hourlyWage')} label={t('vacancy.field.hourlyWage')} hint={[
            t('vacancy.wageHint'),
            wageNotice ? t('vacancy.minimumWageNotice', { minimumCents: wageNotice.minimumCents, sinceDate: wageNotice.sinceDate }) : '',
            wageNotice?.dueDate ? t('vacancy.minimumWageStale', { dueDate: wageNotice.dueDate, minimumCents: wageNotice.minimumCents }) : '',
          ]
            .filter(Boolean)
            .join(' ')}
          inputMode="decimal"
        />
        <CheckboxField name="forWorkersUnder21" label={t('vacancy.field.forWorkersUnder21')} defaultChecked={current.forWorkersUnder21 === 'on'} />
        <SelectField
          {...field('youngestAge')}
          label={t('vacancy.field.youngestAge')}
          options={[{ value: '', label: t('vacancy.choose') }, ...[15, 16, 17, 18, 19, 20].map((age) => ({ value: String(age), label: String(age) }))]}
        />
        <TextField {...field('startDate')} type="date" label={t('vacancy.field.startDate')} />
        <TextField {...field('positions')} label={t('vacancy.field.positions')} inputMode="numeric" />
      </fieldset>

      <fieldset>
        <legend>{t('vacancy.section.candidate')}</legend>
        <SelectField {...field('englishLevel')} label={t('vacancy.field.englishLevel')} options={options(languageLevels, 'vacancy.level')} />
        <SelectField {...field('dutchLevel')} label={t('vacancy.field.dutchLevel')} options={options(languageLevels, 'vacancy.level')} />
        <TextAreaField {...field('physicalDemands')} label={t('vacancy.field.physicalDemands')} rows={2} />
        <TextAreaField {...field('requirements')} label={t('vacancy.field.requirements')} rows={2} />
      </fieldset>

      <fieldset>
        <legend>{t('vacancy.section.trial')}</legend>
        <CheckboxField name="trialPlacementOffered" label={t('vacancy.field.trialPlacementOffered')} defaultChecked={current.trialPlacementOffered === 'on'} />
        <TextField {...field('trialPlacementWeeks')} label={t('vacancy.field.trialPlacementWeeks')} inputMode="numeric" />
      </fieldset>

      <div className="actions">
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </div>
    </Form>
  )
}

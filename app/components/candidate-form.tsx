import { Form } from '@remix-run/react'
import type { FormFailure } from '~/lib/forms'
import { useT } from '~/lib/i18n/react'
import { educationLevels, genders, municipalLinkages, residenceStatuses } from '~/modules/pipeline/categories'
import { FormErrorSummary, SelectField, TextAreaField, TextField } from './field'

export type CandidateFormValues = Record<string, unknown>

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '')

/** The intake: the pilot's categories, each with "unknown"; only the reference code is required. */
export function CandidateForm({
  values,
  failure,
  locations,
  submitLabel,
  today,
}: {
  values: CandidateFormValues
  failure: FormFailure | null
  locations: { id: string; name: string }[]
  submitLabel: string
  today: string
}) {
  const t = useT()
  const choice = (dimension: 'gender' | 'residenceStatus' | 'educationLevel' | 'municipalLinkage', options: readonly string[]) =>
    options.map((o) => ({ value: o, label: t(`pipeline.${dimension}.${o}` as never) }))
  const language = (dimension: 'englishLevel' | 'dutchLevel') => [
    { value: '', label: t(`pipeline.${dimension}.unknown`) },
    ...(['good', 'reasonable', 'a_little', 'none'] as const).map((o) => ({ value: o, label: t(`pipeline.${dimension}.${o}`) })),
  ]
  return (
    <>
      <FormErrorSummary failure={failure} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="intake" />
        <fieldset>
          <legend>{t('candidate.who')}</legend>
          <div className="field-row">
            <TextField name="referenceCode" label={t('candidate.referenceCode')} hint={t('candidate.referenceCodeHint')} failure={failure} defaultValue={text(values.referenceCode)} required autoComplete="off" />
            <TextField name="firstName" label={t('candidate.firstName')} failure={failure} defaultValue={text(values.firstName)} autoComplete="off" />
          </div>
          <div className="field-row">
            <SelectField
              name="receptionLocationId"
              label={t('report.location')}
              failure={failure}
              defaultValue={text(values.receptionLocationId)}
              options={[{ value: '', label: t('candidate.unknown') }, ...locations.map((l) => ({ value: l.id, label: l.name }))]}
            />
            <TextField name="intakeDate" type="date" label={t('candidate.intakeDate')} failure={failure} defaultValue={text(values.intakeDate)} max={today} />
            <TextField name="movedOutOn" type="date" label={t('candidate.movedOutOn')} failure={failure} defaultValue={text(values.movedOutOn)} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('candidate.attributes')}</legend>
          <div className="field-row">
            <SelectField name="residenceStatus" label={t('twv.status')} failure={failure} defaultValue={text(values.residenceStatus) || 'unknown'} options={choice('residenceStatus', residenceStatuses)} />
            <SelectField name="gender" label={t('candidate.gender')} failure={failure} defaultValue={text(values.gender) || 'unknown'} options={choice('gender', genders)} />
            <SelectField name="educationLevel" label={t('candidate.educationLevel')} failure={failure} defaultValue={text(values.educationLevel) || 'unknown'} options={choice('educationLevel', educationLevels)} />
          </div>
          <div className="field-row">
            <SelectField name="englishLevel" label={t('pipeline.dimension.englishLevel')} failure={failure} defaultValue={text(values.englishLevel)} options={language('englishLevel')} />
            <SelectField name="dutchLevel" label={t('pipeline.dimension.dutchLevel')} failure={failure} defaultValue={text(values.dutchLevel)} options={language('dutchLevel')} />
          </div>
          <div className="field-row">
            <SelectField name="municipalLinkage" label={t('candidate.municipalLinkage')} failure={failure} defaultValue={text(values.municipalLinkage) || 'unknown'} options={choice('municipalLinkage', municipalLinkages)} />
            <TextField name="linkedMunicipality" label={t('candidate.linkedMunicipality')} hint={t('candidate.linkedMunicipalityHint')} failure={failure} defaultValue={text(values.linkedMunicipality)} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('candidate.profile')}</legend>
          <p className="field__hint">{t('candidate.profileHint')}</p>
          <div className="field-row">
            <TextField name="languages" label={t('candidate.languages')} failure={failure} defaultValue={text(values.languages)} />
            <TextField name="hoursWanted" label={t('candidate.hoursWanted')} failure={failure} defaultValue={text(values.hoursWanted)} inputMode="numeric" />
          </div>
          <TextAreaField name="experience" label={t('candidate.experience')} failure={failure} defaultValue={text(values.experience)} />
          <TextAreaField name="skills" label={t('candidate.skills')} failure={failure} defaultValue={text(values.skills)} />
        </fieldset>
        <fieldset>
          <legend>{t('candidate.consent')}</legend>
          <p className="field__hint">{t('candidate.consentHint')}</p>
          <TextField name="consentPurpose" label={t('candidate.consentPurpose')} failure={failure} defaultValue={text(values.consentPurpose)} />
          <div className="field-row">
            <TextField name="consentGivenOn" type="date" label={t('candidate.consentGivenOn')} failure={failure} defaultValue={text(values.consentGivenOn)} max={today} />
            <TextField name="consentWithdrawnOn" type="date" label={t('candidate.consentWithdrawnOn')} failure={failure} defaultValue={text(values.consentWithdrawnOn)} max={today} />
          </div>
        </fieldset>
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </Form>
    </>
  )
}

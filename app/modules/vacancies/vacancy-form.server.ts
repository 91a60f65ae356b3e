import type { Db } from '#db/client.server'
import { FieldValidationError } from '~/lib/errors.server'
import { formFailure, formValues, parseWithSchema, type FormFailure } from '~/lib/forms'
import type { Actor } from '~/modules/authorisation'
import { formToVacancyInput, toFormErrors } from './vacancy-form'
import { vacancyCreateSchema } from './vacancies.schema'
import { createVacancy, listReceptionLocations, updateVacancy } from './vacancies.server'

export type SaveResult = { ok: true; id: string } | { ok: false; failure: FormFailure } | { ok: false; notFound: true }

/** The portal form's save: create a draft, or replace the profile of an editable one. */
export async function saveVacancyForm(db: Db, actor: Actor, formData: FormData, id?: string): Promise<SaveResult> {
  const values = formValues(formData)
  const locations = await listReceptionLocations(db)
  const shifts = formData.getAll('shifts').filter((s): s is string => typeof s === 'string')
  const { input, preErrors } = formToVacancyInput(values, shifts, locations.map((l) => l.id))
  const parsed = parseWithSchema(vacancyCreateSchema(), input)
  const errors = { ...(parsed.success ? {} : parsed.fieldErrors), ...preErrors }
  const refuse = (fieldErrors: typeof errors): SaveResult => ({
    ok: false,
    failure: formFailure(toFormErrors(fieldErrors, input), { ...values, shifts: shifts.join(',') }),
  })
  if (!parsed.success || Object.keys(preErrors).length > 0) return refuse(errors)
  try {
    if (!id) return { ok: true, id: await createVacancy(db, actor, parsed.data) }
    const updated = await updateVacancy(db, actor, id, { replace: parsed.data.fields })
    return updated ? { ok: true, id } : { ok: false, notFound: true }
  } catch (error) {
    if (error instanceof FieldValidationError) return refuse(error.fieldErrors)
    throw error
  }
}

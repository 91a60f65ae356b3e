import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { VacancyForm } from '~/components/vacancy-form'
import { actorOf, notFound, requirePermission } from '~/web/auth.server'
import { asFormFailure } from '~/lib/form-failure'
import { useT } from '~/lib/i18n/react'
import { vacancyToFormValues } from '~/modules/vacancies/vacancy-form'
import { saveVacancyForm } from '~/modules/vacancies/vacancy-form.server'
import { getVacancy, listReceptionLocations, minimumWageNotice } from '~/modules/vacancies/vacancies.server'
import { isEditable } from '~/modules/vacancies/workflow'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Werkbrug — ${data?.title ?? ''}` }]

const idSchema = z.uuid()

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, 'vacancies:edit')
  const id = idSchema.safeParse(params.id)
  const vacancy = id.success ? await getVacancy(context.db, actorOf(user), id.data) : undefined
  if (!vacancy) throw notFound()
  if (!isEditable(vacancy.status)) throw redirect(`/vacancies/${vacancy.id}`)
  return {
    title: vacancy.title,
    values: vacancyToFormValues(vacancy),
    shifts: vacancy.shifts,
    locations: await listReceptionLocations(context.db),
    wageNotice: await minimumWageNotice(context.db),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, 'vacancies:edit')
  const id = idSchema.safeParse(params.id)
  if (!id.success) throw notFound()
  const result = await saveVacancyForm(context.db, actorOf(user), await request.formData(), id.data)
  if (result.ok) return redirect(`/vacancies/${result.id}?saved=1`)
  if ('failure' in result) return data(result.failure, { status: 400 })
  throw notFound()
}

export default function EditVacancy() {
  const t = useT()
  const { title, values, shifts, locations, wageNotice } = useLoaderData<typeof loader>()
  const failure = asFormFailure(useActionData<typeof action>())
  return (
    <section className="page">
      <h1>{t('vacancy.editTitle', { title })}</h1>
      <p>{t('vacancy.formIntro')}</p>
      <VacancyForm values={values} shifts={shifts} locations={locations} wageNotice={wageNotice} failure={failure} submitLabel={t('common.save')} />
    </section>
  )
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { VacancyForm } from '~/components/vacancy-form'
import { actorOf, requirePermission } from '~/web/auth.server'
import { asFormFailure } from '~/lib/form-failure'
import { useT } from '~/lib/i18n/react'
import { blankVacancyForm } from '~/modules/vacancies/vacancy-form'
import { saveVacancyForm } from '~/modules/vacancies/vacancy-form.server'
import { listReceptionLocations, minimumWageNotice } from '~/modules/vacancies/vacancies.server'
import { linkedIntermediaries } from '~/modules/accounts/intermediaries.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — nieuwe vacature / new vacancy' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, 'vacancies:edit')
  const [locations, intermediaries, wageNotice] = await Promise.all([listReceptionLocations(context.db), linkedIntermediaries(context.db, actorOf(user)), minimumWageNotice(context.db)])
  return { locations, intermediaries, wageNotice }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, 'vacancies:edit')
  const result = await saveVacancyForm(context.db, actorOf(user), await request.formData())
  if (result.ok) return redirect(`/vacancies/${result.id}?saved=1`)
  if ('failure' in result) return data(result.failure, { status: 400 })
  throw new Response('Not found', { status: 404 })
}

export default function NewVacancy() {
  const t = useT()
  const { locations, intermediaries, wageNotice } = useLoaderData<typeof loader>()
  const failure = asFormFailure(useActionData<typeof action>())
  return (
    <section className="page">
      <h1>{t('vacancy.newTitle')}</h1>
      <p>{t('vacancy.formIntro')}</p>
      <VacancyForm values={blankVacancyForm} shifts={[]} locations={locations} intermediaries={intermediaries} wageNotice={wageNotice} failure={failure} submitLabel={t('vacancy.saveDraft')} />
    </section>
  )
}

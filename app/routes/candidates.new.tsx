import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { CandidateForm } from '~/components/candidate-form'
import { todayInAmsterdam } from '~/lib/dates'
import { handleForm } from '~/lib/form-action.server'
import { asFormFailure } from '~/lib/form-failure'
import { useT } from '~/lib/i18n/react'
import { actorOf, requirePermission } from '~/web/auth.server'
import { createIntake } from '~/modules/pipeline/candidates.server'
import { candidateIntakeSchema } from '~/modules/pipeline/pipeline.schema'
import { listReceptionLocations } from '~/modules/vacancies/vacancies.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — intake' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, 'pipeline:manage')
  return { locations: await listReceptionLocations(context.db), today: todayInAmsterdam() }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, 'pipeline:manage')
  return handleForm(await request.formData(), candidateIntakeSchema, async (input) => {
    const id = await createIntake(context.db, actorOf(user), input)
    return redirect(`/candidates/${id}?saved=1`)
  })
}

export default function NewCandidate() {
  const t = useT()
  const { locations, today } = useLoaderData<typeof loader>()
  const failure = asFormFailure(useActionData<typeof action>())
  return (
    <section className="page">
      <h1>{t('candidate.new')}</h1>
      <p>{t('candidate.newIntro')}</p>
      <CandidateForm values={failure?.values ?? { intakeDate: today }} failure={failure} locations={locations} submitLabel={t('candidate.save')} today={today} />
    </section>
  )
}

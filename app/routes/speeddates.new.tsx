import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { FormErrorSummary, SelectField, TextAreaField, TextField } from '~/components/field'
import { actorOf, requirePermission } from '~/web/auth.server'
import { handleForm } from '~/lib/form-action.server'
import { asFormFailure } from '~/lib/form-failure'
import { useT } from '~/lib/i18n/react'
import { createSlot } from '~/modules/speeddates/slots.server'
import { slotCreateSchema } from '~/modules/speeddates/speeddates.schema'
import { listReceptionLocations } from '~/modules/vacancies/vacancies.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — nieuw speeddate-moment / new slot' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, 'speeddates:manage')
  return { locations: await listReceptionLocations(context.db) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, 'speeddates:manage')
  return handleForm(await request.formData(), slotCreateSchema, async (input) => {
    const id = await createSlot(context.db, actorOf(user), input)
    return redirect(`/speeddates/${id}?done=created`)
  })
}

export default function NewSlot() {
  const t = useT()
  const { locations } = useLoaderData<typeof loader>()
  const failure = asFormFailure(useActionData<typeof action>())
  return (
    <section className="page narrow">
      <h1>{t('sd.newTitle')}</h1>
      <FormErrorSummary failure={failure} />
      <Form method="post" noValidate>
        <TextField name="startsAt" type="datetime-local" label={t('sd.startsAt')} hint={t('sd.timesHint')} failure={failure} required />
        <TextField name="endsAt" type="datetime-local" label={t('sd.endsAt')} failure={failure} required />
        <SelectField
          name="placeKind"
          label={t('sd.placeKind')}
          failure={failure}
          defaultValue="reception_location"
          options={[
            { value: 'reception_location', label: t('sd.place.reception_location') },
            { value: 'employer_site', label: t('sd.place.employer_site') },
          ]}
        />
        <SelectField
          name="receptionLocationId"
          label={t('sd.receptionLocation')}
          failure={failure}
          options={[{ value: '', label: t('vacancy.choose') }, ...locations.map((l) => ({ value: l.id, label: l.name }))]}
        />
        <TextField name="placeAddress" label={t('sd.placeAddress')} failure={failure} />
        <TextField name="seats" label={t('sd.seats')} failure={failure} inputMode="numeric" defaultValue="8" required />
        <TextAreaField name="note" label={t('sd.note')} failure={failure} rows={2} />
        <button type="submit" className="button">
          {t('sd.publish')}
        </button>
      </Form>
    </section>
  )
}

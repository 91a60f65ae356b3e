import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { FormErrorSummary, Notice, TextAreaField, TextField } from '~/components/field'
import { actorOf, notFound, requirePermission } from '~/web/auth.server'
import { handleIntents, intent } from '~/lib/form-action.server'
import { useT } from '~/lib/i18n/react'
import { placeSchema, placeUpdateSchema } from '~/modules/places/places.schema'
import { createPlace, listPlaces, updatePlace } from '~/modules/places/places.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — locaties / locations' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, 'places:manage')
  return { places: await listPlaces(context.db) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, 'places:manage')
  const actor = actorOf(user)
  return handleIntents(await request.formData(), {
    update: intent({
      schema: placeUpdateSchema,
      run: async ({ placeId, ...input }) => {
        if (!(await updatePlace(context.db, actor, placeId, input))) throw notFound()
        return redirect(`/admin/locations?saved=${placeId}#place-${placeId}`)
      },
    }),
    create: intent({
      schema: placeSchema,
      run: async (input) => {
        const id = await createPlace(context.db, actor, input)
        return redirect(`/admin/locations?saved=${id}#place-${id}`)
      },
    }),
  })
}

type PlaceFields = { name: string; municipality: string; address: string | null; postcode: string | null; arrival: string | null; contact: string | null; accessibility: string | null }

function PlaceFieldset({ place, failure, scope }: { place: PlaceFields | null; failure: Parameters<typeof TextField>[0]['failure']; scope: string }) {
  const t = useT()
  return (
    <>
      <div className="field-row">
        <TextField name="name" scope={scope} label={t('places.name')} defaultValue={place?.name ?? ''} failure={failure} required />
        <TextField name="municipality" scope={scope} label={t('places.municipality')} defaultValue={place?.municipality ?? ''} failure={failure} required />
      </div>
      <div className="field-row">
        <TextField name="address" scope={scope} label={t('places.address')} defaultValue={place?.address ?? ''} failure={failure} />
        <TextField name="postcode" scope={scope} label={t('places.postcode')} defaultValue={place?.postcode ?? ''} failure={failure} />
      </div>
      <TextAreaField name="arrival" scope={scope} label={t('places.arrival')} hint={t('places.arrivalHint')} defaultValue={place?.arrival ?? ''} failure={failure} rows={3} />
      <TextField name="contact" scope={scope} label={t('places.contact')} hint={t('places.contactHint')} defaultValue={place?.contact ?? ''} failure={failure} />
      <TextAreaField name="accessibility" scope={scope} label={t('places.accessibility')} defaultValue={place?.accessibility ?? ''} failure={failure} rows={2} />
    </>
  )
}

export default function Locations() {
  const t = useT()
  const { places } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const saved = params.get('saved')
  const failureOf = (id: string | null) => (actionData && (id ? actionData.values.placeId === id : actionData.intent === 'create') ? actionData : null)
  return (
    <section className="page">
      <h1>{t('places.title')}</h1>
      <p>{t('places.intro')}</p>
      {places.map((place) => (
        <details key={place.id} id={`place-${place.id}`} open={saved === place.id || Boolean(failureOf(place.id))} className="place">
          <summary>
            <strong>{place.name}</strong> — {place.municipality}
            {place.address ? ` · ${place.address}` : ` · ${t('places.noAddress')}`}
          </summary>
          {saved === place.id ? <Notice>{t('places.saved')}</Notice> : null}
          <FormErrorSummary failure={failureOf(place.id)} />
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="update" />
            <input type="hidden" name="placeId" value={place.id} />
            <PlaceFieldset place={place} failure={failureOf(place.id)} scope={place.id} />
            <button type="submit" className="button">
              {t('places.save')}
            </button>
          </Form>
        </details>
      ))}
      <h2>{t('places.new')}</h2>
      <FormErrorSummary failure={failureOf(null)} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="create" />
        <PlaceFieldset place={null} failure={failureOf(null)} scope="new" />
        <button type="submit" className="button">
          {t('places.create')}
        </button>
      </Form>
    </section>
  )
}

import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { FormErrorSummary, Notice } from '~/components/field'
import { actorOf, requireUser } from '~/web/auth.server'
import { handleForm } from '~/lib/form-action.server'
import { asFormFailure } from '~/lib/form-failure'
import { useT } from '~/lib/i18n/react'
import { deliveries } from '~/modules/notifications/kinds'
import { pendingDigest } from '~/modules/notifications/digest.server'
import { preferencesSchema } from '~/modules/notifications/notifications.schema'
import { preferencesOf, savePreferences } from '~/modules/notifications/preferences.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — meldingen / notifications' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context)
  const [preferences, pending] = await Promise.all([preferencesOf(context.db, actorOf(user)), pendingDigest(context.db, user.id)])
  return { preferences, pending }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context)
  return handleForm(await request.formData(), preferencesSchema, async (choices) => {
    await savePreferences(context.db, actorOf(user), choices)
    return redirect('/settings/notifications?saved=1')
  })
}

export default function NotificationSettings() {
  const t = useT()
  const { preferences, pending } = useLoaderData<typeof loader>()
  const failure = asFormFailure(useActionData<typeof action>())
  const [params] = useSearchParams()
  return (
    <section className="page narrow">
      <h1>{t('notifications.title')}</h1>
      {params.get('saved') ? <Notice>{t('notifications.saved')}</Notice> : null}
      <p>{t('notifications.intro')}</p>
      {pending > 0 ? <p>{t('notifications.pending', { count: pending })}</p> : null}
      {preferences.length === 0 ? (
        <p>{t('notifications.none')}</p>
      ) : (
        <>
          <FormErrorSummary failure={failure} />
          <Form method="post" noValidate>
            {preferences.map((p) => (
              <fieldset key={p.kind} className="checkbox-group">
                <legend>{t(`notifications.kind.${p.kind}`)}</legend>
                {deliveries.map((delivery) => (
                  <label key={delivery} className="checkbox">
                    <input type="radio" name={p.kind} value={delivery} defaultChecked={p.delivery === delivery} /> {t(`notifications.delivery.${delivery}`)}
                  </label>
                ))}
              </fieldset>
            ))}
            <button type="submit" className="button">
              {t('notifications.save')}
            </button>
          </Form>
        </>
      )}
    </section>
  )
}

import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { FieldError, FormErrorSummary, Notice, TextField } from '~/components/field'
import { handleForm } from '~/lib/form-action.server'
import { asFormFailure } from '~/lib/form-failure'
import { formatDate, type MessageKey } from '~/lib/i18n'
import { useLocale, useT } from '~/lib/i18n/react'
import { createEndpoint, disableEndpoint, listEndpoints, recentDeliveries, rotateSecret, sendTestEvent, webhookTargetPolicy } from '~/modules/webhooks/endpoints.server'
import { endpointCreateSchema, subscribableEventTypes } from '~/modules/webhooks/webhooks.schema'
import { actorOf, notFound, requirePermission } from '~/web/auth.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — webhooks' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, 'webhooks:manage')
  const actor = actorOf(user)
  const [endpoints, deliveries] = await Promise.all([listEndpoints(context.db, actor), recentDeliveries(context.db, actor)])
  // From the loader, so the page's script does not bundle the zod schemas the list lives beside.
  return { endpoints, deliveries, eventTypes: subscribableEventTypes }
}

const endpointIntent = z.object({ intent: z.enum(['test', 'rotate', 'disable']), endpointId: z.uuid() })

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, 'webhooks:manage')
  const actor = actorOf(user)
  const formData = await request.formData()
  if (formData.get('intent') === 'create') {
    formData.delete('intent')
    formData.set('eventTypes', formData.getAll('eventTypes').join(','))
    return handleForm(formData, endpointCreateSchema, async (input) => {
      await createEndpoint(context.db, actor, input, webhookTargetPolicy(context.env))
      return redirect('/settings/webhooks?done=created')
    })
  }
  const parsed = endpointIntent.safeParse({ intent: formData.get('intent'), endpointId: formData.get('endpointId') })
  if (!parsed.success) throw new Response('Bad Request', { status: 400 })
  const act = { test: sendTestEvent, rotate: rotateSecret, disable: disableEndpoint }[parsed.data.intent]
  if (!(await act(context.db, actor, parsed.data.endpointId))) throw notFound()
  return redirect(`/settings/webhooks?done=${{ test: 'tested', rotate: 'rotated', disable: 'disabled' }[parsed.data.intent]}`)
}

export default function Webhooks() {
  const t = useT()
  const locale = useLocale()
  const { endpoints, deliveries, eventTypes } = useLoaderData<typeof loader>()
  const failure = asFormFailure(useActionData<typeof action>())
  const [params] = useSearchParams()
  const done = params.get('done')
  // After a refused form, the boxes as the user left them; on a fresh form, every event.
  const chosen = failure ? (failure.values.eventTypes ?? '').split(',').filter(Boolean) : null
  return (
    <section className="page">
      <h1>{t('webhooks.title')}</h1>
      {done && ['created', 'tested', 'rotated', 'disabled'].includes(done) ? <Notice>{t(`webhooks.${done}` as MessageKey)}</Notice> : null}
      <p>{t('webhooks.intro')}</p>
      <p>{t('webhooks.howToVerify')}</p>
      <h2>{t('webhooks.endpoints')}</h2>
      {endpoints.length === 0 ? <p>{t('webhooks.none')}</p> : null}
      {endpoints.map((endpoint) => (
        <article key={endpoint.id} className="card" data-endpoint={endpoint.id}>
          <h3>
            <code>{endpoint.url}</code>
          </h3>
          {endpoint.description ? <p>{endpoint.description}</p> : null}
          <p>
            {t('webhooks.events')}: {endpoint.eventTypes ? endpoint.eventTypes.map((type) => <code key={type}>{type} </code>) : t('webhooks.eventsAll')}
          </p>
          <details>
            <summary>{t('webhooks.showSecret')}</summary>
            <p>
              {t('webhooks.secret')}: <code className="secret">{endpoint.secret}</code>
            </p>
          </details>
          <div className="actions">
            {(['test', 'rotate', 'disable'] as const).map((intent) => (
              <Form method="post" key={intent}>
                <input type="hidden" name="endpointId" value={endpoint.id} />
                <button type="submit" name="intent" value={intent} className={intent === 'test' ? 'button' : 'button button--secondary'}>
                  {t(`webhooks.${intent}`)}
                </button>
              </Form>
            ))}
          </div>
        </article>
      ))}
      <h2>{t('webhooks.add')}</h2>
      <FormErrorSummary failure={failure} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="create" />
        <TextField name="url" type="url" label={t('webhooks.url')} failure={failure} required />
        <TextField name="description" label={t('webhooks.description')} failure={failure} />
        <fieldset id="field-eventTypes" className="checkbox-group" tabIndex={-1} aria-describedby={failure?.fieldErrors.eventTypes ? 'field-eventTypes-error' : undefined}>
          <legend>{t('webhooks.events')}</legend>
          {failure?.fieldErrors.eventTypes ? <FieldError id="field-eventTypes-error" message={failure.fieldErrors.eventTypes} /> : null}
          {eventTypes.map((type) => (
            <label key={type} className="checkbox">
              <input type="checkbox" name="eventTypes" value={type} defaultChecked={chosen === null || chosen.includes(type)} /> <code>{type}</code> — {t(`webhooks.type.${type}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button">
          {t('webhooks.add')}
        </button>
      </Form>
      <h2>{t('webhooks.deliveries')}</h2>
      {deliveries.length === 0 ? (
        <p>{t('webhooks.noDeliveries')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('webhooks.when')}</th>
                <th scope="col">{t('webhooks.event')}</th>
                <th scope="col">{t('webhooks.status')}</th>
                <th scope="col">{t('webhooks.attempts')}</th>
                <th scope="col">{t('webhooks.response')}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id} data-delivery={d.eventId}>
                  <td data-label={t('webhooks.when')}>{formatDate(locale, d.createdAt, true)}</td>
                  <td data-label={t('webhooks.event')}>
                    <code>{d.eventType}</code> <small>{d.url}</small>
                  </td>
                  <td data-label={t('webhooks.status')}>{t(`webhooks.status.${d.status}`, { when: formatDate(locale, d.nextAttemptAt, true) })}</td>
                  <td data-label={t('webhooks.attempts')}>{d.attempts}</td>
                  <td data-label={t('webhooks.response')}>{d.lastStatusCode ?? d.lastError ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

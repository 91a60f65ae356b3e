import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { FormErrorSummary, TextField } from '~/components/field'
import { actorOf, notFound, requirePermission } from '~/web/auth.server'
import { can } from '~/modules/authorisation/policy'
import { handleForm } from '~/lib/form-action.server'
import { asFormFailure } from '~/lib/form-failure'
import { formatDate } from '~/lib/i18n'
import { useLocale, useT } from '~/lib/i18n/react'
import { apiKeyCreateSchema } from '~/modules/api-keys/api-keys.schema'
import { createApiKey, listApiKeys, revokeApiKey } from '~/modules/api-keys/api-keys.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — API-sleutels / API keys' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, 'apiKeys:manage')
  return { keys: await listApiKeys(context.db, actorOf(user)), forIntermediary: can(user.role, 'pipeline:view'), canWebhooks: can(user.role, 'webhooks:manage') }
}

const revokeSchema = z.object({ keyId: z.uuid() })

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, 'apiKeys:manage')
  const formData = await request.formData()
  if (formData.get('intent') === 'revoke') {
    const parsed = revokeSchema.safeParse({ keyId: formData.get('keyId') })
    if (!parsed.success || !(await revokeApiKey(context.db, actorOf(user), parsed.data.keyId))) throw notFound()
    return { revoked: true as const }
  }
  return handleForm(formData, apiKeyCreateSchema, async (input) => {
    const created = await createApiKey(context.db, actorOf(user), input.name)
    return { createdKey: created.key, name: input.name }
  })
}

export default function ApiKeys() {
  const t = useT()
  const locale = useLocale()
  const { keys, forIntermediary, canWebhooks } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const failure = asFormFailure(actionData)
  const createdKey = actionData && 'createdKey' in actionData ? actionData.createdKey : null
  return (
    <section className="page">
      <h1>{t('apiKeys.title')}</h1>
      <p>{t(forIntermediary ? 'apiKeys.introIntermediary' : 'apiKeys.intro')}</p>
      <p>
        <Link to="/api-docs">{t('apiKeys.docsLink')}</Link>
        {canWebhooks ? (
          <>
            {' · '}
            <Link to="/settings/webhooks">{t('nav.webhooks')}</Link>
          </>
        ) : null}
      </p>
      {createdKey ? (
        <div className="alert alert--success" role="status">
          <p>{t('apiKeys.created')}</p>
          <code className="secret" data-testid="new-api-key">
            {createdKey}
          </code>
        </div>
      ) : null}
      <FormErrorSummary failure={failure} />
      <Form method="post" noValidate key={createdKey ?? 'new'}>
        <input type="hidden" name="intent" value="create" />
        <TextField name="name" label={t('apiKeys.name')} hint={t('apiKeys.nameHint')} failure={failure} required />
        <button type="submit" className="button">
          {t('apiKeys.create')}
        </button>
      </Form>
      <h2>{t('apiKeys.title')}</h2>
      {keys.length === 0 ? (
        <p>{t('apiKeys.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('apiKeys.name')}</th>
                <th scope="col">{t('apiKeys.prefix')}</th>
                <th scope="col">{t('apiKeys.createdAt')}</th>
                <th scope="col">{t('apiKeys.lastUsed')}</th>
                <th scope="col">{t('vacancy.field.status')}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key.id}>
                  <td data-label={t('apiKeys.name')}>{key.name}</td>
                  <td data-label={t('apiKeys.prefix')}>
                    <code>{key.prefix}…</code>
                  </td>
                  <td data-label={t('apiKeys.createdAt')}>{formatDate(locale, key.createdAt)}</td>
                  <td data-label={t('apiKeys.lastUsed')}>{key.lastUsedAt ? formatDate(locale, key.lastUsedAt, true) : t('apiKeys.never')}</td>
                  <td data-label={t('vacancy.field.status')}>
                    {key.revokedAt ? (
                      t('apiKeys.revoked')
                    ) : (
                      <Form method="post" className="inline-form">
                        {t('apiKeys.active')} ·{' '}
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="keyId" value={key.id} />
                        <button type="submit" className="button button--link" aria-label={t('apiKeys.revokeLabel', { name: key.name })}>
                          {t('apiKeys.revoke')}
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

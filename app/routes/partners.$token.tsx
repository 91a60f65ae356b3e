import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { actorOf, getOptionalUser, requirePermission } from '~/web/auth.server'
import { StateConflictError } from '~/lib/errors.server'
import { useT } from '~/lib/i18n/react'
import { acceptPartnerInvitation, findPartnerInvitation } from '~/modules/accounts/partners.server'
import { can } from '~/modules/authorisation/policy'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — samenwerken / work together' }]

/**
 * An intermediary's invitation to an employer. The employer's owner accepts it signed in; a
 * newcomer registers the organisation from here, and the registration makes the link.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const token = params.token ?? ''
  const [invitation, user] = await Promise.all([findPartnerInvitation(context.db, token), getOptionalUser(request, context)])
  return {
    intermediary: invitation?.intermediaryName ?? null,
    token: invitation ? token : null,
    signedIn: Boolean(user),
    canAccept: user ? can(user.role, 'intermediaries:link') : false,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, 'intermediaries:link')
  try {
    await acceptPartnerInvitation(context.db, actorOf(user), params.token ?? '')
  } catch (error) {
    if (error instanceof StateConflictError) return data({ closed: true as const }, { status: 409 })
    throw error
  }
  return redirect('/dashboard?linked=1')
}

export default function PartnerInvitation() {
  const t = useT()
  const { intermediary, token, signedIn, canAccept } = useLoaderData<typeof loader>()
  const closed = Boolean(useActionData<typeof action>())
  if (!intermediary || !token || closed) {
    return (
      <section className="page narrow">
        <h1>{t('partners.title')}</h1>
        <div className="alert alert--error" role="alert">
          {t('partners.invalid')}
        </div>
      </section>
    )
  }
  const here = `/partners/${encodeURIComponent(token)}`
  return (
    <section className="page narrow">
      <h1>{t('partners.title')}</h1>
      <p>{t('partners.intro', { intermediary })}</p>
      {canAccept ? (
        <Form method="post">
          <button type="submit" className="button">
            {t('partners.accept', { intermediary })}
          </button>
        </Form>
      ) : signedIn ? (
        <p>{t('partners.onlyOwner')}</p>
      ) : (
        <ul className="actions">
          <li>
            <Link className="button" to={`/register?partner=${encodeURIComponent(token)}`}>
              {t('partners.register')}
            </Link>
          </li>
          <li>
            <Link to={`/login?redirectTo=${encodeURIComponent(here)}`}>{t('partners.login')}</Link>
          </li>
        </ul>
      )}
    </section>
  )
}

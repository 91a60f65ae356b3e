import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { logIn } from '~/web/auth.server'
import { useT } from '~/lib/i18n/react'
import { confirmationTokenIsOpen, confirmEmail } from '~/modules/accounts/email-confirmation.server'
import { draftOfOrganisation } from '~/modules/scan/scans.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — e-mailadres bevestigen / confirm email address' }]

// Opening the link only shows a button: mail scanners that follow links must not spend it.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? ''
  const open = token !== '' && token.length <= 200 && (await confirmationTokenIsOpen(context.db, token))
  return { token: open ? token : null }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const token = String((await request.formData()).get('token') ?? '')
  const confirmed = token && token.length <= 200 ? await confirmEmail(context.db, token) : null
  if (!confirmed) return { invalid: true as const }
  // Registered from a quick scan: straight to the draft vacancy its answers made.
  const draft = await draftOfOrganisation(context.db, confirmed.organisationId)
  return logIn(context, confirmed.userId, draft ? `/vacancies/${draft}/edit` : '/dashboard')
}

export default function ConfirmEmail() {
  const t = useT()
  const { token } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <section className="page narrow">
      <h1>{t('confirmEmail.title')}</h1>
      {token && !result ? (
        <Form method="post">
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="button">
            {t('email.confirm.cta')}
          </button>
        </Form>
      ) : (
        <p>
          {t('confirmEmail.invalid')} <Link to="/login">{t('nav.login')}</Link>
        </p>
      )}
    </section>
  )
}

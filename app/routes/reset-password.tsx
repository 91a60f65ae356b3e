import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormErrorSummary, TextField } from '~/components/field'
import { handleForm } from '~/lib/form-action.server'
import { asFormFailure } from '~/lib/form-failure'
import { useT } from '~/lib/i18n/react'
import { passwordResetSchema } from '~/modules/accounts/accounts.schema'
import { resetPassword, resetTokenIsValid } from '~/modules/accounts/password-reset.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — nieuw wachtwoord / new password' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? ''
  const valid = token !== '' && (await resetTokenIsValid(context.db, token))
  return { token: valid ? token : null }
}

export async function action({ request, context }: ActionFunctionArgs) {
  return handleForm(await request.formData(), passwordResetSchema, async (input) => {
    const result = await resetPassword(context.db, input)
    if (!result.ok) return { invalidToken: true as const }
    return redirect('/login?reset=done')
  })
}

export default function ResetPassword() {
  const t = useT()
  const { token } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const failure = asFormFailure(actionData)
  const invalid = !token || (actionData && 'invalidToken' in actionData)
  return (
    <section className="page narrow">
      <h1>{t('reset.title')}</h1>
      {invalid ? (
        <>
          <div className="alert alert--error" role="alert">
            {t('reset.invalid')}
          </div>
          <Link to="/forgot-password">{t('reset.requestNew')}</Link>
        </>
      ) : (
        <>
          <FormErrorSummary failure={failure} />
          <Form method="post" noValidate>
            <input type="hidden" name="token" value={token} />
            <TextField name="password" type="password" label={t('reset.password')} hint={t('register.passwordHint')} failure={failure} required autoComplete="new-password" />
            <button type="submit" className="button">
              {t('reset.submit')}
            </button>
          </Form>
        </>
      )}
    </section>
  )
}

import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react'
import { FormErrorSummary, Notice, TextField } from '~/components/field'
import { logIn, requireAnonymous } from '~/web/auth.server'
import { handleForm } from '~/lib/form-action.server'
import { asFormFailure } from '~/lib/form-failure'
import { formFailure } from '~/lib/forms'
import { useT } from '~/lib/i18n/react'
import { loginSchema } from '~/modules/accounts/accounts.schema'
import { authenticate } from '~/modules/accounts/login.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — inloggen / log in' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAnonymous(request, context)
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request, context)
  const formData = await request.formData()
  // Where to go afterwards is not part of the credentials: whatever it holds, it only ever falls
  // back to the dashboard (safeRedirectPath), it never refuses a login.
  const redirectTo = formData.get('redirectTo')
  formData.delete('redirectTo')
  return handleForm(formData, loginSchema, async (input, values) => {
    const result = await authenticate(context.db, { ...input, ip: context.clientIp }, { appUrl: context.env.APP_URL })
    if (!result.ok) return data(formFailure({ _form: result.error }, values), { status: 400 })
    return logIn(context, result.userId, redirectTo)
  })
}

export default function Login() {
  const t = useT()
  const failure = asFormFailure(useActionData<typeof action>())
  const [params] = useSearchParams()
  return (
    <section className="page narrow">
      <h1>{t('login.title')}</h1>
      {params.get('reset') === 'done' ? <Notice>{t('login.resetDone')}</Notice> : null}
      <FormErrorSummary failure={failure} />
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
        <TextField name="email" type="email" label={t('login.email')} failure={failure} required autoComplete="username" />
        <TextField name="password" type="password" label={t('login.password')} failure={failure} required autoComplete="current-password" />
        <div className="actions">
          <button type="submit" className="button">
            {t('login.submit')}
          </button>
          <Link to="/forgot-password">{t('login.forgot')}</Link>
        </div>
      </Form>
      <p>
        <Link to="/register">{t('login.noAccount')}</Link>
      </p>
    </section>
  )
}

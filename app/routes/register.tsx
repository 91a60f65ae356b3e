import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { FormErrorSummary, TextField } from '~/components/field'
import { logIn, requireAnonymous } from '~/lib/auth.server'
import { handleForm } from '~/lib/form-action.server'
import { asFormFailure } from '~/lib/form-failure'
import { useT } from '~/lib/i18n/react'
import { resolveLocale } from '~/lib/locale.server'
import { registrationSchema } from '~/modules/accounts/accounts.schema'
import { registerEmployer } from '~/modules/accounts/registration.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — registreren / register' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAnonymous(request, context)
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request, context)
  const locale = await resolveLocale(request)
  return handleForm(await request.formData(), registrationSchema, async (input) => {
    const { userId } = await registerEmployer(context.db, input, locale)
    return logIn(context, userId, '/dashboard')
  })
}

export default function Register() {
  const t = useT()
  const failure = asFormFailure(useActionData<typeof action>())
  return (
    <section className="page narrow">
      <h1>{t('register.title')}</h1>
      <p>{t('register.intro')}</p>
      <FormErrorSummary failure={failure} />
      <Form method="post" noValidate>
        <TextField name="organisationName" label={t('register.organisationName')} failure={failure} required autoComplete="organization" />
        <TextField name="kvkNumber" label={t('register.kvkNumber')} hint={t('register.kvkHint')} failure={failure} required inputMode="numeric" />
        <TextField name="contactName" label={t('register.contactName')} failure={failure} required autoComplete="name" />
        <TextField name="email" type="email" label={t('register.email')} failure={failure} required autoComplete="email" />
        <TextField name="password" type="password" label={t('register.password')} hint={t('register.passwordHint')} failure={failure} required autoComplete="new-password" />
        <div className="actions">
          <button type="submit" className="button">
            {t('register.submit')}
          </button>
          <Link to="/login">{t('register.haveAccount')}</Link>
        </div>
      </Form>
    </section>
  )
}

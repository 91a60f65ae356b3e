import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { FormErrorSummary, TextField } from '~/components/field'
import { logIn } from '~/web/auth.server'
import { handleForm } from '~/lib/form-action.server'
import { asFormFailure } from '~/lib/form-failure'
import { useT } from '~/lib/i18n/react'
import { resolveLocale } from '~/lib/locale.server'
import { acceptInvitationSchema } from '~/modules/accounts/accounts.schema'
import { acceptInvitation, findOpenInvitation } from '~/modules/accounts/invitations.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — uitnodiging / invitation' }]

export async function loader({ params, context }: LoaderFunctionArgs) {
  const invitation = await findOpenInvitation(context.db, params.token ?? '')
  return {
    invitation: invitation && {
      email: invitation.email,
      role: invitation.role,
      organisationName: invitation.organisationName,
    },
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = await resolveLocale(request)
  return handleForm(await request.formData(), acceptInvitationSchema, async (input) => {
    const result = await acceptInvitation(context.db, { ...input, token: params.token ?? '', locale })
    if (!result.ok) return { invalidInvitation: true as const }
    return logIn(context, result.userId, '/dashboard')
  })
}

export default function AcceptInvitation() {
  const t = useT()
  const { invitation } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const failure = asFormFailure(actionData)
  if (!invitation || (actionData && 'invalidInvitation' in actionData)) {
    return (
      <section className="page narrow">
        <h1>{t('error.title')}</h1>
        <div className="alert alert--error" role="alert">
          {t('invite.invalid')}
        </div>
      </section>
    )
  }
  return (
    <section className="page narrow">
      <h1>{t('invite.title', { organisation: invitation.organisationName })}</h1>
      <p>{t('invite.intro', { role: t(`role.${invitation.role}`) })}</p>
      <FormErrorSummary failure={failure} />
      <Form method="post" noValidate>
        <TextField name="email" label={t('invite.email')} defaultValue={invitation.email} readOnly autoComplete="username" />
        <TextField name="name" label={t('invite.name')} failure={failure} required autoComplete="name" />
        <TextField name="password" type="password" label={t('invite.password')} hint={t('register.passwordHint')} failure={failure} required autoComplete="new-password" />
        <button type="submit" className="button">
          {t('invite.submit')}
        </button>
      </Form>
    </section>
  )
}

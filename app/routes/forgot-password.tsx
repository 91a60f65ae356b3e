import { data, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { FormErrorSummary, Notice, TextField } from '~/components/field'
import { handleForm } from '~/lib/form-action.server'
import { asFormFailure } from '~/lib/form-failure'
import { formFailure } from '~/lib/forms'
import { useT } from '~/lib/i18n/react'
import { resolveLocale } from '~/lib/locale.server'
import { takeAttempt, waitMessage } from '~/lib/throttle.server'
import { passwordResetRequestSchema } from '~/modules/accounts/accounts.schema'
import { requestPasswordReset } from '~/modules/accounts/password-reset.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — wachtwoord vergeten / forgot password' }]

export async function action({ request, context }: ActionFunctionArgs) {
  return handleForm(await request.formData(), passwordResetRequestSchema, async (input, values) => {
    const byAddress = await takeAttempt(context.db, 'resetByIp', context.clientIp)
    if (!byAddress.allowed) {
      return data(formFailure({ _form: waitMessage('errors.tooManyRequests', byAddress) }, values), { status: 429 })
    }
    // A few emails an hour per address at most; past that the answer stays the same and nothing is sent.
    if ((await takeAttempt(context.db, 'resetByEmail', input.email)).allowed) {
      await requestPasswordReset(context.db, { email: input.email, appUrl: context.env.APP_URL, locale: await resolveLocale(request) })
    }
    return { sentTo: input.email }
  })
}

export default function ForgotPassword() {
  const t = useT()
  const actionData = useActionData<typeof action>()
  const failure = asFormFailure(actionData)
  const sentTo = actionData && 'sentTo' in actionData ? actionData.sentTo : null
  return (
    <section className="page narrow">
      <h1>{t('forgot.title')}</h1>
      {sentTo ? (
        <Notice>{t('forgot.sent', { email: sentTo })}</Notice>
      ) : (
        <>
          <p>{t('forgot.intro')}</p>
          <FormErrorSummary failure={failure} />
          <Form method="post" noValidate>
            <TextField name="email" type="email" label={t('forgot.email')} failure={failure} required autoComplete="email" />
            <button type="submit" className="button">
              {t('forgot.submit')}
            </button>
          </Form>
        </>
      )}
    </section>
  )
}

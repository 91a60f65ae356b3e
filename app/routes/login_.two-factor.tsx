import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { FormErrorSummary, TextField } from '~/components/field'
import { RecoveryCodes, TwoFactorEnrolment } from '~/components/two-factor-enrolment'
import { completeSignIn, requirePendingSignIn } from '~/web/auth.server'
import { handleForm } from '~/lib/form-action.server'
import { asFormFailure } from '~/lib/form-failure'
import { formFailure } from '~/lib/forms'
import { useT } from '~/lib/i18n/react'
import { safeRedirectPath } from '~/lib/redirect-to'
import { resetAttempts, takeAttempt, waitMessage } from '~/lib/throttle.server'
import { enrolmentSchema, secondFactorSchema } from '~/modules/accounts/accounts.schema'
import { offerTotpSecret } from '~/modules/accounts/sessions.server'
import { checkTotp, enableTwoFactor, enrolmentQr, newTotpSecret, twoFactorStatus, verifySecondFactor } from '~/modules/accounts/two-factor.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — tweestapsverificatie / two-step verification' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const pending = await requirePendingSignIn(request, context)
  if (pending.stage === 'code') return { stage: 'code' as const, enrolment: null, continueTo: null }
  // Enrolment just finished (the page after the action still carries the old, spent cookie).
  if ((await twoFactorStatus(context.db, pending.userId)).enabledAt) {
    return { stage: 'done' as const, enrolment: null, continueTo: safeRedirectPath(new URL(request.url).searchParams.get('redirectTo'), context.env.APP_URL) }
  }
  // Staff without an authenticator set one up now; the offered secret lives on the half sign-in.
  let secret = pending.pendingTotpSecret
  if (!secret) {
    secret = newTotpSecret()
    await offerTotpSecret(context.db, pending.sessionHash, secret)
  }
  const { qrDataUrl } = await enrolmentQr(secret, pending.email)
  return { stage: 'enrol' as const, enrolment: { qrDataUrl, secret }, continueTo: null }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const pending = await requirePendingSignIn(request, context)
  const formData = await request.formData()
  const target = safeRedirectPath(new URL(request.url).searchParams.get('redirectTo'), context.env.APP_URL)
  const throttled = await takeAttempt(context.db, 'secondFactorByUser', pending.userId)
  if (!throttled.allowed) {
    return data(formFailure({ code: waitMessage('errors.tooManyAttempts', throttled) }, {}), { status: 429 })
  }

  if (pending.stage === 'enrol') {
    return handleForm(formData, enrolmentSchema, async ({ code }) => {
      const secret = pending.pendingTotpSecret
      const alreadyOn = Boolean((await twoFactorStatus(context.db, pending.userId)).enabledAt)
      const step = secret && !alreadyOn ? await checkTotp(secret, code, null) : null
      if (!secret || step === null) return data(formFailure({ code: { key: 'errors.totpWrong' } }, {}), { status: 400 })
      const codes = await enableTwoFactor(context.db, pending.userId, secret, step)
      await resetAttempts(context.db, 'secondFactorByUser', pending.userId)
      const cookie = await completeSignIn(context, pending, { keepSpentHalf: true })
      return data({ recoveryCodes: codes, continueTo: target }, { headers: { 'Set-Cookie': cookie } })
    })
  }

  return handleForm(formData, secondFactorSchema, async ({ code }) => {
    if (!(await verifySecondFactor(context.db, pending.userId, code))) {
      return data(formFailure({ code: { key: 'errors.totpWrong' } }, {}), { status: 400 })
    }
    await resetAttempts(context.db, 'secondFactorByUser', pending.userId)
    return redirect(target, { headers: { 'Set-Cookie': await completeSignIn(context, pending) } })
  })
}

export default function TwoFactorStep() {
  const t = useT()
  const { stage, enrolment, continueTo } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [params] = useSearchParams()
  const failure = asFormFailure(result)
  if (result && 'recoveryCodes' in result) return <RecoveryCodes codes={result.recoveryCodes} continueTo={result.continueTo} />
  return (
    <section className="page narrow">
      <h1>{t(stage === 'enrol' ? 'twoFactor.enrol.title' : 'twoFactor.title')}</h1>
      {stage === 'done' ? (
        <p>
          <a href={continueTo ?? '/dashboard'}>{t('twoFactor.recovery.continue')}</a>
        </p>
      ) : stage === 'enrol' && enrolment ? (
        <>
          <p>{t('twoFactor.enrol.intro')}</p>
          <TwoFactorEnrolment qrDataUrl={enrolment.qrDataUrl} secret={enrolment.secret} failure={failure} />
        </>
      ) : (
        <>
          <p>{t('twoFactor.intro')}</p>
          <FormErrorSummary failure={failure} />
          <Form method="post" noValidate action={`/login/two-factor?redirectTo=${encodeURIComponent(params.get('redirectTo') ?? '')}`}>
            <TextField name="code" label={t('twoFactor.codeOrRecovery')} hint={t('twoFactor.codeHint')} failure={failure} required autoComplete="one-time-code" />
            <button type="submit" className="button">
              {t('twoFactor.submit')}
            </button>
          </Form>
        </>
      )}
    </section>
  )
}

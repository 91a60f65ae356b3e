import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { RecoveryCodes, TwoFactorEnrolment } from '~/components/two-factor-enrolment'
import { requireUser } from '~/web/auth.server'
import { handleForm } from '~/lib/form-action.server'
import { asFormFailure } from '~/lib/form-failure'
import { formFailure } from '~/lib/forms'
import { formatDate } from '~/lib/i18n'
import { useLocale, useT } from '~/lib/i18n/react'
import { readSessionToken } from '~/lib/session.server'
import { takeAttempt, waitMessage } from '~/lib/throttle.server'
import { hashToken } from '~/lib/tokens.server'
import { enrolmentSchema } from '~/modules/accounts/accounts.schema'
import { offerTotpSecret } from '~/modules/accounts/sessions.server'
import {
  checkTotp,
  enableTwoFactor,
  enrolmentQr,
  mustUseSecondFactor,
  newTotpSecret,
  pendingTotpSecretOf,
  remainingRecoveryCodes,
  twoFactorStatus,
} from '~/modules/accounts/two-factor.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — beveiliging / security' }]

async function currentSessionHash(request: Request, env: Parameters<typeof readSessionToken>[1]) {
  const token = await readSessionToken(request, env)
  return token ? hashToken(token) : null
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context)
  const status = await twoFactorStatus(context.db, user.id)
  const required = mustUseSecondFactor(user.role)
  if (status.enabledAt) {
    return { enabledAt: status.enabledAt, required, recoveryLeft: await remainingRecoveryCodes(context.db, user.id), enrolment: null }
  }
  // Employers may opt in: the offered secret waits on this session until a first code confirms it.
  const sessionHash = (await currentSessionHash(request, context.env))!
  let secret = await pendingTotpSecretOf(context.db, sessionHash)
  if (!secret) {
    secret = newTotpSecret()
    await offerTotpSecret(context.db, sessionHash, secret)
  }
  const { qrDataUrl } = await enrolmentQr(secret, user.email)
  return { enabledAt: null, required, recoveryLeft: 0, enrolment: { qrDataUrl, secret } }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context)
  const throttled = await takeAttempt(context.db, 'secondFactorByUser', user.id)
  if (!throttled.allowed) {
    return data(formFailure({ code: waitMessage('errors.tooManyAttempts', throttled) }, {}), { status: 429 })
  }
  return handleForm(await request.formData(), enrolmentSchema, async ({ code }) => {
    const status = await twoFactorStatus(context.db, user.id)
    const sessionHash = await currentSessionHash(request, context.env)
    const secret = sessionHash ? await pendingTotpSecretOf(context.db, sessionHash) : null
    const step = secret && !status.enabledAt ? await checkTotp(secret, code, null) : null
    if (!secret || step === null) return data(formFailure({ code: { key: 'errors.totpWrong' } }, {}), { status: 400 })
    const codes = await enableTwoFactor(context.db, user.id, secret, step)
    return { recoveryCodes: codes, continueTo: '/settings/security' }
  })
}

export default function Security() {
  const t = useT()
  const locale = useLocale()
  const { enabledAt, required, recoveryLeft, enrolment } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  if (result && 'recoveryCodes' in result) return <RecoveryCodes codes={result.recoveryCodes} continueTo={result.continueTo} />
  return (
    <section className="page narrow">
      <h1>{t('security.title')}</h1>
      {enabledAt ? (
        <>
          <p>{t('security.enabled', { date: formatDate(locale, enabledAt) })}</p>
          <p>{t('security.recoveryLeft', { count: recoveryLeft })}</p>
        </>
      ) : (
        <>
          <p>{t(required ? 'security.required' : 'security.optional')}</p>
          {enrolment ? <TwoFactorEnrolment qrDataUrl={enrolment.qrDataUrl} secret={enrolment.secret} failure={asFormFailure(result)} /> : null}
        </>
      )}
    </section>
  )
}

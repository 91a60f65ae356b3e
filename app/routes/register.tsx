import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormErrorSummary, Notice, SelectField, TextField } from '~/components/field'
import { listIntermediaries } from '~/modules/accounts/intermediaries.server'
import { findPartnerInvitation } from '~/modules/accounts/partners.server'
import { requireAnonymous } from '~/web/auth.server'
import { formFailure } from '~/lib/forms'
import { takeAttempt, waitMessage } from '~/lib/throttle.server'
import { handleForm } from '~/lib/form-action.server'
import { asFormFailure } from '~/lib/form-failure'
import { useT } from '~/lib/i18n/react'
import { resolveLocale } from '~/lib/locale.server'
import { registrationSchema } from '~/modules/accounts/accounts.schema'
import { registerEmployer } from '~/modules/accounts/registration.server'
import { getScan } from '~/modules/scan/scans.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — registreren / register' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAnonymous(request, context)
  const partnerToken = new URL(request.url).searchParams.get('partner') ?? ''
  const invitation = partnerToken ? await findPartnerInvitation(context.db, partnerToken) : null
  // From a quick scan: its answers come along, with the intermediary chosen on its result page.
  const url = new URL(request.url)
  const scan = await getScan(context.db, url.searchParams.get('scan') ?? '')
  return {
    intermediaries: await listIntermediaries(context.db),
    partner: invitation ? { token: partnerToken, name: invitation.intermediaryName } : null,
    scanId: scan && !scan.registered ? scan.id : null,
    intermediary: url.searchParams.get('intermediary') ?? '',
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request, context)
  const locale = await resolveLocale(request)
  return handleForm(await request.formData(), registrationSchema, async (input, values) => {
    const throttled = await takeAttempt(context.db, 'registrationByIp', context.clientIp)
    if (!throttled.allowed) {
      return data(formFailure({ _form: waitMessage('errors.tooManyRequests', throttled) }, values), { status: 429 })
    }
    await registerEmployer(context.db, input, locale, context.env.APP_URL)
    // The same answer whether the address was new or not: the email tells its owner which.
    return { checkEmail: input.email }
  })
}

export default function Register() {
  const t = useT()
  const actionData = useActionData<typeof action>()
  const failure = asFormFailure(actionData)
  const { intermediaries, partner, scanId, intermediary } = useLoaderData<typeof loader>()
  if (actionData && 'checkEmail' in actionData) {
    return (
      <section className="page narrow">
        <h1>{t('register.checkEmail.title')}</h1>
        <Notice>{t('register.checkEmail.body', { email: actionData.checkEmail })}</Notice>
      </section>
    )
  }
  return (
    <section className="page narrow">
      <h1>{t('register.title')}</h1>
      <p>{t('register.intro')}</p>
      {scanId ? <Notice>{t('scan.fromScan')}</Notice> : null}
      <FormErrorSummary failure={failure} />
      <Form method="post" noValidate>
        {scanId ? <input type="hidden" name="scanId" value={scanId} /> : null}
        <TextField name="organisationName" label={t('register.organisationName')} failure={failure} required autoComplete="organization" />
        <TextField name="kvkNumber" label={t('register.kvkNumber')} hint={t('register.kvkHint')} failure={failure} required inputMode="numeric" />
        <TextField name="contactName" label={t('register.contactName')} failure={failure} required autoComplete="name" />
        {partner ? (
          <>
            <Notice>{t('register.partnerNotice', { intermediary: partner.name })}</Notice>
            <input type="hidden" name="partnerToken" value={partner.token} />
          </>
        ) : (
        <SelectField
          name="intermediaryOrganisationId"
          label={t('register.intermediary')}
          hint={t('register.intermediaryHint')}
          failure={failure}
          required
          defaultValue={intermediary}
          // With several intermediaries nobody is chosen for the employer by default (unless the scan's result page did).
          options={[...(intermediaries.length > 1 ? [{ value: '', label: t('vacancy.choose') }] : []), ...intermediaries.map((i) => ({ value: i.id, label: i.name }))]}
        />
        )}
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

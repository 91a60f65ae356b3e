import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { FormErrorSummary, Notice, TextField } from '~/components/field'
import { InviteForm, PeopleTable } from '~/components/invite-form'
import { actorOf, notFound, requirePermission } from '~/web/auth.server'
import { handleForm } from '~/lib/form-action.server'
import { asFormFailure } from '~/lib/form-failure'
import { formatDate } from '~/lib/i18n'
import { useLocale, useT } from '~/lib/i18n/react'
import { colleagueInvitationSchema, intermediaryOrganisationSchema, stripeAccountSchema } from '~/modules/accounts/accounts.schema'
import { intermediaryOverview, openIntermediaryOrganisation, setStripeAccount } from '~/modules/accounts/intermediaries.server'
import { createInvitation } from '~/modules/accounts/invitations.server'
import { listMembers } from '~/modules/accounts/team.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — bemiddelaars / intermediaries' }]

/**
 * The platform admin's page: the intermediary organisations Werkbrug serves (each opened with
 * an invitation to its first owner) and the platform's own administrators. No tenant data here.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, context, 'intermediaries:manage')
  const [intermediaries, admins] = await Promise.all([intermediaryOverview(context.db), listMembers(context.db, actorOf(admin))])
  return { intermediaries, admins }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requirePermission(request, context, 'intermediaries:manage')
  const inviter = { ...actorOf(admin), name: admin.name, organisationName: admin.organisationName, locale: admin.locale }
  const formData = await request.formData()
  if (formData.get('intent') === 'stripeAccount') {
    return handleForm(formData, stripeAccountSchema, async (input) => {
      if (!(await setStripeAccount(context.db, actorOf(admin), input))) throw notFound()
      return { accountSaved: input.organisationId }
    })
  }
  if (formData.get('intent') === 'open') {
    return handleForm(formData, intermediaryOrganisationSchema, async (input) => {
      await openIntermediaryOrganisation(context.db, inviter, { ...input, appUrl: context.env.APP_URL })
      return { opened: input.name }
    })
  }
  return handleForm(formData, colleagueInvitationSchema('platform'), async (input) => {
    await createInvitation(context.db, inviter, { ...input, appUrl: context.env.APP_URL })
    return { invited: input.email }
  })
}

export default function Intermediaries() {
  const t = useT()
  const locale = useLocale()
  const { intermediaries, admins } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const failure = asFormFailure(actionData)
  const openFailure = failure?.values.intent === 'open' ? failure : null
  const accountFailure = failure?.values.intent === 'stripeAccount' ? failure : null
  const inviteFailure = openFailure || accountFailure ? null : failure
  const accountSaved = actionData && 'accountSaved' in actionData ? actionData.accountSaved : null
  const opened = actionData && 'opened' in actionData ? actionData.opened : null
  const invited = actionData && 'invited' in actionData ? actionData.invited : null
  return (
    <section className="page">
      <h1>{t('staff.title')}</h1>
      <p>{t('staff.intro')}</p>
      <h2>{t('staff.intermediaries')}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('staff.organisation')}</th>
              <th scope="col">{t('staff.employers')}</th>
              <th scope="col">{t('staff.staffCount')}</th>
              <th scope="col">{t('staff.stripeAccount')}</th>
              <th scope="col">{t('team.since')}</th>
            </tr>
          </thead>
          <tbody>
            {intermediaries.map((i) => (
              <tr key={i.id}>
                <td data-label={t('staff.organisation')}>{i.name}</td>
                <td data-label={t('staff.employers')}>{i.employers}</td>
                <td data-label={t('staff.staffCount')}>{i.staff}</td>
                <td data-label={t('staff.stripeAccount')}>
                  <Form method="post" noValidate className="inline-form">
                    <input type="hidden" name="intent" value="stripeAccount" />
                    <input type="hidden" name="organisationId" value={i.id} />
                    <TextField
                      name="stripeAccountId"
                      scope={i.id}
                      label={t('staff.stripeAccountFor', { name: i.name })}
                      failure={accountFailure?.values.organisationId === i.id ? accountFailure : null}
                      defaultValue={i.stripeAccountId ?? ''}
                      autoComplete="off"
                    />
                    <button type="submit" className="button button--secondary">
                      {t('staff.stripeAccountSave')}
                    </button>
                    {accountSaved === i.id ? <span role="status">{t('staff.stripeAccountSaved')}</span> : null}
                  </Form>
                </td>
                <td data-label={t('team.since')}>{formatDate(locale, i.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('staff.open')}</h3>
      <p>{t('staff.openIntro')}</p>
      {opened ? <Notice>{t('staff.opened', { name: opened })}</Notice> : null}
      <FormErrorSummary failure={openFailure} />
      <Form method="post" noValidate key={opened ?? 'open'}>
        <input type="hidden" name="intent" value="open" />
        <TextField name="name" label={t('staff.organisation')} failure={openFailure} required autoComplete="organization" />
        <TextField name="ownerEmail" type="email" label={t('staff.ownerEmail')} failure={openFailure} required autoComplete="off" />
        <button type="submit" className="button">
          {t('staff.openSubmit')}
        </button>
      </Form>
      <h2>{t('staff.admins')}</h2>
      <InviteForm roles={['admin']} failure={inviteFailure} invited={invited} submitLabel={t('staff.submit')} />
      <PeopleTable people={admins} />
    </section>
  )
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { FormErrorSummary, Notice, SelectField, TextField } from '~/components/field'
import { actorOf, requirePermission } from '~/lib/auth.server'
import { handleForm } from '~/lib/form-action.server'
import { asFormFailure } from '~/lib/form-failure'
import { formatDate } from '~/lib/i18n'
import { useLocale, useT } from '~/lib/i18n/react'
import { staffInvitationSchema } from '~/modules/accounts/accounts.schema'
import { createInvitation } from '~/modules/accounts/invitations.server'
import { listStaff } from '~/modules/accounts/team.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — accounts' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, 'staff:manage')
  return { staff: await listStaff(context.db) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requirePermission(request, context, 'staff:manage')
  return handleForm(await request.formData(), staffInvitationSchema, async (input) => {
    await createInvitation(
      context.db,
      { ...actorOf(admin), name: admin.name, organisationName: admin.organisationName, locale: admin.locale },
      { ...input, appUrl: context.env.APP_URL },
    )
    return { invited: input.email }
  })
}

export default function Staff() {
  const t = useT()
  const locale = useLocale()
  const { staff } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const failure = asFormFailure(actionData)
  const invited = actionData && 'invited' in actionData ? actionData.invited : null
  return (
    <section className="page">
      <h1>{t('staff.title')}</h1>
      <p>{t('staff.intro')}</p>
      {invited ? <Notice>{t('staff.invited', { email: invited })}</Notice> : null}
      <FormErrorSummary failure={failure} />
      <Form method="post" noValidate key={invited ?? 'staff'}>
        <TextField name="email" type="email" label={t('staff.email')} failure={failure} required autoComplete="off" />
        <SelectField
          name="role"
          label={t('staff.role')}
          failure={failure}
          defaultValue="intermediary"
          options={[
            { value: 'intermediary', label: t('role.intermediary') },
            { value: 'admin', label: t('role.admin') },
          ]}
        />
        <button type="submit" className="button">
          {t('staff.submit')}
        </button>
      </Form>
      <h2>{t('staff.list')}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('staff.name')}</th>
              <th scope="col">{t('staff.email')}</th>
              <th scope="col">{t('staff.role')}</th>
              <th scope="col">{t('team.since')}</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((member) => (
              <tr key={member.id}>
                <td>{member.name}</td>
                <td>{member.email}</td>
                <td>{t(`role.${member.role}`)}</td>
                <td>{formatDate(locale, member.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

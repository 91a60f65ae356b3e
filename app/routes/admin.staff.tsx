import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { InviteForm, PeopleTable } from '~/components/invite-form'
import { actorOf, requirePermission } from '~/lib/auth.server'
import { handleForm } from '~/lib/form-action.server'
import { asFormFailure } from '~/lib/form-failure'
import { useT } from '~/lib/i18n/react'
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
  const { staff } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const failure = asFormFailure(actionData)
  const invited = actionData && 'invited' in actionData ? actionData.invited : null
  return (
    <section className="page">
      <h1>{t('staff.title')}</h1>
      <p>{t('staff.intro')}</p>
      <InviteForm roles={['intermediary', 'admin']} failure={failure} invited={invited} submitLabel={t('staff.submit')} />
      <h2>{t('staff.list')}</h2>
      <PeopleTable people={staff} />
    </section>
  )
}

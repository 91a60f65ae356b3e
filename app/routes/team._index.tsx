import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { Notice } from '~/components/field'
import { InviteForm, PeopleTable } from '~/components/invite-form'
import { actorOf, notFound, requirePermission } from '~/web/auth.server'
import { handleForm } from '~/lib/form-action.server'
import { asFormFailure } from '~/lib/form-failure'
import { formatDate } from '~/lib/i18n'
import { useLocale, useT } from '~/lib/i18n/react'
import { can } from '~/modules/authorisation/policy'
import { colleagueRoles, partyOf } from '~/modules/authorisation/roles'
import { colleagueInvitationSchema } from '~/modules/accounts/accounts.schema'
import {
  createInvitation,
  listOpenInvitations,
  revokeInvitation,
} from '~/modules/accounts/invitations.server'
import { listMembers } from '~/modules/accounts/team.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — team' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, 'team:view')
  const actor = actorOf(user)
  const [members, invitations] = await Promise.all([
    listMembers(context.db, actor),
    listOpenInvitations(context.db, actor),
  ])
  return { me: { id: user.id, role: user.role }, members, invitations, roles: colleagueRoles(partyOf(user.role)) }
}

const revokeSchema = z.object({ invitationId: z.uuid() })

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, 'team:manage')
  const formData = await request.formData()
  if (formData.get('intent') === 'revoke') {
    const parsed = revokeSchema.safeParse({ invitationId: formData.get('invitationId') })
    if (!parsed.success || !(await revokeInvitation(context.db, actorOf(user), parsed.data.invitationId))) {
      throw notFound()
    }
    return { revoked: true as const }
  }
  return handleForm(formData, colleagueInvitationSchema(partyOf(user.role)), async (input) => {
    await createInvitation(
      context.db,
      { ...actorOf(user), name: user.name, organisationName: user.organisationName, locale: user.locale },
      { ...input, appUrl: context.env.APP_URL },
    )
    return { invited: input.email }
  })
}

export default function Team() {
  const t = useT()
  const locale = useLocale()
  const { me, members, invitations, roles } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const failure = asFormFailure(actionData)
  const [params] = useSearchParams()
  const manages = can(me.role, 'team:manage')
  const invited = actionData && 'invited' in actionData ? actionData.invited : null
  return (
    <section className="page">
      <h1>{t('team.title')}</h1>
      {params.get('removed') ? <Notice>{t('team.removed', { name: params.get('removed')! })}</Notice> : null}
      <h2>{t('team.members')}</h2>
      <PeopleTable
        people={members}
        nameCell={(member) => (
          <>
            {manages && member.id !== me.id ? <Link to={`/team/members/${member.id}`}>{member.name}</Link> : member.name}{' '}
            {member.id === me.id ? t('team.you') : null}
          </>
        )}
      />

      <h2>{t('team.pending')}</h2>
      {invitations.length === 0 ? (
        <p>{t('team.pendingEmpty')}</p>
      ) : (
        <ul>
          {invitations.map((invitation) => (
            <li key={invitation.id}>
              {invitation.email} — {t(`role.${invitation.role}`)} — {t('team.expires')}{' '}
              {formatDate(locale, invitation.expiresAt)}{' '}
              {manages ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="invitationId" value={invitation.id} />
                  <button type="submit" className="button button--link" aria-label={t('team.revokeLabel', { email: invitation.email })}>
                    {t('team.revoke')}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      <h2>{t('team.invite')}</h2>
      {manages ? (
        <InviteForm roles={roles} failure={failure} invited={invited} submitLabel={t('team.inviteSubmit')} />
      ) : (
        <p>{t('team.onlyOwnerInvites')}</p>
      )}
    </section>
  )
}

import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { actorOf, notFound, requirePermission } from '~/web/auth.server'
import { formatDate } from '~/lib/i18n'
import { useLocale, useT } from '~/lib/i18n/react'
import { can } from '~/modules/authorisation/policy'
import { getMember, removeMember } from '~/modules/accounts/team.server'

const memberId = z.uuid()

async function loadMember(request: Request, context: LoaderFunctionArgs['context'], id: unknown) {
  const parsed = memberId.safeParse(id)
  if (!parsed.success) throw notFound()
  const user = await requirePermission(request, context, 'team:view')
  const member = await getMember(context.db, actorOf(user), parsed.data)
  if (!member) throw notFound()
  return { user, member }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Werkbrug — ${data?.member.name ?? 'team'}` },
]

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, member } = await loadMember(request, context, params.userId)
  return { member, canRemove: can(user.role, 'team:manage') && member.id !== user.id }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, 'team:manage')
  const { member } = await loadMember(request, context, params.userId)
  if (!(await removeMember(context.db, actorOf(user), member.id))) throw notFound()
  return redirect(`/team?removed=${encodeURIComponent(member.name)}`)
}

export default function TeamMember() {
  const t = useT()
  const locale = useLocale()
  const { member, canRemove } = useLoaderData<typeof loader>()
  return (
    <section className="page narrow">
      <h1>{t('team.memberTitle', { name: member.name })}</h1>
      <dl className="facts">
        <dt>{t('team.email')}</dt>
        <dd>{member.email}</dd>
        <dt>{t('team.role')}</dt>
        <dd>{t(`role.${member.role}`)}</dd>
        <dt>{t('team.since')}</dt>
        <dd>{formatDate(locale, member.createdAt)}</dd>
      </dl>
      {canRemove ? (
        <Form method="post">
          <p>{t('team.removeHint')}</p>
          <button type="submit" className="button button--danger">
            {t('team.remove')}
          </button>
        </Form>
      ) : null}
      <p>
        <Link to="/team">{t('common.back')}</Link>
      </p>
    </section>
  )
}

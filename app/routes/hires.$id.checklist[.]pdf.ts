import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { actorOf, notFound, requirePermission } from '~/web/auth.server'
import { resolveLocale } from '~/lib/locale.server'
import { checklistLocale, hireChecklistPdf } from '~/modules/twv/checklist-response.server'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, 'hires:view')
  const id = z.uuid().safeParse(params.id)
  const locale = checklistLocale(request, await resolveLocale(request, user.locale))
  const response = id.success ? await hireChecklistPdf(context.db, actorOf(user), id.data, locale) : null
  if (!response) throw notFound()
  return response
}

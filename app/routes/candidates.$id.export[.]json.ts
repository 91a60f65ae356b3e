import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { actorOf, notFound, requirePermission } from '~/web/auth.server'
import { exportCandidate } from '~/modules/pipeline/candidates.server'

/** One candidate's data as JSON, for a request to see it (AVG art. 15); the export is audited. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, 'pipeline:view')
  const id = z.uuid().safeParse(params.id)
  const data = id.success ? await exportCandidate(context.db, actorOf(user), id.data) : null
  if (!data) throw notFound()
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="werkbrug-${data.candidate.referenceCode}.json"`,
      'Cache-Control': 'private, no-store',
    },
  })
}

import type { LoaderFunctionArgs } from '@remix-run/node'
import { todayInAmsterdam } from '~/lib/dates'
import { parseWithSchema } from '~/lib/forms'
import { translator } from '~/lib/i18n'
import { resolveLocale } from '~/lib/locale.server'
import { actorOf, requirePermission } from '~/web/auth.server'
import { funnelCsv } from '~/modules/pipeline/funnel-csv'
import { loadFunnel } from '~/modules/pipeline/funnel.server'
import { funnelQuerySchema } from '~/modules/pipeline/pipeline.schema'
import { employerFunnelFigures } from '~/modules/scan/funnel-figures'
import { employerFunnel } from '~/modules/scan/funnel.server'

/** Every table of the report as one CSV; counts of 1–4 are shown as "< 5" (it may be shared). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, 'pipeline:view')
  const params = Object.fromEntries(new URL(request.url).searchParams)
  const parsed = parseWithSchema(funnelQuerySchema(todayInAmsterdam()), { from: params.from ?? '', to: params.to ?? '', location: params.location ?? '' })
  if (!parsed.success) return new Response('Bad period / ongeldige periode\n', { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  const { from, to, location } = parsed.data
  const actor = actorOf(user)
  const [funnel, employers] = await Promise.all([
    loadFunnel(context.readDb, actor, { from, to, receptionLocationId: location }),
    employerFunnel(context.readDb, actor, { from, to }),
  ])
  const csv = funnelCsv(funnel, translator(await resolveLocale(request, user.locale)), employerFunnelFigures(employers))
  return new Response(`\uFEFF${csv}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="werkbrug-funnel-${from}-${to}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  })
}

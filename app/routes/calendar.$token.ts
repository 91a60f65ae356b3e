import type { LoaderFunctionArgs } from '@remix-run/node'
import { feedByToken } from '~/modules/speeddates/calendar-feed.server'

/**
 * A private calendar subscription: the address is the secret (calendar apps send no cookie). It
 * ends in `.ics` because some apps only subscribe to such addresses.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const token = (params.token ?? '').replace(/\.ics$/, '')
  const feed = /^[A-Za-z0-9_-]{43}$/.test(token) ? await feedByToken(context.db, token) : null
  if (!feed) return new Response('Not Found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  return new Response(feed, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="werkbrug-speeddates.ics"',
      'Cache-Control': 'private, no-store',
      'X-Robots-Tag': 'noindex',
    },
  })
}

import { sql } from 'drizzle-orm'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '~/lib/errors.server'

/** Ready for traffic: the database answers. A load balancer sends requests elsewhere on 503. */
export async function loader({ context }: LoaderFunctionArgs) {
  try {
    await context.db.execute(sql`select 1`)
    return Response.json({ status: 'ready' }, { headers: { 'Cache-Control': 'no-store' } })
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error
    return Response.json({ status: 'database unavailable' }, { status: 503, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' } })
  }
}

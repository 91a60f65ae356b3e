import type { LoaderFunctionArgs } from '@remix-run/node'
import { sql } from 'drizzle-orm'

export async function loader({ context }: LoaderFunctionArgs) {
  await context.db.execute(sql`select 1`)
  return Response.json({ status: 'ok' })
}

import type { LoaderFunctionArgs } from '@remix-run/node'
import { notFound, requireDemoMailbox } from '~/web/auth.server'
import { getOutboxEmail } from '~/modules/email/mailbox.server'

/** The email's HTML as the recipient sees it, sandboxed by CSP so nothing in it can run. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireDemoMailbox(request, context)
  const id = Number(params.id)
  const note = '#link-verwijderd-alleen-voor-de-ontvanger--link-removed-for-the-recipient-only'
  const email = Number.isSafeInteger(id) && id > 0 ? await getOutboxEmail(context.db, id, note) : undefined
  if (!email) throw notFound()
  return new Response(email.html, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    },
  })
}

import type { LoaderFunctionArgs } from '@remix-run/node'
import { notFound, requireDemoMailbox } from '~/web/auth.server'
import { getOutboxEmail } from '~/modules/email/mailbox.server'

/** One attachment of an email in the demo mailbox, as sent: a calendar file or a PDF, downloaded, never shown inline. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireDemoMailbox(request, context)
  const id = Number(params.id)
  const index = Number(params.index)
  const email = Number.isSafeInteger(id) && id > 0 ? await getOutboxEmail(context.db, id, '') : undefined
  const attachment = email && Number.isSafeInteger(index) && index >= 0 ? email.attachments[index] : undefined
  if (!attachment) throw notFound()
  return new Response(Buffer.from(attachment.content, 'base64'), {
    headers: {
      'Content-Type': attachment.contentType,
      'Content-Disposition': `attachment; filename="${attachment.filename.replace(/[^\w.-]/g, '_')}"`,
      'X-Content-Type-Options': 'nosniff',
    },
  })
}

import type { AddressInfo } from 'node:net'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type ReceivedEmail = {
  to: string[]
  from: string
  subject: string
  text: string
  html: string
  ics?: string
  /** Every text/calendar part with its content type (the inline alternative and the attachment). */
  calendarParts: { contentType: string; content: string; inline: boolean }[]
  headers: Map<string, unknown>
}

/** A real SMTP server on a random local port that keeps what it receives. */
export async function startSmtpServer(
  options: {
    port?: number
    onReceived?: (email: ReceivedEmail) => void
    /** Keeps the client waiting for the answer to DATA until the promise settles (a slow server). */
    hold?: (to: string[]) => Promise<void> | null
    /** Called when a client's connection closes. */
    onClose?: () => void
  } = {},
) {
  const received: ReceivedEmail[] = []
  const closed = new Set<string>()
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onClose(session) {
      closed.add(session.id)
      options.onClose?.()
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          await options.hold?.(session.envelope.rcptTo.map((r) => r.address))
          // A client that went away before our answer never saw the message accepted.
          if (closed.has(session.id)) return callback(new Error('client gone'))
          const email: ReceivedEmail = {
            to: session.envelope.rcptTo.map((r) => r.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            ics: mail.attachments.find((a) => a.contentType.startsWith('text/calendar'))?.content.toString('utf8'),
            calendarParts: mail.attachments
              .filter((a) => a.contentType.startsWith('text/calendar'))
              .map((a) => ({
                contentType: `${a.contentType}${a.headers.get('content-type') && typeof a.headers.get('content-type') === 'object' ? `; method=${(a.headers.get('content-type') as { params?: Record<string, string> }).params?.method ?? ''}` : ''}`,
                content: a.content.toString('utf8'),
                inline: a.contentDisposition !== 'attachment',
              })),
            headers: mail.headers,
          }
          received.push(email)
          options.onReceived?.(email)
          callback()
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const port = (server.server.address() as AddressInfo).port
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

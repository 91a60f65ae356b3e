import { PassThrough } from 'node:stream'
import type { AppLoadContext, EntryContext } from '@remix-run/node'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { isRouteErrorResponse, RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { loadEnv } from './lib/env.server'
import { isDatabaseUnavailable, isUnreadableInput } from './lib/errors.server'
import { logError, logWarning } from './lib/log.server'
import { NonceProvider } from './lib/nonce'
import { catalogueOf, isLocale, type Locale } from './lib/i18n'
import { MessagesProvider } from './lib/i18n/messages'
// Speeddates provides what payments needs from it when money moves (payments/booking-port.ts).
import './modules/speeddates/booking-payments.server'

// Refuse to serve with a bad configuration, even if this build is mounted by another server.
loadEnv()

const ABORT_DELAY = 5_000

/** The language the root loader chose for this page (Dutch when the root loader failed). */
function localeOf(context: EntryContext): Locale {
  const root = context.staticHandlerContext.loaderData?.root as { locale?: unknown } | undefined
  return isLocale(root?.locale) ? root.locale : 'nl'
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce
  const waitForAll = isbot(request.headers.get('user-agent') ?? '')
  return new Promise((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <MessagesProvider value={catalogueOf(localeOf(remixContext))}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </MessagesProvider>
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          shellRendered = true
          const body = new PassThrough()
          const stream = createReadableStreamFromReadable(body)
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }))
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) logError('render', 'a page failed to render', error)
        },
      },
    )
    setTimeout(abort, ABORT_DELAY)
  })
}

/**
 * Errors thrown by loaders and actions, logged without the data they quote (see log.server). A
 * lost database is not a bug: one line, and the answer becomes a 503 (app/server/http.ts).
 */
export function handleError(error: unknown, { request, context }: { request: Request; context: AppLoadContext }) {
  if (request.signal.aborted) return
  // A 404 or 405 that Remix itself answers (no such route, no action) is the visitor's mistake,
  // not an error of ours: no log line with a stack.
  if (isRouteErrorResponse(error) && error.status < 500) return
  const where = `${request.method} ${new URL(request.url).pathname}`
  if (isDatabaseUnavailable(error)) {
    context.failure.databaseUnavailable = true
    logWarning('http', `${where}: the database is unavailable`)
    return
  }
  // Defence in depth: input that should have been refused at the door (and is logged, so it gets
  // fixed there) still answers 404/400, never 500.
  if (isUnreadableInput(error)) context.failure.unreadableInput = true
  logError('http', `${where} failed`, error)
}

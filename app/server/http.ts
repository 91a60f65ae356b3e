import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { createRemixRequest, sendRemixResponse } from '@remix-run/express/dist/server.js'
import { createRequestHandler, type AppLoadContext, type ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express, { type RequestHandler } from 'express'
import type { Db } from '#db/client.server'
import type { Env } from '~/lib/env.server'
import { isMutationFromAllowedOrigin } from '~/lib/origin.server'
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '~/lib/errors.server'
import { logError, logWarning, queriesSoFar, withRequestId } from '~/lib/log.server'
import { apiSecurityHeaders, createCspNonce, securityHeaders } from '~/lib/security-headers.server'
import { apiDispatcher, type ApiMatch } from './api-dispatch'

export type HttpAppOptions = {
  db: Db
  /** The read replica's handle (DATABASE_READ_URL); the primary when absent. */
  readDb?: Db
  env: Env
  /** A built app, or a loader of one (the Vite dev server reloads it on change). */
  build: ServerBuild | (() => Promise<ServerBuild>)
  /** build/client of a production build; absent in dev, where Vite serves assets. */
  clientDir?: string
  devMiddleware?: RequestHandler
  /**
   * `npm run dev` only: Remix then puts error messages and stacks into error pages. The demo
   * (`npm start`) and production never do — an error can quote SQL and its parameters.
   */
  dev?: boolean
}

/** The whole HTTP stack in one place, shared by `npm start`, the dev server and the tests. */
export function createHttpApp(options: HttpAppOptions) {
  const { db, env } = options
  const dev = options.dev === true
  const app = express()
  app.disable('x-powered-by')
  if (env.TRUST_PROXY > 0) app.set('trust proxy', env.TRUST_PROXY)

  // A request id for every line logged while handling the request: the proxy's, when it sends a
  // sane one, else our own; echoed to the client so a support question can quote it.
  app.use((req, res, next) => {
    const offered = req.get('x-request-id')
    const requestId = offered && /^[\w.-]{1,64}$/.test(offered) ? offered : randomUUID()
    res.setHeader('X-Request-Id', requestId)
    withRequestId(requestId, next)
  })

  app.use((req, res, next) => {
    // The API answers JSON and PDFs, never a page that runs scripts: no nonce to make.
    if (isApiPath(req.path)) {
      for (const [name, value] of Object.entries(apiSecurityHeaders(env.APP_URL))) res.setHeader(name, value)
      return next()
    }
    const nonce = createCspNonce()
    res.locals.cspNonce = nonce
    for (const [name, value] of Object.entries(securityHeaders({ nonce, appUrl: env.APP_URL, dev }))) {
      res.setHeader(name, value)
    }
    next()
  })

  // gzip or brotli for pages, JSON, scripts and styles (whatever the client accepts); a reverse
  // proxy that compresses too will see an encoded body and leave it alone.
  // A client that takes no encoding we offer (the bench's, curl's by default) is answered as is:
  // the middleware would set up its stream only to pass the body through, on every request.
  const compress = compression()
  app.use((req, res, next) => {
    if (ENCODINGS.test(req.headers['accept-encoding'] ?? '')) return compress(req, res, next)
    res.vary('Accept-Encoding')
    next()
  })

  if (options.devMiddleware) app.use(options.devMiddleware)
  if (options.clientDir) {
    app.use(
      '/assets',
      express.static(path.join(options.clientDir, 'assets'), { immutable: true, maxAge: '1y' }),
    )
    // No file lives under /api/: an API request need not wait for a disk lookup that must fail.
    const files = express.static(options.clientDir, { maxAge: '1h' })
    app.use((req, res, next) => (isApiPath(req.path) ? next() : files(req, res, next)))
  }

  app.use(originCheck(env))

  // @remix-run/express's own handler, opened up: the same request and response conversion, with a
  // look at the answer before it is sent, so that a lost database becomes a 503 on every kind of
  // route (pages, data requests, resource routes).
  const handleRequest = createRequestHandler(options.build, dev ? 'development' : 'production')
  // A built app (not the dev server's reloading one): its API routes are called directly.
  const findApiRoute = typeof options.build === 'function' ? null : apiDispatcher(options.build)
  app.all('*', async (req, res, next) => {
    try {
      const context: AppLoadContext = {
        db,
        readDb: options.readDb ?? db,
        env,
        clientIp: req.ip ?? 'unknown',
        cspNonce: String(res.locals.cspNonce),
        failure: { databaseUnavailable: false, unreadableInput: false },
      }
      const api = findApiRoute?.(req.method, req.path)
      let response = api ? await answerApi(api, createRemixRequest(req, res), context) : await handleRequest(createRemixRequest(req, res), context)
      if (context.failure.databaseUnavailable && response.status >= 500) response = unavailable(response)
      else if (context.failure.unreadableInput && response.status >= 500) response = refused(response, req.method)
      // How many SQL statements the answer took: a budget the tests hold pages to (issue 15).
      if (env.NODE_ENV !== 'production') res.setHeader('Server-Timing', `db;desc="${queriesSoFar()} queries"`)
      if (api) await sendWhole(res, response, api.head)
      else await sendRemixResponse(res, response)
    } catch (error) {
      next(error)
    }
  })

  // Whatever escaped Remix: never express's default page with a stack.
  app.use(((error, _req, res, next) => {
    if (res.headersSent) return next(error)
    const down = isDatabaseUnavailable(error)
    if (down) logWarning('http', 'the database is unavailable')
    else logError('http', 'unhandled error', error)
    res.status(down ? 503 : 500)
    if (down) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS))
    res.type('text/plain; charset=utf-8').send(down ? 'Werkbrug is even niet bereikbaar. / Werkbrug is briefly unavailable.\n' : 'Er ging iets mis. / Something went wrong.\n')
  }) as express.ErrorRequestHandler)
  return app
}

/** The encodings the compression middleware can answer with; their weights are its business. */
const ENCODINGS = /\b(gzip|br|deflate)\b/i

function isApiPath(path: string): boolean {
  return path.startsWith('/api/')
}

async function answerApi(api: ApiMatch, request: Request, context: AppLoadContext): Promise<Response> {
  try {
    const result = await api.run({ request, params: api.params, context })
    if (result instanceof Response) return result
    throw new Error(`${api.routeId} answered something other than a Response`)
  } catch (thrown) {
    // A route may throw a Response (Remix's convention); anything else is an error for express.
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

/**
 * An API answer is small (JSON, one PDF): read whole and written with its length in one go,
 * rather than streamed in chunks as pages are.
 */
async function sendWhole(res: express.Response, response: Response, head: boolean): Promise<void> {
  const body = head || response.body === null ? null : Buffer.from(await response.arrayBuffer())
  res.statusCode = response.status
  if (response.statusText) res.statusMessage = response.statusText
  for (const [name, value] of response.headers) {
    if (name !== 'set-cookie') res.setHeader(name, value)
  }
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) res.setHeader('Set-Cookie', cookies)
  if (body) res.setHeader('Content-Length', String(body.byteLength))
  res.end(body ?? undefined)
}

function refused(response: Response, method: string): Response {
  const status = method === 'GET' || method === 'HEAD' ? 404 : 400
  return new Response(response.body, { status, headers: response.headers })
}

function unavailable(response: Response): Response {
  const headers = new Headers(response.headers)
  headers.set('Retry-After', String(RETRY_AFTER_SECONDS))
  return new Response(response.body, { status: 503, statusText: 'Service Unavailable', headers })
}

function originCheck(env: Env): RequestHandler {
  return (req, res, next) => {
    // Read per request: the tests learn their APP_URL only once the server listens.
    const appOrigin = new URL(env.APP_URL).origin
    const origin = req.get('origin')
    const allowed = isMutationFromAllowedOrigin({
      method: req.method,
      path: req.path,
      origin,
      referer: req.get('referer'),
      host: req.get('x-forwarded-host') && env.TRUST_PROXY ? req.get('x-forwarded-host') : req.get('host'),
      allowedOrigins: [env.APP_URL],
    })
    if (allowed) {
      // APP_URL is the truth about where the site lives. A proxy that rewrites Host would make
      // Remix's own Origin-versus-Host check refuse every form we have just accepted, so the
      // accepted origin becomes the host Remix sees.
      if (isMutation(req.method) && origin === appOrigin) {
        req.headers.host = new URL(appOrigin).host
        delete req.headers['x-forwarded-host']
      }
      return next()
    }
    logWarning('security', `refused ${req.method} ${req.path}: it did not come from a Werkbrug page`)
    res
      .status(403)
      .type('text/plain; charset=utf-8')
      .send(
        'Dit verzoek kwam niet van een Werkbrug-pagina en is geweigerd.\n' +
          'This request did not come from a Werkbrug page and was refused.\n',
      )
  }
}

function isMutation(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase())
}

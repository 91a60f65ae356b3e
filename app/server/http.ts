import path from 'node:path'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import express, { type RequestHandler } from 'express'
import type { Db } from '#db/client.server'
import type { Env } from '~/lib/env.server'
import { isMutationFromAllowedOrigin } from '~/lib/origin.server'
import { logWarning } from '~/lib/log.server'
import { createCspNonce, securityHeaders } from '~/lib/security-headers.server'

export type HttpAppOptions = {
  db: Db
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

  app.use((_req, res, next) => {
    const nonce = createCspNonce()
    res.locals.cspNonce = nonce
    for (const [name, value] of Object.entries(securityHeaders({ nonce, appUrl: env.APP_URL, dev }))) {
      res.setHeader(name, value)
    }
    next()
  })

  if (options.devMiddleware) app.use(options.devMiddleware)
  if (options.clientDir) {
    app.use(
      '/assets',
      express.static(path.join(options.clientDir, 'assets'), { immutable: true, maxAge: '1y' }),
    )
    app.use(express.static(options.clientDir, { maxAge: '1h' }))
  }

  app.use(originCheck(env))

  app.all(
    '*',
    createRequestHandler({
      build: options.build,
      mode: dev ? 'development' : 'production',
      getLoadContext: (req, res) => ({
        db,
        env,
        clientIp: req.ip ?? 'unknown',
        cspNonce: String(res.locals.cspNonce),
      }),
    }),
  )
  return app
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

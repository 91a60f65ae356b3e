import path from 'node:path'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import express, { type RequestHandler } from 'express'
import type { Db } from '#db/client.server'
import type { Env } from '~/lib/env.server'
import { isMutationFromAllowedOrigin } from '~/lib/origin.server'

export type HttpAppOptions = {
  db: Db
  env: Env
  /** A built app, or a loader of one (the Vite dev server reloads it on change). */
  build: ServerBuild | (() => Promise<ServerBuild>)
  /** build/client of a production build; absent in dev, where Vite serves assets. */
  clientDir?: string
  devMiddleware?: RequestHandler
}

/** The whole HTTP stack in one place, shared by `npm start`, the dev server and the tests. */
export function createHttpApp(options: HttpAppOptions) {
  const { db, env } = options
  const app = express()
  app.disable('x-powered-by')
  if (env.TRUST_PROXY) app.set('trust proxy', true)

  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'same-origin')
    res.setHeader('X-Frame-Options', 'DENY')
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
      mode: env.NODE_ENV === 'production' ? 'production' : 'development',
      getLoadContext: (req) => ({ db, env, clientIp: req.ip ?? 'unknown' }),
    }),
  )
  return app
}

function originCheck(env: Env): RequestHandler {
  return (req, res, next) => {
    const allowed = isMutationFromAllowedOrigin({
      method: req.method,
      path: req.path,
      origin: req.get('origin'),
      referer: req.get('referer'),
      host: req.get('x-forwarded-host') && env.TRUST_PROXY ? req.get('x-forwarded-host') : req.get('host'),
      allowedOrigins: [env.APP_URL],
    })
    if (allowed) return next()
    console.warn(`[security] refused ${req.method} ${req.path} from origin ${req.get('origin') ?? '(none)'}`)
    res
      .status(403)
      .type('text/plain; charset=utf-8')
      .send(
        'Dit verzoek kwam niet van een Werkbrug-pagina en is geweigerd.\n' +
          'This request did not come from a Werkbrug page and was refused.\n',
      )
  }
}

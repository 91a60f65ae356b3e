import type { Db } from '#db/client.server'
import type { Env } from '~/lib/env.server'

declare module '@remix-run/node' {
  // Everything a loader or action needs from the process; built once by app/server/http.ts.
  interface AppLoadContext {
    db: Db
    /**
     * For heavy reads that may be seconds behind (risk portfolio, funnel report): the replica at
     * DATABASE_READ_URL, else the primary. Never for a read that decides a write.
     */
    readDb: Db
    env: Env
    clientIp: string
    /** This response's Content-Security-Policy nonce, for Remix's inline scripts. */
    cspNonce: string
    /**
     * Set by an action that answers with the page again (a refused form): its loaders run in the
     * same request and know that what they show was already shown (and audited) before.
     */
    answeredByAction?: boolean
    /** Set by handleError when the database was out of reach: the answer becomes a 503. */
    failure: { databaseUnavailable: boolean; unreadableInput: boolean }
  }
}

export {}

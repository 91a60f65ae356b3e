// The webhooks module's public entry for server code: other modules import from here, never a file of this
// folder (eslint: import-x/no-restricted-paths). Parts that also run in the browser are in index.ts.
export { emitWebhookEvent } from './emit.server'

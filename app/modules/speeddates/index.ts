// The speeddates module's public entry for code on either side: other modules import from here, never a file of
// this folder (eslint: import-x/no-restricted-paths). Server-only parts are in index.server.ts.
export { referenceCodeField } from './speeddates.schema'

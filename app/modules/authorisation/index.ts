// The authorisation module's public entry for code on either side: other modules import from here, never a file of
// this folder (eslint: import-x/no-restricted-paths). Server-only parts are in index.server.ts.
export type { Actor } from './actor'
export { assertCan, can, may } from './policy'
export { colleagueRoles } from './roles'
export type { Party, Role } from './roles'

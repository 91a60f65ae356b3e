import type { Role } from './roles'

/** Whoever acts: a logged-in user or an API key, always on behalf of one organisation. */
export type Actor = { userId: string | null; organisationId: string; role: Role; apiKeyId?: string }

export const roles = ['employer_owner', 'employer_member', 'intermediary_owner', 'intermediary', 'admin'] as const
export type Role = (typeof roles)[number]

/** Which side of Werkbrug a role acts for: modules behave by party, never by role name. */
export type Party = 'employer' | 'intermediary' | 'platform'

export function partyOf(role: Role): Party {
  if (role === 'employer_owner' || role === 'employer_member') return 'employer'
  if (role === 'intermediary_owner' || role === 'intermediary') return 'intermediary'
  return 'platform'
}

/** The roles someone can give a new colleague in their own organisation. */
export function colleagueRoles(party: Party): Role[] {
  if (party === 'employer') return ['employer_member', 'employer_owner']
  if (party === 'intermediary') return ['intermediary', 'intermediary_owner']
  return ['admin']
}

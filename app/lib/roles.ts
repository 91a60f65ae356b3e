export const roles = ['employer_owner', 'employer_member', 'intermediary', 'admin'] as const
export type Role = (typeof roles)[number]

export function isEmployerRole(role: Role): boolean {
  return role === 'employer_owner' || role === 'employer_member'
}

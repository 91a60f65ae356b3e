import type { Role } from './roles'

// What each role may do; the UI hides what a role cannot do, the server refuses it.
const grants = {
  'team:view': ['employer_owner', 'employer_member'],
  'team:manage': ['employer_owner'],
  'employers:view': ['intermediary', 'admin'],
  'vacancies:view': ['employer_owner', 'employer_member', 'intermediary', 'admin'],
  'vacancies:edit': ['employer_owner', 'employer_member'],
  'apiKeys:manage': ['employer_owner'],
  'speeddates:view': ['employer_owner', 'employer_member', 'intermediary', 'admin'],
  'speeddates:book': ['employer_owner', 'employer_member'],
  'speeddates:manage': ['intermediary', 'admin'],
  'hires:view': ['employer_owner', 'employer_member', 'intermediary', 'admin'],
  'hires:manage': ['intermediary', 'admin'],
  'policy:manage': ['admin'],
  'fees:manage': ['admin'],
  'payments:view': ['employer_owner', 'employer_member', 'intermediary', 'admin'],
  'payments:pay': ['employer_owner', 'employer_member'],
  // The demo's local mailbox (see requireDemoMailbox): the platform admin only.
  'mailbox:view': ['admin'],
  'staff:manage': ['admin'],
  'stripeRefusals:view': ['admin'],
  // Staff hold data about a vulnerable group: they must sign in with a second factor.
  'signIn:secondFactorRequired': ['intermediary', 'admin'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof grants

export function can(role: Role, permission: Permission): boolean {
  return (grants[permission] as readonly Role[]).includes(role)
}

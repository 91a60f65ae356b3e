import type { Actor } from './actor'
import { partyOf, type Role } from './roles'

/**
 * The one answer to "may this actor do this?". A permission is granted to roles (what the UI
 * shows and what a route checks), and — for a record — to the parties tied to it: the employer
 * whose record it is ("own") or the intermediary it is assigned to ("linked"). The platform admin
 * runs Werkbrug (policy content, locations, intermediary organisations) and holds no tenant's
 * record: it is never own or linked.
 */
const grants = {
  'team:view': ['employer_owner', 'employer_member', 'intermediary_owner', 'intermediary'],
  'team:manage': ['employer_owner', 'intermediary_owner'],
  'employers:view': ['intermediary_owner', 'intermediary'],
  // An intermediary asks an employer to work with it; the employer's owner says yes.
  'employers:invite': ['intermediary_owner', 'intermediary'],
  'intermediaries:link': ['employer_owner'],
  'vacancies:view': ['employer_owner', 'employer_member', 'intermediary_owner', 'intermediary'],
  'vacancies:edit': ['employer_owner', 'employer_member'],
  // An intermediary's key reads its own funnel report (GET /api/v1/reports/funnel) and nothing else.
  'apiKeys:manage': ['employer_owner', 'intermediary_owner'],
  // Webhooks tell an employer's own system (ATS, HR) of its vacancies, bookings and hires.
  'webhooks:manage': ['employer_owner'],
  'speeddates:view': ['employer_owner', 'employer_member', 'intermediary_owner', 'intermediary'],
  'speeddates:book': ['employer_owner', 'employer_member'],
  'speeddates:manage': ['intermediary_owner', 'intermediary'],
  'hires:view': ['employer_owner', 'employer_member', 'intermediary_owner', 'intermediary'],
  'hires:manage': ['intermediary_owner', 'intermediary'],
  // The intermediary's candidates, their matches' outcomes and the funnel report (issue 16).
  'pipeline:view': ['intermediary_owner', 'intermediary'],
  'pipeline:manage': ['intermediary_owner', 'intermediary'],
  'policy:manage': ['admin'],
  'fees:manage': ['intermediary_owner'],
  'payments:view': ['employer_owner', 'employer_member', 'intermediary_owner', 'intermediary'],
  'payments:pay': ['employer_owner', 'employer_member'],
  // The demo's local mailbox (see requireDemoMailbox): the platform admin only.
  'mailbox:view': ['admin'],
  'intermediaries:manage': ['admin'],
  // Reception locations (and what a visitor needs to find them): Werkbrug's shared list.
  'places:manage': ['admin'],
  'stripeRefusals:view': ['admin'],
  // Staff hold data about a vulnerable group: they must sign in with a second factor.
  'signIn:secondFactorRequired': ['intermediary_owner', 'intermediary', 'admin'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof grants

export function can(role: Role, permission: Permission): boolean {
  return (grants[permission] as readonly Role[]).includes(role)
}

/** Who a tenant record belongs to: the employer, and the intermediary it is assigned to. */
export type Ownership = { employerOrganisationId: string | null; intermediaryOrganisationId: string | null }

export type Relation = 'own' | 'linked' | 'none'

export function relationTo(actor: Actor, record: Ownership): Relation {
  const party = partyOf(actor.role)
  if (party === 'employer' && record.employerOrganisationId !== null && record.employerOrganisationId === actor.organisationId) return 'own'
  if (party === 'intermediary' && record.intermediaryOrganisationId !== null && record.intermediaryOrganisationId === actor.organisationId) return 'linked'
  return 'none'
}

/** The role holds the permission and the record is the actor's own or assigned to it. */
export function may(actor: Actor, permission: Permission, record: Ownership): boolean {
  return can(actor.role, permission) && relationTo(actor, record) !== 'none'
}

/** For modules: a refused action is a 403 the caller maps (routes) or a problem (API). */
export class NotPermittedError extends Error {
  constructor(readonly permission: Permission) {
    super(`not permitted: ${permission}`)
  }
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw new NotPermittedError(permission)
}

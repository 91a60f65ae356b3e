import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { partnerInvitations, payments, speeddateProposals, vacancies } from '../../db/schema'
import { hashToken } from '../../app/lib/tokens.server'
import type { Actor } from '../../app/modules/authorisation/actor'
import { createApiKey } from '../../app/modules/api-keys/api-keys.server'
import { createInvitation } from '../../app/modules/accounts/invitations.server'
import { bookSlot } from '../../app/modules/speeddates/bookings.server'
import { createCandidate } from '../../app/modules/speeddates/seats.server'
import { createSlot } from '../../app/modules/speeddates/slots.server'
import { createHire } from '../../app/modules/twv/hires.server'
import { vacancyCreateSchema } from '../../app/modules/vacancies/vacancies.schema'
import { createVacancy } from '../../app/modules/vacancies/vacancies.server'
import type { Browser, TestApp } from './app'
import { databaseFingerprint } from './fingerprint'
import { createEmployer, createPublishedVacancy, createStaff, createUser, localInDays, TEST_PASSWORD, validVacancyBody } from './factories'
import { listPolicyRules } from '../../app/modules/policy/policy.server'
import { saveScan } from '../../app/modules/scan/scans.server'
import { ruleToFormValues } from '../../app/modules/policy/policy-form'

/**
 * Every route of the build × who asks × whose record. The expected statuses below are written
 * by hand from what each party should be able to do — not computed from the policy under test.
 * A cell that allows a write must succeed with a valid body; a refused one must change nothing.
 *
 * The parties: the primary employer (owner and HR member) works with intermediary A; "another
 * employer" works with A too; "another intermediary" B serves its own employer. A record of
 * side "own" belongs to the primary employer and A, of side "other" to B's employer and B.
 */
export const actors = ['anon', 'owner', 'member', 'otherEmployer', 'linked', 'linkedOwner', 'otherIntermediary', 'admin'] as const
export type ActorName = (typeof actors)[number]
export type Side = 'own' | 'other'
/** One status for both records (or a route without one), or [own record, other record]. */
type Cell = number | [number, number]
type Row = Record<ActorName, Cell>

export type Records = Awaited<ReturnType<typeof recordMaker>>
export type Call = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH'
  /** The URL, given the records of the side under test and who asks. */
  path: (r: Records, who: ActorName) => Promise<string> | string
  body?: (r: Records, who: ActorName) => Promise<Record<string, unknown>> | Record<string, unknown>
  expect: Row
  /**
   * A write. Its allowed cells (a 2xx or 3xx that is not a sign-in redirect) must change data,
   * unless `changes: false` (e.g. signing in only writes a session); refused cells must not.
   */
  writes?: boolean
  changes?: false
  /** Who may use it: signed-in users (default; an anonymous 302 is the way to the login page), only anonymous visitors, or anyone. */
  audience?: 'signedIn' | 'anonymous' | 'public'
  api?: boolean
  /** Undo what an allowed write did that would change later cells (e.g. a new link between organisations). */
  cleanup?: () => Promise<void>
  /** A list: does the answer mention the side's record (by `marker`)? [own record, other record] per asker. */
  lists?: { marker: (r: Records) => Promise<string>; shows: Partial<Record<ActorName, [boolean, boolean]>> }
}

// Shorthands for rows that many routes share; each is still a literal table.
const forgetScanLimits = async () => {
  await app.database.query(`delete from rate_limits where key like 'scan-%'`)
}

// An organisation keeps at most five endpoints: the ones the table's own requests made are stopped
// again, so that a long fuzz run does not fill them up and get its valid control refused.
const stopCatalogueEndpoints = async () => {
  await app.database.query(`update webhook_endpoints set disabled_at = now() where url = 'https://93.184.215.14/werkbrug' and disabled_at is null`)
}

/** The employer's people and the intermediary's staff; the admin runs no speeddates. */
const speeddatePeople = (status: number): Row => ({ anon: 302, owner: status, member: status, otherEmployer: status, linked: status, linkedOwner: status, otherIntermediary: status, admin: 403 })
const signedInOnly = (status: number): Row => ({ anon: 302, owner: status, member: status, otherEmployer: status, linked: status, linkedOwner: status, otherIntermediary: status, admin: status })
const everyone = (status: number): Row => ({ anon: status, owner: status, member: status, otherEmployer: status, linked: status, linkedOwner: status, otherIntermediary: status, admin: status })
const anonymousOnly = (status: number): Row => ({ anon: status, owner: 302, member: 302, otherEmployer: 302, linked: 302, linkedOwner: 302, otherIntermediary: 302, admin: 302 })
// An employer's record as the portal shows it: the employer and A see it, B sees only its own.
const employerRecordPage: Row = { anon: 302, owner: [200, 404], member: [200, 404], otherEmployer: [404, 404], linked: [200, 404], linkedOwner: [200, 404], otherIntermediary: [404, 200], admin: [403, 403] }
// Intermediaries hold keys too (for their report): on an employer endpoint such a key is a 403.
const employerRecordApi = (ok: number): Row => ({ anon: 401, owner: [ok, 404], member: [ok, 404], otherEmployer: [404, 404], linked: 403, linkedOwner: 403, otherIntermediary: 403, admin: 401 })
const apiList: Row = { anon: 401, owner: 200, member: 200, otherEmployer: 200, linked: 403, linkedOwner: 403, otherIntermediary: 403, admin: 401 }
const staffOnlyPage: Row = { anon: 302, owner: 403, member: 403, otherEmployer: 403, linked: 200, linkedOwner: 200, otherIntermediary: 200, admin: 403 }
const tenantListPage: Row = { anon: 302, owner: 200, member: 200, otherEmployer: 200, linked: 200, linkedOwner: 200, otherIntermediary: 200, admin: 403 }
// Who finds an employer's record in a list: the employer's own people and its intermediary.
const employerRecordSeenBy: Partial<Record<ActorName, [boolean, boolean]>> = { owner: [true, false], member: [true, false], otherEmployer: [false, false], linked: [true, false], linkedOwner: [true, false], otherIntermediary: [false, true], admin: [false, false] }
const adminOnly = (status: number): Row => ({ anon: 302, owner: 403, member: 403, otherEmployer: 403, linked: 403, linkedOwner: 403, otherIntermediary: 403, admin: status })

export const matrix: Record<string, Call[]> = {
  'routes/_index': [{ method: 'GET', path: () => '/', expect: anonymousOnly(200) }],
  'routes/healthz': [{ method: 'GET', path: () => '/healthz', expect: everyone(200) }],
  'routes/readyz': [{ method: 'GET', path: () => '/readyz', expect: everyone(200) }],
  'routes/api-docs': [{ method: 'GET', path: () => '/api-docs', expect: everyone(200) }],
  'routes/api.v1.openapi[.]json': [{ method: 'GET', path: () => '/api/v1/openapi.json', expect: everyone(200), api: true }],
  'routes/locales.$locale[.]json': [{ method: 'GET', path: () => '/locales/en.json', expect: everyone(200) }],
  'routes/api.v1.policy-rules': [{ method: 'GET', path: () => '/api/v1/policy-rules', expect: everyone(200), api: true }],
  'routes/api.v1.policy-rules.$key': [{ method: 'GET', path: () => '/api/v1/policy-rules/risk.bsn-wait', expect: everyone(200), api: true }],
  'routes/language': [
    { method: 'GET', path: () => '/language', expect: everyone(302) },
    { method: 'POST', path: () => '/language', body: () => ({ locale: 'nl', redirectTo: '/' }), expect: everyone(302), writes: true, changes: false, audience: 'public' },
  ],
  'routes/login': [
    { method: 'GET', path: () => '/login', expect: anonymousOnly(200) },
    { method: 'POST', path: () => '/login', body: async (r) => ({ email: await r.freshUser(), password: TEST_PASSWORD }), expect: everyone(302), writes: true, changes: false, audience: 'anonymous' },
  ],
  'routes/login_.two-factor': [
    { method: 'GET', path: () => '/login/two-factor', expect: everyone(302) },
    { method: 'POST', path: () => '/login/two-factor', body: () => ({ code: '123456' }), expect: everyone(302) },
  ],
  'routes/logout': [
    { method: 'GET', path: () => '/logout', expect: everyone(302) },
    // Ends the asker's own session only (sessions are not part of the fingerprint).
    { method: 'POST', path: () => '/logout', body: () => ({}), expect: everyone(302), writes: true, changes: false, audience: 'public' },
  ],
  'routes/register': [
    { method: 'GET', path: () => '/register', expect: anonymousOnly(200) },
    { method: 'POST', path: () => '/register', body: (r) => r.registration(), expect: anonymousOnly(200), writes: true, audience: 'anonymous' },
  ],
  'routes/forgot-password': [
    { method: 'GET', path: () => '/forgot-password', expect: everyone(200) },
    // An unknown address gets the same answer as a known one, and an email saying there is no account.
    { method: 'POST', path: () => '/forgot-password', body: (r) => ({ email: `niemand-${r.n}@matrix.example` }), expect: everyone(200), writes: true, audience: 'public' },
  ],
  'routes/reset-password': [
    { method: 'GET', path: () => '/reset-password?token=unknown', expect: everyone(200) },
    { method: 'POST', path: () => '/reset-password', body: () => ({ token: 'unknown', password: 'een lang genoeg wachtwoord' }), expect: everyone(200) },
  ],
  'routes/confirm-email': [
    { method: 'GET', path: () => '/confirm-email?token=unknown', expect: everyone(200) },
    { method: 'POST', path: () => '/confirm-email', body: () => ({ token: 'unknown' }), expect: everyone(200) },
  ],
  'routes/invitations.$token': [
    { method: 'GET', path: () => '/invitations/unknown-token', expect: everyone(200) },
    { method: 'POST', path: () => '/invitations/unknown-token', body: () => ({ name: 'Iemand', password: 'een lang genoeg wachtwoord' }), expect: everyone(200) },
  ],
  // The intermediary's overview lists the employers it works with.
  'routes/dashboard': [
    { method: 'GET', path: () => '/dashboard', expect: signedInOnly(200), lists: { marker: async (r) => r.employerName, shows: { linked: [true, false], linkedOwner: [true, false], otherIntermediary: [false, true], admin: [false, false] } } },
    // An intermediary invites an employer to work with it.
    { method: 'POST', path: () => '/dashboard', body: (r) => ({ email: `werkgever-${r.n}@matrix.example` }), expect: { anon: 302, owner: 403, member: 403, otherEmployer: 403, linked: 200, linkedOwner: 200, otherIntermediary: 200, admin: 403 }, writes: true },
  ],
  // An invitation of the side's intermediary: any employer's owner may accept it, nobody else.
  'routes/partners.$token': [
    { method: 'GET', path: async (r) => `/partners/${await r.partnerToken()}`, expect: everyone(200) },
    { method: 'POST', path: async (r) => `/partners/${await r.partnerToken()}`, body: () => ({}), expect: { anon: 302, owner: [302, 302], member: 403, otherEmployer: [302, 302], linked: 403, linkedOwner: 403, otherIntermediary: 403, admin: 403 }, writes: true, cleanup: unlinkFromOtherIntermediary },
  ],
  'routes/settings.security': [
    { method: 'GET', path: () => '/settings/security', expect: signedInOnly(200) },
    { method: 'POST', path: () => '/settings/security', body: () => ({ code: '000000' }), expect: signedInOnly(400) },
  ],
  'routes/speeddates.week': [{ method: 'GET', path: () => '/speeddates/week?start=not-a-date', expect: { anon: 302, owner: 200, member: 200, otherEmployer: 200, linked: 200, linkedOwner: 200, otherIntermediary: 200, admin: 403 } }],
  'routes/search': [{ method: 'GET', path: () => '/search?q=vacature', expect: signedInOnly(200) }],
  'routes/settings.notifications': [
    { method: 'GET', path: () => '/settings/notifications', expect: signedInOnly(200) },
    // Each person's own choices; a kind the role does not receive is ignored (the admin receives none).
    { method: 'POST', path: () => '/settings/notifications', body: () => ({ vacancy_published: 'daily_digest', vacancy_submitted: 'daily_digest' }), expect: signedInOnly(302), writes: true, changes: false },
  ],
  'routes/settings.calendar': [
    { method: 'GET', path: () => '/settings/calendar', expect: speeddatePeople(200) },
    { method: 'POST', path: () => '/settings/calendar', body: () => ({ intent: 'open' }), expect: speeddatePeople(200), writes: true },
  ],
  // The address is the key; a wrong one is 404 for everyone, signed in or not.
  'routes/calendar.$token': [{ method: 'GET', path: () => `/calendar/${'x'.repeat(43)}.ics`, expect: everyone(404), audience: 'public' }],
  // The public front page and quick scan: anyone; a signed-in person's front page is the dashboard.
  'routes/scan._index': [
    { method: 'GET', path: () => '/scan', expect: everyone(200) },
    { method: 'POST', path: () => '/scan', body: () => ({ hoursMin: '16', hoursMax: '16', shifts: 'weekend' }), expect: everyone(302), writes: true, audience: 'public', cleanup: forgetScanLimits },
  ],
  'routes/scan.$id': [
    { method: 'GET', path: () => `/scan/${world.scanId}`, expect: everyone(200) },
    // Eight people from one address would hit the mailing limit (5 an hour per IP): each cell starts afresh.
    { method: 'POST', path: () => `/scan/${world.scanId}`, body: () => ({ email: 'zelf@matrix.example' }), expect: everyone(302), writes: true, audience: 'public', cleanup: forgetScanLimits },
  ],
  'routes/sitemap[.]xml': [{ method: 'GET', path: () => '/sitemap.xml', expect: everyone(200) }],
  'routes/risks.$code': [{ method: 'GET', path: () => '/risks/bsn-wait', expect: signedInOnly(200) }],
  'routes/risks._index': [{ method: 'GET', path: () => '/risks', expect: staffOnlyPage, lists: { marker: (r) => r.publishedVacancy(), shows: { linked: [true, false], linkedOwner: [true, false], otherIntermediary: [false, true] } } }],
  'routes/mailbox._index': [{ method: 'GET', path: () => '/mailbox', expect: adminOnly(200) }],
  'routes/mailbox.$id': [{ method: 'GET', path: () => `/mailbox/${world.emailId}`, expect: adminOnly(200) }],
  'routes/mailbox.$id.html': [{ method: 'GET', path: () => `/mailbox/${world.emailId}/html`, expect: adminOnly(200) }],
  // The invitation carries no attachment: the admin gets 404 for index 0, everyone else 403.
  'routes/mailbox.$id.attachments.$index': [{ method: 'GET', path: () => `/mailbox/${world.emailId}/attachments/0`, expect: adminOnly(404) }],
  'routes/webhooks.stripe': [
    { method: 'GET', path: () => '/webhooks/stripe', expect: everyone(405) },
    // Without Stripe keys the webhook does not exist.
    { method: 'POST', path: () => '/webhooks/stripe', body: () => ({}), expect: everyone(404) },
  ],

  'routes/admin.policy': [
    { method: 'GET', path: () => '/admin/policy', expect: adminOnly(200) },
    { method: 'POST', path: () => '/admin/policy', body: (r) => r.policyEdit(), expect: adminOnly(302), writes: true },
  ],
  'routes/admin.locations': [
    { method: 'GET', path: () => '/admin/locations', expect: adminOnly(200) },
    { method: 'POST', path: () => '/admin/locations', body: (r) => ({ intent: 'create', name: `Locatie ${r.n}`, municipality: 'Almere', address: '', postcode: '', arrival: '', contact: '', accessibility: '' }), expect: adminOnly(302), writes: true },
  ],
  'routes/admin.staff': [
    { method: 'GET', path: () => '/admin/staff', expect: adminOnly(200) },
    { method: 'POST', path: () => '/admin/staff', body: (r) => ({ intent: 'open', name: `Bemiddelaar ${r.n}`, ownerEmail: `eigenaar-${r.n}@matrix.example` }), expect: adminOnly(200), writes: true },
    { method: 'POST', path: () => '/admin/staff', body: (r) => ({ intent: 'stripeAccount', organisationId: world.intermediary.own.organisation.id, stripeAccountId: `acct_matrix${r.n}x` }), expect: adminOnly(200), writes: true },
  ],
  'routes/admin.fees': [
    { method: 'GET', path: () => '/admin/fees', expect: { anon: 302, owner: 403, member: 403, otherEmployer: 403, linked: 403, linkedOwner: 200, otherIntermediary: 403, admin: 403 } },
    { method: 'POST', path: () => '/admin/fees', body: () => ({ kind: 'placement', amount: '450', vatPercent: '21', effectiveFrom: localInDays(3, 0).slice(0, 10) }), expect: { anon: 302, owner: 403, member: 403, otherEmployer: 403, linked: 403, linkedOwner: 302, otherIntermediary: 403, admin: 403 }, writes: true },
  ],

  'routes/team._index': [
    { method: 'GET', path: () => '/team', expect: tenantListPage },
    { method: 'POST', path: () => '/team', body: (_r, who) => ({ email: `collega-${Math.random().toString(36).slice(2)}@matrix.example`, role: who === 'linkedOwner' ? 'intermediary' : 'employer_member' }), expect: { anon: 302, owner: 200, member: 403, otherEmployer: 200, linked: 403, linkedOwner: 200, otherIntermediary: 403, admin: 403 }, writes: true },
    { method: 'POST', path: () => '/team', body: async (r) => ({ intent: 'revoke', invitationId: await r.invitation() }), expect: { anon: 302, owner: [200, 404], member: 403, otherEmployer: [404, 404], linked: 403, linkedOwner: [404, 404], otherIntermediary: 403, admin: 403 }, writes: true },
  ],
  'routes/team.members.$userId': [
    { method: 'GET', path: async (r) => `/team/members/${await r.member()}`, expect: { anon: 302, owner: [200, 404], member: [200, 404], otherEmployer: [404, 404], linked: [404, 404], linkedOwner: [404, 404], otherIntermediary: [404, 404], admin: 403 } },
    { method: 'POST', path: async (r) => `/team/members/${await r.member()}`, body: () => ({}), expect: { anon: 302, owner: [302, 404], member: 403, otherEmployer: [404, 404], linked: 403, linkedOwner: [404, 404], otherIntermediary: 403, admin: 403 }, writes: true },
  ],
  'routes/settings.api-keys': [
    { method: 'GET', path: () => '/settings/api-keys', expect: { anon: 302, owner: 200, member: 403, otherEmployer: 200, linked: 403, linkedOwner: 200, otherIntermediary: 403, admin: 403 } },
    { method: 'POST', path: () => '/settings/api-keys', body: () => ({ name: 'Matrix' }), expect: { anon: 302, owner: 200, member: 403, otherEmployer: 200, linked: 403, linkedOwner: 200, otherIntermediary: 403, admin: 403 }, writes: true },
    { method: 'POST', path: () => '/settings/api-keys', body: async (r) => ({ intent: 'revoke', keyId: (await r.apiKey()).id }), expect: { anon: 302, owner: [200, 404], member: 403, otherEmployer: [404, 404], linked: 403, linkedOwner: [404, 404], otherIntermediary: 403, admin: 403 }, writes: true },
  ],

  // An employer owner's own system; an IP literal, so no DNS is needed to accept it.
  'routes/settings.webhooks': [
    { method: 'GET', path: () => '/settings/webhooks', expect: { anon: 302, owner: 200, member: 403, otherEmployer: 200, linked: 403, linkedOwner: 403, otherIntermediary: 403, admin: 403 } },
    { method: 'POST', path: () => '/settings/webhooks', body: () => ({ intent: 'create', url: 'https://93.184.215.14/werkbrug', eventTypes: 'booking.requested' }), expect: { anon: 302, owner: 302, member: 403, otherEmployer: 302, linked: 403, linkedOwner: 403, otherIntermediary: 403, admin: 403 }, writes: true, cleanup: stopCatalogueEndpoints },
    { method: 'POST', path: () => '/settings/webhooks', body: () => ({ intent: 'test', endpointId: '00000000-0000-4000-8000-000000000000' }), expect: { anon: 302, owner: 404, member: 403, otherEmployer: 404, linked: 403, linkedOwner: 403, otherIntermediary: 403, admin: 403 }, writes: true },
  ],

  'routes/vacancies._index': [{ method: 'GET', path: () => '/vacancies', expect: tenantListPage, lists: { marker: (r) => r.publishedVacancy(), shows: employerRecordSeenBy } }],
  'routes/vacancies.new': [
    { method: 'GET', path: () => '/vacancies/new', expect: { anon: 302, owner: 200, member: 200, otherEmployer: 200, linked: 403, linkedOwner: 403, otherIntermediary: 403, admin: 403 } },
    { method: 'POST', path: () => '/vacancies/new', body: () => ({ title: 'Matrix' }), expect: { anon: 302, owner: 302, member: 302, otherEmployer: 302, linked: 403, linkedOwner: 403, otherIntermediary: 403, admin: 403 }, writes: true },
  ],
  'routes/vacancies.$id._index': [
    { method: 'GET', path: async (r) => `/vacancies/${await r.publishedVacancy()}`, expect: employerRecordPage },
    // Closing: the employer or its intermediary.
    { method: 'POST', path: async (r) => `/vacancies/${await r.publishedVacancy()}`, body: () => ({ intent: 'close' }), expect: { anon: 302, owner: [302, 404], member: [302, 404], otherEmployer: [404, 404], linked: [302, 404], linkedOwner: [302, 404], otherIntermediary: [404, 302], admin: [403, 403] }, writes: true },
    // Publishing: the intermediary the vacancy is assigned to, nobody else.
    { method: 'POST', path: async (r) => `/vacancies/${await r.submittedVacancy()}`, body: () => ({ intent: 'publish' }), expect: { anon: 302, owner: [409, 404], member: [409, 404], otherEmployer: [404, 404], linked: [302, 404], linkedOwner: [302, 404], otherIntermediary: [404, 302], admin: [403, 403] }, writes: true },
  ],
  'routes/vacancies.$id.edit': [
    { method: 'GET', path: async (r) => `/vacancies/${await r.draftVacancy()}/edit`, expect: { anon: 302, owner: [200, 404], member: [200, 404], otherEmployer: [404, 404], linked: 403, linkedOwner: 403, otherIntermediary: 403, admin: 403 } },
    { method: 'POST', path: async (r) => `/vacancies/${await r.draftVacancy()}/edit`, body: () => ({ title: 'Matrix bewerkt' }), expect: { anon: 302, owner: [302, 404], member: [302, 404], otherEmployer: [404, 404], linked: 403, linkedOwner: 403, otherIntermediary: 403, admin: 403 }, writes: true },
  ],
  'routes/vacancies.$id.arrangements': [
    { method: 'GET', path: async (r) => `/vacancies/${await r.publishedVacancy()}/arrangements`, expect: { anon: 302, owner: [200, 404], member: [200, 404], otherEmployer: [404, 404], linked: 403, linkedOwner: 403, otherIntermediary: 403, admin: 403 } },
    { method: 'POST', path: async (r) => `/vacancies/${await r.publishedVacancy()}/arrangements`, body: () => ({ travelMode: 'bicycle' }), expect: { anon: 302, owner: [302, 404], member: [302, 404], otherEmployer: [404, 404], linked: 403, linkedOwner: 403, otherIntermediary: 403, admin: 403 }, writes: true },
  ],
  'routes/vacancies.$id.checklist[.]pdf': [{ method: 'GET', path: async (r) => `/vacancies/${await r.publishedVacancy()}/checklist.pdf`, expect: employerRecordPage }],

  'routes/speeddates._index': [
    // A booked slot: its employer and its intermediary see it, nobody else.
    { method: 'GET', path: () => '/speeddates', expect: tenantListPage, lists: { marker: async (r) => (await r.booking()).slotId, shows: employerRecordSeenBy } },
    { method: 'POST', path: () => '/speeddates', body: async (r, who) => ({ intent: 'book', slotId: await r.slot(), vacancyId: await r.ownPublishedVacancy(who) }), expect: { anon: 302, owner: [302, 404], member: [302, 404], otherEmployer: [302, 404], linked: 403, linkedOwner: 403, otherIntermediary: 403, admin: 403 }, writes: true },
    { method: 'POST', path: () => '/speeddates', body: async (r) => ({ intent: 'propose', vacancyId: await r.publishedVacancy(), ...r.proposedTime(), placeKind: 'employer_site', placeAddress: 'Matrixweg 1' }), expect: { anon: 302, owner: [302, 400], member: [302, 400], otherEmployer: [400, 400], linked: 403, linkedOwner: 403, otherIntermediary: 403, admin: 403 }, writes: true },
    { method: 'POST', path: () => '/speeddates', body: async (r) => ({ intent: 'acceptProposal', proposalId: await r.proposal(), timeIndex: '0', seats: '4' }), expect: { anon: 302, owner: 403, member: 403, otherEmployer: 403, linked: [302, 404], linkedOwner: [302, 404], otherIntermediary: [404, 302], admin: 403 }, writes: true },
  ],
  'routes/speeddates.new': [
    { method: 'GET', path: () => '/speeddates/new', expect: staffOnlyPage },
    { method: 'POST', path: () => '/speeddates/new', body: (r) => ({ ...r.slotTimes(), placeKind: 'employer_site', placeAddress: 'Matrixweg 2', receptionLocationId: '', seats: '4', note: '' }), expect: { anon: 302, owner: 403, member: 403, otherEmployer: 403, linked: 302, linkedOwner: 302, otherIntermediary: 302, admin: 403 }, writes: true },
  ],
  'routes/speeddates.$id': [
    // A free slot: every employer of its intermediary may see it on offer.
    { method: 'GET', path: async (r) => `/speeddates/${await r.slot()}`, expect: { anon: 302, owner: [200, 404], member: [200, 404], otherEmployer: [200, 404], linked: [200, 404], linkedOwner: [200, 404], otherIntermediary: [404, 200], admin: [403, 403] } },
    { method: 'POST', path: async (r) => `/speeddates/${(await r.booking()).slotId}`, body: async (r) => ({ intent: 'approve', bookingId: (await r.booking()).bookingId }), expect: { anon: 302, owner: [403, 404], member: [403, 404], otherEmployer: [404, 404], linked: [302, 404], linkedOwner: [302, 404], otherIntermediary: [404, 302], admin: [403, 403] }, writes: true },
    { method: 'POST', path: async (r) => `/speeddates/${(await r.booking()).slotId}`, body: async (r) => ({ intent: 'cancel', bookingId: (await r.booking()).bookingId, cancelReason: 'Matrix' }), expect: { anon: 302, owner: [302, 404], member: [302, 404], otherEmployer: [404, 404], linked: [302, 404], linkedOwner: [302, 404], otherIntermediary: [404, 302], admin: [403, 403] }, writes: true },
    { method: 'POST', path: async (r) => `/speeddates/${await r.slot()}`, body: () => ({ intent: 'cancelSlot', slotReason: 'Matrix' }), expect: { anon: 302, owner: [403, 404], member: [403, 404], otherEmployer: [403, 404], linked: [302, 404], linkedOwner: [302, 404], otherIntermediary: [404, 302], admin: [403, 403] }, writes: true },
  ],

  'routes/hires._index': [
    { method: 'GET', path: () => '/hires', expect: tenantListPage, lists: { marker: (r) => r.hire(), shows: employerRecordSeenBy } },
    { method: 'POST', path: () => '/hires', body: async (r) => ({ vacancyId: await r.publishedVacancy(), candidateId: await r.candidate(), residenceStatus: 'unknown' }), expect: { anon: 302, owner: 403, member: 403, otherEmployer: 403, linked: [302, 400], linkedOwner: [302, 400], otherIntermediary: [400, 302], admin: 403 }, writes: true },
  ],
  'routes/hires.$id._index': [
    { method: 'GET', path: async (r) => `/hires/${await r.hire()}`, expect: employerRecordPage },
    { method: 'POST', path: async (r) => `/hires/${await r.hire()}`, body: () => ({ intent: 'facts', residenceStatus: 'asylum_seeker', isAdult: 'yes', asylumApplicationDate: '', wDocumentValidUntil: '', dublinClaimant: '', medicalResidenceGround: '', hasBsn: '' }), expect: { anon: 302, owner: 403, member: 403, otherEmployer: 403, linked: [302, 404], linkedOwner: [302, 404], otherIntermediary: [404, 302], admin: 403 }, writes: true },
    // Either side ticks a document as in hand; another tenant's hire is not found.
    { method: 'POST', path: async (r) => `/hires/${await r.hire()}`, body: () => ({ intent: 'document', documentKey: 'doc.w_document', inHand: 'yes' }), expect: { anon: 302, owner: 302, member: 302, otherEmployer: 404, linked: 302, linkedOwner: 302, otherIntermediary: 404, admin: 403 }, writes: true },
  ],
  'routes/hires.$id.checklist': [{ method: 'GET', path: async (r) => `/hires/${await r.hire()}/checklist`, expect: employerRecordPage }],
  'routes/hires.$id.checklist[.]pdf': [{ method: 'GET', path: async (r) => `/hires/${await r.hire()}/checklist.pdf`, expect: employerRecordPage }],

  // The funnel of the intermediary's own candidates: intermediaries only, each its own; the
  // platform admin sees no candidate data.
  'routes/reports._index': [
    { method: 'GET', path: () => '/reports', expect: { anon: 302, owner: 403, member: 403, otherEmployer: 403, linked: 200, linkedOwner: 200, otherIntermediary: 200, admin: 403 } },
    { method: 'POST', path: () => '/reports?index', body: () => ({ intent: 'approach', organisationName: 'Matrix BV', approachedOn: '2026-01-05', outcome: 'interested' }), expect: { anon: 302, owner: 403, member: 403, otherEmployer: 403, linked: 302, linkedOwner: 302, otherIntermediary: 302, admin: 403 }, writes: true },
  ],
  'routes/reports.funnel[.]csv': [{ method: 'GET', path: () => '/reports/funnel.csv', expect: { anon: 302, owner: 403, member: 403, otherEmployer: 403, linked: 200, linkedOwner: 200, otherIntermediary: 200, admin: 403 } }],

  // Candidates are the intermediary's own (pseudonymous to employers, none of the platform's).
  'routes/api.v1.reports.funnel': [
    {
      method: 'GET',
      path: () => '/api/v1/reports/funnel',
      expect: { anon: 401, owner: 403, member: 403, otherEmployer: 403, linked: 200, linkedOwner: 200, otherIntermediary: 200, admin: 401 },
      api: true,
    },
  ],
  'routes/candidates._index': [
    {
      method: 'GET',
      path: () => '/candidates',
      expect: { anon: 302, owner: 403, member: 403, otherEmployer: 403, linked: 200, linkedOwner: 200, otherIntermediary: 200, admin: 403 },
      lists: { marker: (r) => r.candidate(), shows: { linked: [true, false], linkedOwner: [true, false], otherIntermediary: [false, true] } },
    },
  ],
  'routes/candidates.new': [
    { method: 'GET', path: () => '/candidates/new', expect: { anon: 302, owner: 403, member: 403, otherEmployer: 403, linked: 200, linkedOwner: 200, otherIntermediary: 200, admin: 403 } },
    { method: 'POST', path: () => '/candidates/new', body: () => ({ referenceCode: `MXN-${Math.random().toString(36).slice(2, 8)}`, gender: 'female' }), expect: { anon: 302, owner: 403, member: 403, otherEmployer: 403, linked: 302, linkedOwner: 302, otherIntermediary: 302, admin: 403 }, writes: true },
  ],
  'routes/candidates.$id': [
    { method: 'GET', path: async (r) => `/candidates/${await r.candidate()}`, expect: { anon: 302, owner: 403, member: 403, otherEmployer: 403, linked: [200, 404], linkedOwner: [200, 404], otherIntermediary: [404, 200], admin: 403 } },
    { method: 'POST', path: async (r) => `/candidates/${await r.candidate()}`, body: () => ({ intent: 'intake', referenceCode: `MXE-${Math.random().toString(36).slice(2, 8)}`, hoursWanted: '24' }), expect: { anon: 302, owner: 403, member: 403, otherEmployer: 403, linked: [302, 404], linkedOwner: [302, 404], otherIntermediary: [404, 302], admin: 403 }, writes: true },
  ],
  'routes/candidates.$id.export[.]json': [
    { method: 'GET', path: async (r) => `/candidates/${await r.candidate()}/export.json`, expect: { anon: 302, owner: 403, member: 403, otherEmployer: 403, linked: [200, 404], linkedOwner: [200, 404], otherIntermediary: [404, 200], admin: 403 } },
  ],

  'routes/payments._index': [{ method: 'GET', path: () => '/payments', expect: signedInOnly(200), lists: { marker: (r) => r.payment(), shows: employerRecordSeenBy } }],
  'routes/payments.$id': [
    { method: 'GET', path: async (r) => `/payments/${await r.payment()}`, expect: { anon: 302, owner: [200, 404], member: [200, 404], otherEmployer: [404, 404], linked: [200, 404], linkedOwner: [200, 404], otherIntermediary: [404, 200], admin: [403, 403] } },
    // Without Stripe keys paying is "unavailable" — but only on one's own charge.
    { method: 'POST', path: async (r) => `/payments/${await r.payment()}`, body: () => ({}), expect: { anon: 302, owner: [302, 404], member: [302, 404], otherEmployer: [404, 404], linked: 403, linkedOwner: 403, otherIntermediary: 403, admin: 403 } },
  ],

  'routes/api.v1.vacancies': [
    { method: 'GET', path: () => '/api/v1/vacancies', expect: apiList, api: true, lists: { marker: (r) => r.publishedVacancy(), shows: { owner: [true, false], member: [true, false], otherEmployer: [false, false] } } },
    { method: 'POST', path: () => '/api/v1/vacancies', body: () => ({ title: 'Matrix via API' }), expect: { ...apiList, owner: 201, member: 201, otherEmployer: 201 }, writes: true, api: true },
  ],
  'routes/api.v1.vacancies.$id': [
    { method: 'GET', path: async (r) => `/api/v1/vacancies/${await r.publishedVacancy()}`, expect: employerRecordApi(200), api: true },
    { method: 'PATCH', path: async (r) => `/api/v1/vacancies/${await r.draftVacancy()}`, body: () => ({ title: 'Matrix PATCH' }), expect: employerRecordApi(200), writes: true, api: true },
  ],
  'routes/api.v1.vacancies.$id.submit': [
    // The method is wrong before anyone is asked for a key.
    { method: 'GET', path: async (r) => `/api/v1/vacancies/${await r.completeDraft()}/submit`, expect: everyone(405), api: true },
    { method: 'POST', path: async (r) => `/api/v1/vacancies/${await r.completeDraft()}/submit`, body: () => ({}), expect: employerRecordApi(200), writes: true, api: true },
  ],
  'routes/api.v1.vacancies.$id.arrangements': [
    { method: 'GET', path: async (r) => `/api/v1/vacancies/${await r.publishedVacancy()}/arrangements`, expect: employerRecordApi(200), api: true },
    { method: 'PUT', path: async (r) => `/api/v1/vacancies/${await r.publishedVacancy()}/arrangements`, body: () => ({ travelMode: 'bicycle' }), expect: employerRecordApi(200), writes: true, api: true },
  ],
  'routes/api.v1.vacancies.$id.risks': [{ method: 'GET', path: async (r) => `/api/v1/vacancies/${await r.publishedVacancy()}/risks`, expect: employerRecordApi(200), api: true }],
  'routes/api.v1.vacancies.$id.twv-checklist[.]pdf': [{ method: 'GET', path: async (r) => `/api/v1/vacancies/${await r.publishedVacancy()}/twv-checklist.pdf`, expect: employerRecordApi(200), api: true }],
  'routes/api.v1.hires': [{ method: 'GET', path: () => '/api/v1/hires', expect: apiList, api: true, lists: { marker: (r) => r.hire(), shows: { owner: [true, false], member: [true, false], otherEmployer: [false, false] } } }],
  'routes/api.v1.hires.$id.arrangements': [
    { method: 'GET', path: async (r) => `/api/v1/hires/${await r.hire()}/arrangements`, expect: employerRecordApi(200), api: true },
    { method: 'PUT', path: async (r) => `/api/v1/hires/${await r.hire()}/arrangements`, body: () => ({ travelMode: 'bicycle' }), expect: employerRecordApi(200), writes: true, api: true },
  ],
  'routes/api.v1.hires.$id.risks': [{ method: 'GET', path: async (r) => `/api/v1/hires/${await r.hire()}/risks`, expect: employerRecordApi(200), api: true }],
  'routes/api.v1.hires.$id.twv-guidance': [{ method: 'GET', path: async (r) => `/api/v1/hires/${await r.hire()}/twv-guidance`, expect: employerRecordApi(200), api: true }],
  'routes/api.v1.hires.$id.twv-checklist[.]pdf': [{ method: 'GET', path: async (r) => `/api/v1/hires/${await r.hire()}/twv-checklist.pdf`, expect: employerRecordApi(200), api: true }],
  'routes/api.v1.speeddate-slots': [{ method: 'GET', path: () => '/api/v1/speeddate-slots', expect: apiList, api: true }],
  'routes/api.v1.speeddate-slots.$id.bookings': [
    { method: 'POST', path: async (r) => `/api/v1/speeddate-slots/${await r.slot()}/bookings`, body: async (r, who) => ({ vacancyId: await r.ownPublishedVacancy(who) }), expect: { ...employerRecordApi(201), otherEmployer: [201, 404] }, writes: true, api: true },
  ],
  'routes/api.v1.bookings.$id': [{ method: 'GET', path: async (r) => `/api/v1/bookings/${(await r.booking()).bookingId}`, expect: employerRecordApi(200), api: true }],
  'routes/api.v1.bookings.$id.cancel': [
    { method: 'POST', path: async (r) => `/api/v1/bookings/${(await r.booking()).bookingId}/cancel`, body: () => ({}), expect: employerRecordApi(200), writes: true, api: true },
  ],
}

// --- the world ---------------------------------------------------------------------------------

let app: TestApp
let build: ServerBuild
const browsers = new Map<ActorName, Browser>()
const apiKeys = new Map<ActorName, string>()
let world: Awaited<ReturnType<typeof buildWorld>>
let counter = 0

async function buildWorld() {
  const db = app.database.db
  const a = await createStaff(db)
  const primary = await createEmployer(db, { intermediaryOrganisationId: a.organisation.id })
  const second = await createEmployer(db, { intermediaryOrganisationId: a.organisation.id })
  const b = await createStaff(db)
  const bEmployer = await createEmployer(db, { intermediaryOrganisationId: b.organisation.id })
  const users: Record<Exclude<ActorName, 'anon'>, { email: string }> = {
    owner: primary.owner,
    member: primary.member,
    otherEmployer: second.owner,
    linked: a.intermediary,
    linkedOwner: a.owner,
    otherIntermediary: b.intermediary,
    admin: a.admin,
  }
  const actor = (user: { id: string; organisationId: string; role: Actor['role'] }) => ({ userId: user.id, organisationId: user.organisationId, role: user.role })
  // Inviting someone queues an email: the mailbox cells read it.
  await createInvitation(db, { ...actor(primary.owner), name: primary.owner.name, organisationName: primary.organisation.name, locale: 'nl' }, { email: 'postvak@matrix.example', role: 'employer_member', appUrl: app.url })
  const [email] = await app.database.query<{ id: number }>('select id from email_outbox order by id desc limit 1')
  // A completed quick scan: its result page is public (its id is the key).
  const scanId = await saveScan(db, { title: 'Matrix', hoursMin: 16, hoursMax: 16, contractMonths: null, shifts: ['weekend'], travelTimes: [], englishLevel: null, startDate: null })
  return {
    emailId: email!.id,
    scanId,
    users,
    employer: { own: primary, other: bEmployer, second },
    intermediary: { own: a, other: b },
    employerActor: { own: actor(primary.owner), other: actor(bEmployer.owner), second: actor(second.owner) },
    consultant: { own: actor(a.intermediary), other: actor(b.intermediary) },
  }
}

/** Records of one side, each made on first use; a write cell gets a fresh set. */
export function recordMaker(side: Side) {
  const db = app.database.db
  const n = ++counter
  const employer = world.employer[side]
  const employerActor = world.employerActor[side]
  const consultant = world.consultant[side]
  const once = <T>(make: () => Promise<T>) => {
    let value: Promise<T> | undefined
    return () => (value ??= make())
  }
  // Slots must not overlap per consultant: one hour each, spread over days.
  const slotHour = () => {
    const k = ++counter
    return { startsAt: localInDays(20 + Math.floor(k / 10), 8 + (k % 10)), endsAt: localInDays(20 + Math.floor(k / 10), 9 + (k % 10)) }
  }
  const publishedVacancy = once(() => createPublishedVacancy(db, employer.organisation.id, `Matrix ${n}`))
  const slot = once(() => createSlot(db, consultant, { ...slotHour(), placeKind: 'employer_site', receptionLocationId: null, placeAddress: 'Matrixweg 3', seats: 4, note: null }))
  const ownVacancies: Partial<Record<ActorName, Promise<string>>> = {}
  const candidate = once(() => createCandidate(db, consultant, { referenceCode: `MX-${n}-${side}`, firstName: 'Kandidaat', languages: 'Engels', experience: '' }))
  const records = {
    n,
    employerName: employer.organisation.name,
    partnerToken: once(async () => {
      const token = `matrix-partner-${n}-${side}`
      await db.insert(partnerInvitations).values({ intermediaryOrganisationId: world.intermediary[side].organisation.id, email: `partner-${n}@matrix.example`, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 86_400_000) })
      return token
    }),
    freshUser: once(async () => (await createUser(db, world.employer.own.organisation.id, 'employer_member', { email: `login-${n}@matrix.example` })).email),
    publishedVacancy,
    slot,
    candidate,
    draftVacancy: once(() => createVacancy(db, employerActor, { fields: vacancyCreateSchema().parse({ title: `Concept ${n}` }).fields, intermediaryOrganisationId: undefined })),
    completeDraft: once(async () => createVacancy(db, employerActor, vacancyCreateSchema().parse(await validVacancyBody(db)))),
    submittedVacancy: once(async () => {
      const [row] = await db.insert(vacancies).values({ organisationId: employer.organisation.id, intermediaryOrganisationId: world.intermediary[side].organisation.id, title: `Ingediend ${n}`, status: 'submitted' }).returning({ id: vacancies.id })
      return row!.id
    }),
    /** A published vacancy of the asking employer itself (to book with), assigned to A. */
    ownPublishedVacancy: (who: ActorName) => {
      const org = who === 'otherEmployer' ? world.employer.second.organisation.id : world.employer.own.organisation.id
      return (ownVacancies[who] ??= createPublishedVacancy(db, org, `Eigen ${n}`))
    },
    booking: once(async () => {
      const slotId = await slot()
      const bookingId = await bookSlot(db, employerActor, slotId, await publishedVacancy(), { appUrl: app.url })
      return { slotId, bookingId: bookingId! }
    }),
    hire: once(async () => createHire(db, consultant, { vacancyId: await publishedVacancy(), candidateId: await candidate(), residenceStatus: 'asylum_seeker' })),
    payment: once(async () => {
      const [row] = await db
        .insert(payments)
        .values({ kind: 'placement', payerOrganisationId: employer.organisation.id, intermediaryOrganisationId: world.intermediary[side].organisation.id, description: `Matrix ${n}`, netCents: 10000, vatBasisPoints: 2100, vatCents: 2100, grossCents: 12100 })
        .returning({ id: payments.id })
      return row!.id
    }),
    proposal: once(async () => {
      const [row] = await db
        .insert(speeddateProposals)
        .values({ organisationId: employer.organisation.id, vacancyId: await publishedVacancy(), times: [slotHour()].map((t) => ({ startsAt: t.startsAt, endsAt: t.endsAt })), placeKind: 'employer_site', placeAddress: 'Matrixweg 4' })
        .returning({ id: speeddateProposals.id })
      return row!.id
    }),
    proposedTime: () => {
      const t = slotHour()
      return { time1Start: t.startsAt, time1End: t.endsAt }
    },
    slotTimes: () => slotHour(),
    member: once(async () => (await createUser(db, employer.organisation.id, 'employer_member')).id),
    invitation: once(async () => {
      const owner = employer.owner
      const { invitationId } = await createInvitation(
        db,
        { ...employerActor, userId: owner.id, name: owner.name, organisationName: employer.organisation.name, locale: 'nl' },
        { email: `uitgenodigd-${n}@matrix.example`, role: 'employer_member', appUrl: app.url },
      )
      return invitationId
    }),
    apiKey: once(async () => {
      const { id } = await createApiKey(db, employerActor, `Matrix ${n}`)
      return { id }
    }),
    registration: () => ({ organisationName: `Matrix BV ${n}`, kvkNumber: String(60_000_000 + n), contactName: 'Matrix', email: `registratie-${n}@matrix.example`, password: 'een lang genoeg wachtwoord', intermediaryOrganisationId: world.intermediary.own.organisation.id }),
    // The first rule's form as the page shows it, with its English title changed.
    policyEdit: async () => {
      const [rule] = (await listPolicyRules(db)).sort((a, b) => a.key.localeCompare(b.key))
      const values = ruleToFormValues(rule!)
      // A real edit each time (the matrix checks that an allowed call writes).
      return { key: rule!.key, ...values, titleEn: `${values.titleEn!.replace(/ \(matrix \d+\)$/, '')} (matrix ${n})` }
    },
  }
  return records
}

/** A digest of the tenant and account data: a refused request must leave it exactly as it was. */
export async function fingerprint(): Promise<string> {
  return databaseFingerprint(app.database)
}

export async function send(who: ActorName, call: Call, records: Records) {
  const url = await call.path(records, who)
  const body = call.body ? await call.body(records, who) : undefined
  if (call.api) {
    const key = apiKeys.get(who)
    const response = await fetch(new URL(url, app.url), {
      method: call.method,
      headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      redirect: 'manual',
    })
    return { status: response.status, text: await response.text() }
  }
  const browser = who === 'anon' ? app.browser() : browsers.get(who)!
  const response = call.method === 'GET' ? await browser.get(url) : await browser.post(url, Object.fromEntries(Object.entries(body ?? {}).map(([k, v]) => [k, String(v)])))
  return { status: response.status, text: await response.text() }
}


/** Starts the world the catalogue's calls expect: the parties, their sessions and API keys. */
export async function setUpCatalogue(testApp: TestApp) {
  app = testApp
  build = (await import(pathToFileURL(path.resolve('build/server/index.js')).href)) as ServerBuild
  world = await buildWorld()
  for (const [name, user] of Object.entries(world.users)) {
    const browser = app.browser()
    await browser.logIn(user.email, TEST_PASSWORD)
    browsers.set(name as ActorName, browser)
  }
  apiKeys.set('owner', (await createApiKey(app.database.db, world.employerActor.own, 'Matrix owner')).key)
  apiKeys.set('member', apiKeys.get('owner')!)
  apiKeys.set('otherEmployer', (await createApiKey(app.database.db, world.employerActor.second, 'Matrix second')).key)
  apiKeys.set('linked', (await createApiKey(app.database.db, world.consultant.own, 'Matrix intermediary A')).key)
  apiKeys.set('linkedOwner', apiKeys.get('linked')!)
  apiKeys.set('otherIntermediary', (await createApiKey(app.database.db, world.consultant.other, 'Matrix intermediary B')).key)
}

/** The route ids of the build, root left out. */
export function buildRouteIds(): string[] {
  return Object.keys(build.routes).filter((id) => id !== 'root').sort()
}

export function isAllowedWrite(call: Call, who: ActorName, expected: number): boolean {
  if (!call.writes || expected < 200 || expected >= 400) return false
  const audience = call.audience ?? 'signedIn'
  if (audience === 'signedIn') return !(who === 'anon' && expected === 302)
  if (audience === 'anonymous') return who === 'anon'
  return true
}

/** The primary employers work with A only; an accepted invitation of B is undone after its cell. */
async function unlinkFromOtherIntermediary() {
  const employers = [world.employer.own.organisation.id, world.employer.second.organisation.id].map((id) => `'${id}'`).join(', ')
  await app.database.query(`delete from employer_intermediaries where intermediary_organisation_id = '${world.intermediary.other.organisation.id}' and employer_organisation_id in (${employers})`)
}

export async function signInAgain(who: ActorName) {
  if (who === 'anon') return
  const browser = app.browser()
  await browser.logIn(world.users[who].email, TEST_PASSWORD)
  browsers.set(who, browser)
}


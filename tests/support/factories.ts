import { randomBytes } from 'node:crypto'
import type { Db } from '../../db/client.server'
import { asc, eq } from 'drizzle-orm'
import { employerIntermediaries, organisations, receptionLocations, users, vacancies } from '../../db/schema'
import { createApiKey } from '../../app/modules/api-keys/api-keys.server'
import { hashPassword } from '../../app/lib/passwords.server'
import type { Role } from '../../app/modules/authorisation/roles'

export const TEST_PASSWORD = 'test-password-of-length'
/** Staff must sign in with a second factor; test staff use this authenticator key. */
export const TEST_TOTP_SECRET = 'KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD'
let cachedHash: Promise<string> | undefined

const unique = () => randomBytes(4).toString('hex')

function kvk(): string {
  return String(10_000_000 + Math.floor(Math.random() * 89_999_999))
}

export async function createOrganisation(db: Db, kind: 'employer' | 'intermediary' | 'platform' = 'employer') {
  const [organisation] = await db
    .insert(organisations)
    .values({
      kind,
      // Test intermediaries have connected their own Stripe account (Connect); see decision 012.
      stripeAccountId: kind === 'intermediary' ? `acct_test${unique()}${unique()}` : null,
      name: `${kind === 'employer' ? 'Werkgever' : kind === 'intermediary' ? 'Bemiddeling' : 'Platform'} ${unique()}`,
      kvkNumber: kind === 'employer' ? kvk() : null,
    })
    .returning()
  return organisation!
}

export async function createUser(db: Db, organisationId: string, role: Role, overrides: { email?: string; locale?: 'nl' | 'en' } = {}) {
  cachedHash ??= hashPassword(TEST_PASSWORD)
  const [user] = await db
    .insert(users)
    .values({
      organisationId,
      role,
      email: overrides.email ?? `${role}-${unique()}@test.example`,
      name: `Test ${role} ${unique()}`,
      passwordHash: await cachedHash,
      locale: overrides.locale ?? 'nl',
      emailConfirmedAt: new Date(),
      ...(role === 'intermediary' || role === 'intermediary_owner' || role === 'admin' ? { totpSecret: TEST_TOTP_SECRET, totpEnabledAt: new Date() } : {}),
    })
    .returning()
  return user!
}

type Organisation = Awaited<ReturnType<typeof createOrganisation>>

/**
 * A test database's first intermediary: employers from createEmployer work with it, and the
 * first createStaff staffs it, whichever of the two comes first. Later createStaff calls open
 * other intermediaries, which see none of those employers.
 */
const defaultIntermediary = new WeakMap<Db, { organisation: Promise<Organisation>; staffed: boolean }>()

function theDefaultIntermediary(db: Db) {
  let entry = defaultIntermediary.get(db)
  if (!entry) {
    entry = { organisation: createOrganisation(db, 'intermediary'), staffed: false }
    defaultIntermediary.set(db, entry)
  }
  return entry
}

export async function linkToIntermediary(db: Db, employerOrganisationId: string, intermediaryOrganisationId: string) {
  await db.insert(employerIntermediaries).values({ employerOrganisationId, intermediaryOrganisationId }).onConflictDoNothing()
}

/** An employer organisation with an owner and an HR member, working with the given intermediary (default: the first). */
export async function createEmployer(db: Db, options: { intermediaryOrganisationId?: string } = {}) {
  const organisation = await createOrganisation(db)
  const intermediaryOrganisationId = options.intermediaryOrganisationId ?? (await theDefaultIntermediary(db).organisation).id
  await linkToIntermediary(db, organisation.id, intermediaryOrganisationId)
  const owner = await createUser(db, organisation.id, 'employer_owner')
  const member = await createUser(db, organisation.id, 'employer_member')
  return { organisation, owner, member }
}

/**
 * An intermediary's staff (a consultant and an owner) and a platform admin. The first call staffs
 * the default intermediary; later calls open a new one each.
 */
export async function createStaff(db: Db) {
  const entry = theDefaultIntermediary(db)
  const organisation = entry.staffed ? await createOrganisation(db, 'intermediary') : await entry.organisation
  entry.staffed = true
  const intermediary = await createUser(db, organisation.id, 'intermediary')
  const owner = await createUser(db, organisation.id, 'intermediary_owner')
  const platform = await createOrganisation(db, 'platform')
  const admin = await createUser(db, platform.id, 'admin')
  return { organisation, intermediary, owner, admin }
}

/** A complete, valid vacancy body as the API takes it, with a travel time per location. */
export async function validVacancyBody(db: Db, overrides: Record<string, unknown> = {}) {
  const locations = await db.select({ id: receptionLocations.id }).from(receptionLocations)
  const start = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)
  return {
    title: 'Orderpicker',
    sector: 'logistics',
    tasks: 'Orders verzamelen.',
    address: 'Transportweg 1',
    postcode: '1332 AB',
    municipality: 'Almere',
    travelTimes: locations.map((l) => ({ receptionLocationId: l.id, minutes: 30 })),
    hoursMin: 24,
    hoursMax: 32,
    contractType: 'temporary',
    contractMonths: 6,
    shifts: ['day'],
    hourlyWageCents: 1500,
    forWorkersUnder21: false,
    youngestAge: null,
    startDate: start,
    positions: 2,
    englishLevel: 'a_little',
    dutchLevel: 'none',
    physicalDemands: null,
    requirements: null,
    candidateStatus: 'asylum_seekers_welcome',
    trialPlacementOffered: false,
    trialPlacementWeeks: null,
    ...overrides,
  }
}

export async function createEmployerWithApiKey(db: Db) {
  const employer = await createEmployer(db)
  const { key } = await createApiKey(
    db,
    { userId: employer.owner.id, organisationId: employer.organisation.id, role: 'employer_owner' },
    'test key',
  )
  return { ...employer, apiKey: key }
}

/** A published vacancy straight in the table: for tests about what happens after publishing. */
export async function createPublishedVacancy(db: Db, organisationId: string, title = 'Gepubliceerde vacature') {
  const [link] = await db
    .select({ id: employerIntermediaries.intermediaryOrganisationId })
    .from(employerIntermediaries)
    .where(eq(employerIntermediaries.employerOrganisationId, organisationId))
    .orderBy(asc(employerIntermediaries.createdAt))
    .limit(1)
  const intermediaryOrganisationId = link?.id ?? (await theDefaultIntermediary(db).organisation).id
  const [row] = await db.insert(vacancies).values({ organisationId, intermediaryOrganisationId, title, status: 'published' }).returning({ id: vacancies.id })
  return row!.id
}

/** Amsterdam wall-clock time N days from now at the given hour, as the slot form takes it. */
export function localInDays(days: number, hour: number) {
  const date = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
  return `${date}T${String(hour).padStart(2, '0')}:00`
}

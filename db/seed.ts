// Demo data: `npm run db:seed` on any database; applied automatically on the first start of an
// empty embedded database. Everything is fictional (".example" addresses, made-up KvK numbers).
import { pathToFileURL } from 'node:url'
import { count, eq } from 'drizzle-orm'
import { todayInAmsterdam } from '../app/lib/dates'
import { nextWorkingDay } from '../app/lib/holidays'
import { hashPassword } from '../app/lib/passwords.server'
import type { Actor } from '../app/modules/authorisation/actor'
import { importHistory } from '../app/modules/pipeline/history-import.server'
import { recordApproach, recordTargetGroup } from '../app/modules/pipeline/funnel.server'
import { createApiKey } from '../app/modules/api-keys/api-keys.server'
import { emptyVacancyFields, type VacancyFields } from '../app/modules/vacancies/vacancies.schema'
import { createVacancy, listReceptionLocations, transitionVacancy } from '../app/modules/vacancies/vacancies.server'
import { saveArrangements } from '../app/modules/risks/risks.server'
import { createCandidate } from '../app/modules/speeddates/seats.server'
import { createSlot } from '../app/modules/speeddates/slots.server'
import { createHire, tickStep, updateHireFacts } from '../app/modules/twv/hires.server'
import type { Db } from './client.server'
import { appMeta, employerIntermediaries, organisations, receptionLocations, users } from './schema'
import { pilotEmployers, pilotHistoryCsv } from './pilot-history'

export const DEMO_PASSWORD = 'werkbrug-demo-2026'
/**
 * The demo's staff sign in with a second factor like real staff. Their authenticator key is
 * published here (add it to an authenticator app, or run `npm run demo:code`): demo data only.
 */
export const DEMO_TOTP_SECRET = 'Z7HWCCNIVANQIDMK7YPRTYOKNM2ZWB6B'

// Two intermediaries, each with its own employers, slots and fees: a staffing agency and a
// municipality's employer desk. Almere Schoon works with both and picks one per vacancy.
export const demoLogins = [
  { role: 'admin', email: 'beheer@werkbrug.example', organisation: 'Werkbrug (platform)' },
  { role: 'intermediary_owner', email: 'bemiddelaar@werkbrug.example', organisation: 'Werkbrug Bemiddeling Almere' },
  { role: 'employer_owner', email: 'hr@flevo-logistiek.example', organisation: 'Flevo Logistiek BV' },
  { role: 'employer_owner', email: 'eigenaar@almere-schoon.example', organisation: 'Almere Schoon Schoonmaakdiensten' },
  { role: 'intermediary_owner', email: 'adviseur@wsp-almere.example', organisation: 'Werkgeversservicepunt Gemeente Almere' },
  { role: 'employer_owner', email: 'personeel@groen-en-zorg.example', organisation: 'Groen & Zorg Almere BV' },
] as const

// Fixed so the README can list them; they exist only in a demo database.
export const demoApiKeys = [
  { organisation: 'Flevo Logistiek BV', key: 'wbk_demo_flevo_logistiek_7Qm2xR9cVt4L' },
  { organisation: 'Almere Schoon Schoonmaakdiensten', key: 'wbk_demo_almere_schoon_K3pW8sYd2NfA' },
] as const

export async function databaseIsEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organisations)
  return (row?.n ?? 0) === 0
}

export async function isDemoDatabase(db: Db): Promise<boolean> {
  const [row] = await db.select({ key: appMeta.key }).from(appMeta).where(eq(appMeta.key, 'demo'))
  return Boolean(row)
}

export async function seedDemoData(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const confirmed = { emailConfirmedAt: new Date() }
  const secondFactor = { ...confirmed, totpSecret: DEMO_TOTP_SECRET, totpEnabledAt: new Date() }
  await db.transaction(async (tx) => {
    const [platform, intermediary, flevo, schoon, desk, groen] = await tx
      .insert(organisations)
      .values([
        { kind: 'platform', name: 'Werkbrug (platform)' },
        // Demo Stripe Connect accounts: used only with the local Stripe stand-in (npm run stripe:stand-in).
        { kind: 'intermediary', name: 'Werkbrug Bemiddeling Almere', stripeAccountId: 'acct_demoWerkbrugBemiddeling' },
        { kind: 'employer', name: 'Flevo Logistiek BV', kvkNumber: '39012345' },
        { kind: 'employer', name: 'Almere Schoon Schoonmaakdiensten', kvkNumber: '39054321' },
        { kind: 'intermediary', name: 'Werkgeversservicepunt Gemeente Almere', stripeAccountId: 'acct_demoWspAlmere' },
        { kind: 'employer', name: 'Groen & Zorg Almere BV', kvkNumber: '39077889' },
      ])
      .returning({ id: organisations.id })
    await tx.insert(employerIntermediaries).values([
      { employerOrganisationId: flevo!.id, intermediaryOrganisationId: intermediary!.id },
      { employerOrganisationId: schoon!.id, intermediaryOrganisationId: intermediary!.id },
      { employerOrganisationId: schoon!.id, intermediaryOrganisationId: desk!.id },
      { employerOrganisationId: groen!.id, intermediaryOrganisationId: desk!.id },
    ])
    const [, ilse, sanne, , karin, joost, fatima] = await tx
      .insert(users)
      .values([
        { organisationId: platform!.id, email: demoLogins[0].email, name: 'Bram Beheer', role: 'admin', passwordHash, ...secondFactor },
        { organisationId: intermediary!.id, email: demoLogins[1].email, name: 'Ilse Bemiddelaar', role: 'intermediary_owner', passwordHash, ...secondFactor },
        { organisationId: flevo!.id, email: demoLogins[2].email, name: 'Sanne de Vries', role: 'employer_owner', passwordHash, ...confirmed },
        { organisationId: flevo!.id, email: 'planning@flevo-logistiek.example', name: 'Ahmed Bakker', role: 'employer_member', passwordHash, ...confirmed },
        { organisationId: schoon!.id, email: demoLogins[3].email, name: 'Karin Jansen', role: 'employer_owner', passwordHash, locale: 'en', ...confirmed },
        { organisationId: desk!.id, email: demoLogins[4].email, name: 'Joost Werkgeversadviseur', role: 'intermediary_owner', passwordHash, ...secondFactor },
        { organisationId: groen!.id, email: demoLogins[5].email, name: 'Fatima El Amrani', role: 'employer_owner', passwordHash, ...confirmed },
      ])
      .returning({ id: users.id })
    const flevoOwner: Actor = { userId: sanne!.id, organisationId: flevo!.id, role: 'employer_owner' }
    const schoonOwner: Actor = { userId: karin!.id, organisationId: schoon!.id, role: 'employer_owner' }
    const groenOwner: Actor = { userId: fatima!.id, organisationId: groen!.id, role: 'employer_owner' }
    const reviewer: Actor = { userId: ilse!.id, organisationId: intermediary!.id, role: 'intermediary_owner' }
    const adviser: Actor = { userId: joost!.id, organisationId: desk!.id, role: 'intermediary_owner' }
    await createApiKey(tx, flevoOwner, 'Demo: koppeling met ons planningssysteem', demoApiKeys[0].key)
    await createApiKey(tx, schoonOwner, 'Demo integration', demoApiKeys[1].key)
    // How to arrive at the reception locations, as an admin would note it. No street address:
    // the demo does not guess one; the slot page says it has not been entered yet.
    await tx
      .update(receptionLocations)
      .set({
        arrival: 'Meld u bij de receptie en noem de naam van de consultant uit de bevestiging. Neem een identiteitsbewijs mee; bezoekers krijgen een bezoekerspas.',
        contact: 'De consultant van de speeddate (naam en telefoon in de bevestiging)',
      })
    const published = await seedDemoVacancies(tx, { flevoOwner, schoonOwner, reviewer, intermediary: intermediary!.id })
    const candidateIds = await seedDemoSpeeddates(tx, reviewer)
    await seedDemoHires(tx, reviewer, published, candidateIds)
    await seedSecondIntermediary(tx, { adviser, groenOwner, schoonOwner })
    await seedDemoPipeline(tx, reviewer)
    await tx.insert(appMeta).values({ key: 'demo', value: { seededAt: new Date().toISOString() } })
  })
}

/**
 * A year of the staffing agency's history, shaped like the Almere pilot (db/pilot-history.ts):
 * 169 intakes, 60 matches, 46 placements, loaded through the same import an intermediary uses,
 * with COA's numbers and the employers approached — so the report opens on a real funnel.
 */
async function seedDemoPipeline(tx: Db, consultant: Actor) {
  const start = inDays(-364)
  const imported = await importHistory(tx, consultant, pilotHistoryCsv(start))
  if (!imported.ok) throw new Error(`demo history does not import: ${JSON.stringify(imported.errors.slice(0, 3))}`)
  const locations = await listReceptionLocations(tx)
  const [engelseMijl, markerkant] = [locations.find((l) => l.name === 'Almere Engelse Mijl'), locations.find((l) => l.name === 'Almere Markerkant')]
  // The pilot's totals (report table 3.1); the split per location is the demo's own.
  if (engelseMijl) await recordTargetGroup(tx, consultant, { receptionLocationId: engelseMijl.id, referenceDate: inDays(-1), residents: 1213, statusHolders: 300, asylumSeekers: 500 })
  if (markerkant) await recordTargetGroup(tx, consultant, { receptionLocationId: markerkant.id, referenceDate: inDays(-1), residents: 124, statusHolders: 52, asylumSeekers: 72 })
  const placing = pilotEmployers
  const others = ['Bakkerij De Korenschoof', 'Hotel Weerwater', 'Timmerfabriek Flevo', 'Kwekerij Zeewolde', 'Transport Oostvaarders', 'Schoonmaakbedrijf Stad']
  for (const [i, organisationName] of [...placing, ...others].entries()) {
    await recordApproach(tx, consultant, { organisationName, approachedOn: inDays(-360 + i * 20), outcome: i < placing.length ? 'placed' : i % 2 ? 'not_interested' : 'no_answer', note: null })
  }
}

/** Free speeddate slots over the coming weeks at both reception locations, and a few candidates. */
async function seedDemoSpeeddates(tx: Db, consultant: Actor) {
  const locations = await listReceptionLocations(tx)
  for (let i = 0; i < 6; i++) {
    const day = workingDayIn(7 + i * 4)
    const morning = i % 2 === 0
    await createSlot(tx, consultant, {
      startsAt: `${day}T${morning ? '10:00' : '14:00'}`,
      endsAt: `${day}T${morning ? '11:30' : '15:30'}`,
      placeKind: 'reception_location',
      receptionLocationId: locations[i % locations.length]!.id,
      placeAddress: null,
      seats: 8,
      note: i === 0 ? 'Gesprekken in het Engels; tolk Arabisch aanwezig.' : null,
    })
  }
  const pool = [
    ['AZC-1042', 'Samir', 'Arabisch, Engels (goed)', 'Magazijnwerk in Jordanië'],
    ['AZC-1057', 'Hewan', 'Tigrinya, Engels (redelijk)', 'Schoonmaak hotel'],
    ['AZC-1063', 'Yusuf', 'Turks, Engels (een beetje)', 'Heftruck, 3 jaar'],
    ['AZC-1071', 'Maryam', 'Farsi, Engels (goed)', 'Administratie'],
  ] as const
  const ids: string[] = []
  for (const [referenceCode, firstName, languages, experience] of pool) {
    ids.push(await createCandidate(tx, consultant, { referenceCode, firstName, languages, experience }))
  }
  return ids
}

function inDays(days: number): string {
  const date = new Date(`${todayInAmsterdam()}T12:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/** A speeddate or start date of the demo: never on a weekend or a public holiday. */
function workingDayIn(days: number): string {
  return nextWorkingDay(inDays(days))
}

/**
 * The municipality's employer desk: its own employer, a published vacancy, slots and candidates,
 * none of which the staffing agency sees (and the other way round).
 */
async function seedSecondIntermediary(tx: Db, actors: { adviser: Actor; groenOwner: Actor; schoonOwner: Actor }) {
  const locations = await listReceptionLocations(tx)
  const gardener = await createVacancy(tx, actors.groenOwner, {
    fields: {
      ...emptyVacancyFields,
      title: 'Hovenier openbaar groen',
      sector: 'other',
      tasks: 'Plantsoenen onderhouden, snoeien en maaien in een vaste ploeg.',
      address: 'Kemphaanpad 4',
      postcode: '1358 AC',
      municipality: 'Almere',
      travelTimes: locations.map((location, i) => ({ receptionLocationId: location.id, minutes: 20 + i * 10 })),
      hoursMin: 32,
      hoursMax: 38,
      contractType: 'temporary',
      contractMonths: 12,
      shifts: ['day'],
      hourlyWageCents: 1490,
      startDate: workingDayIn(35),
      positions: 2,
      englishLevel: 'a_little',
      dutchLevel: 'none',
      candidateStatus: 'asylum_seekers_welcome',
    },
    intermediaryOrganisationId: undefined,
  })
  await transitionVacancy(tx, actors.groenOwner, gardener, 'submit', { appUrl: null })
  await transitionVacancy(tx, actors.adviser, gardener, 'publish', { appUrl: null })
  // Almere Schoon works with both: this draft is for the municipality's desk.
  await createVacancy(tx, actors.schoonOwner, {
    fields: { ...emptyVacancyFields, title: 'Glazenwasser (werkervaringsplaats)', sector: 'cleaning', municipality: 'Almere' },
    intermediaryOrganisationId: actors.adviser.organisationId,
  })
  for (let i = 0; i < 3; i++) {
    const day = workingDayIn(9 + i * 7)
    await createSlot(tx, actors.adviser, {
      startsAt: `${day}T13:00`,
      endsAt: `${day}T14:30`,
      placeKind: 'reception_location',
      receptionLocationId: locations[(i + 1) % locations.length]!.id,
      placeAddress: null,
      seats: 6,
      note: i === 0 ? 'Werkgeversservicepunt: gesprekken met tolk Tigrinya.' : null,
    })
  }
  await createCandidate(tx, actors.adviser, { referenceCode: 'WSP-2031', firstName: 'Tesfay', languages: 'Tigrinya, Engels (een beetje)', experience: 'Tuinbouw in Eritrea' })
  await createCandidate(tx, actors.adviser, { referenceCode: 'WSP-2044', firstName: 'Lina', languages: 'Arabisch, Engels (goed)', experience: 'Kwekerij, 2 jaar' })
}

async function seedDemoVacancies(tx: Db, actors: { flevoOwner: Actor; schoonOwner: Actor; reviewer: Actor; intermediary: string }) {
  const locations = await listReceptionLocations(tx)
  const travel = (...minutes: number[]) =>
    locations.map((location, i) => ({ receptionLocationId: location.id, minutes: minutes[i] ?? minutes[0]! }))
  const base = (overrides: Partial<VacancyFields> & { title: string }): VacancyFields => ({
    ...emptyVacancyFields,
    sector: 'logistics',
    address: 'Transportweg 12',
    postcode: '1332 AB',
    municipality: 'Almere',
    travelTimes: travel(25, 35),
    contractType: 'temporary',
    contractMonths: 6,
    shifts: ['day'],
    hourlyWageCents: 1525,
    startDate: workingDayIn(28),
    positions: 3,
    englishLevel: 'a_little',
    dutchLevel: 'none',
    candidateStatus: 'asylum_seekers_welcome',
    ...overrides,
  })
  const forAgency = (overrides: Partial<VacancyFields> & { title: string }) => ({ fields: base(overrides), intermediaryOrganisationId: actors.intermediary })

  const orderpicker = await createVacancy(tx, actors.flevoOwner, forAgency({
    title: 'Orderpicker distributiecentrum',
    tasks: 'Orders verzamelen met een handscanner, rolcontainers laden, werken in een team van acht.',
    hoursMin: 32,
    hoursMax: 38,
    shifts: ['day', 'evening'],
    positions: 4,
    physicalDemands: 'Veel lopen en tillen tot 20 kg.',
    trialPlacementOffered: true,
    trialPlacementWeeks: 4,
  }))
  const forklift = await createVacancy(tx, actors.flevoOwner, forAgency({
    title: 'Heftruckchauffeur',
    tasks: 'Pallets laden en lossen, voorraad aanvullen in het hoogbouwmagazijn.',
    hoursMin: 36,
    hoursMax: 40,
    hourlyWageCents: 1650,
    requirements: 'Heftruckcertificaat of bereid dat in de eerste maand te halen.',
    englishLevel: 'reasonable',
    positions: 2,
  }))
  await createVacancy(tx, actors.flevoOwner, forAgency({
    title: 'Magazijnmedewerker weekend',
    tasks: 'Retouren sorteren en inpakken op zaterdag en zondag.',
    hoursMin: 16,
    hoursMax: 16,
    shifts: ['weekend'],
    positions: 2,
  }))
  const cleaner = await createVacancy(tx, actors.schoonOwner, forAgency({
    title: 'Schoonmaker kantoren (avond)',
    sector: 'cleaning',
    tasks: 'Kantoren schoonmaken in Almere Stad, na kantoortijd.',
    address: 'Stationsplein 5',
    postcode: '1315 KT',
    travelTimes: travel(20, 15),
    hoursMin: 16,
    hoursMax: 16,
    shifts: ['evening'],
    hourlyWageCents: 1480,
    contractType: 'permanent',
    contractMonths: null,
    englishLevel: 'none',
    positions: 5,
  }))
  await createVacancy(tx, actors.schoonOwner, forAgency({
    title: 'Schoonmaakmedewerker ziekenhuis',
    sector: 'cleaning',
    tasks: 'Patiëntenkamers en gangen schoonmaken volgens hygiëneprotocol.',
    hoursMin: 24,
    hoursMax: 32,
    candidateStatus: 'status_holders_only',
    dutchLevel: 'a_little',
  }))

  for (const id of [orderpicker, cleaner]) {
    await transitionVacancy(tx, actors[id === cleaner ? 'schoonOwner' : 'flevoOwner'], id, 'submit', { appUrl: null })
    await transitionVacancy(tx, actors.reviewer, id, 'publish', { appUrl: null })
  }
  await transitionVacancy(tx, actors.flevoOwner, forklift, 'submit', { appUrl: null })
  // What HR agreed for its orderpickers: the bus fare paid in advance, a job coach of the
  // municipality for the first three months. (The weekend vacancy is left without: its travel
  // risk is the demo's first thing to fix.)
  await saveArrangements(tx, actors.flevoOwner, { vacancyId: orderpicker }, {
    travelMode: 'public_transport',
    travelPayer: 'employer',
    travelAmountCents: 940,
    travelAmountUnit: 'per_day',
    travelPaid: 'in_advance',
    travelPaidDaysAfter: null,
    travelDistanceKm: 14,
    travelFareCentsPerDay: 940,
    coachProvider: 'municipality',
    coachHoursPerWeek: 2,
    coachWeeks: 13,
    coachContact: 'Jobcoach Werkplein Almere',
    languageSupport: null,
    languagePayer: null,
    trialKind: 'probation',
  }, 'nl')
  return { flevo: orderpicker, schoon: cleaner }
}

/** Per demo employer one asylum seeker on the TWV path and one status holder. */
async function seedDemoHires(tx: Db, intermediary: Actor, published: { flevo: string; schoon: string }, candidateIds: string[]) {
  const today = todayInAmsterdam()
  const earlier = (days: number) => inDays(-days)
  for (const [i, vacancyId] of [published.flevo, published.schoon].entries()) {
    const asylum = await createHire(tx, intermediary, { vacancyId, candidateId: candidateIds[i * 2]!, residenceStatus: 'asylum_seeker' })
    await updateHireFacts(tx, intermediary, asylum, {
      residenceStatus: 'asylum_seeker',
      isAdult: true,
      asylumApplicationDate: earlier(240),
      wDocumentValidUntil: inDays(300),
      dublinClaimant: false,
      medicalResidenceGround: false,
      hasBsn: false,
      permitChance: null,
    })
    await tickStep(tx, intermediary, asylum, 'step.eligibility', earlier(10), { today })
    await tickStep(tx, intermediary, asylum, 'step.draft_contract', earlier(6), { today })
    const holder = await createHire(tx, intermediary, { vacancyId, candidateId: candidateIds[i * 2 + 1]!, residenceStatus: 'status_holder' })
    await updateHireFacts(tx, intermediary, holder, {
      residenceStatus: 'status_holder',
      isAdult: true,
      asylumApplicationDate: null,
      wDocumentValidUntil: null,
      dublinClaimant: null,
      medicalResidenceGround: null,
      hasBsn: true,
      permitChance: null,
    })
  }
}

export function demoLoginLines(): string[] {
  return [
    `Demo logins (password for all: ${DEMO_PASSWORD}):`,
    ...demoLogins.map((l) => `  ${l.role.padEnd(19)} ${l.email.padEnd(32)} ${l.organisation}`),
    `The admin and the intermediaries also need a code from an authenticator app: add the key`,
    `  ${DEMO_TOTP_SECRET} (demo only) to the app, or run \`npm run demo:code\` for the current code.`,
    '',
    ...demoApiKeys.map((k) => `Demo API key (${k.organisation}): ${k.key}`),
  ]
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { loadEnv } = await import('../app/lib/env.server')
  const { databaseConfigFromEnv, openDatabase } = await import('./client.server')
  const { migrateDatabase } = await import('./migrate.server')
  const handle = openDatabase(databaseConfigFromEnv(loadEnv()))
  await migrateDatabase(handle)
  const { syncPolicyDefaults } = await import('../app/modules/policy/policy.server')
  await syncPolicyDefaults(handle.db)
  if (await databaseIsEmpty(handle.db)) {
    await seedDemoData(handle.db)
    console.log(demoLoginLines().join('\n'))
  } else {
    console.log('The database already holds organisations; demo data was not added.')
  }
  await handle.close()
}

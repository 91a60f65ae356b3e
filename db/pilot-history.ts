// Used by the tests (tests/integration/pipeline-*.test.ts) and by the demo data (db/seed.ts), so
// the demo's report is the pilot's funnel.
// A synthetic history with the counts of the Almere pilot's tables 3.1–3.7 (report §3.1, peildatum
// 31 December 2023): 169 intakes, 60 matches of 57 people, 46 placements, 22 working, 24 stopped
// (13 after a temporary job, 11 for another reason), 7 waiting for a TWV or BSN, 7 not started,
// 97 still living at the locations of whom 78 not placed, 7 employers with a placement, and the
// breakdowns by gender, status, education, English, Dutch and municipal linkage. The people are
// invented; only the counts are the report's. The stop reasons within "temporary" and "other" and
// the municipalities behind "within an hour" and "other" (Lelystad, Utrecht) are our choice: the
// report gives only the groups.
import { historyColumns } from '../app/modules/pipeline/history-columns'

type Counts = Record<string, [participants: number, matches: number]>

export const pilotTables = {
  gender: { male: [151, 53], female: [17, 7], unknown: [1, 0] },
  residenceStatus: { status_holder: [87, 26], asylum_seeker: [81, 34], unknown: [1, 0] },
  educationLevel: { none: [13, 3], primary: [20, 8], secondary: [40, 13], lower_vocational: [7, 2], secondary_vocational: [27, 13], higher: [50, 17], unknown: [12, 4] },
  englishLevel: { good: [93, 40], reasonable: [13, 5], a_little: [28, 6], none: [26, 9], unknown: [9, 0] },
  dutchLevel: { good: [15, 6], reasonable: [8, 2], a_little: [36, 17], none: [106, 35], unknown: [4, 0] },
  municipalLinkage: { yes: [79, 27], yes_unknown_which: [1, 0], no: [89, 33], unknown: [0, 0] },
} satisfies Record<string, Counts>

export const pilotMunicipalities: Counts = { Amsterdam: [28, 11], Almere: [20, 6], Lelystad: [18, 6], Utrecht: [13, 4] }

export const pilotFunnel = {
  participants: { total: 169, stillLiving: 97, notYetPlaced: 78 },
  matches: { total: 60, people: 57, repeatMatches: 3, working: 22, waiting: 7, notStarted: 7, stopped: 24, stoppedTemporary: 13, stoppedOther: 11 },
  placements: 46,
  employers: { approached: 40, withPlacement: 7 },
  targetGroup: { residents: 1337, total: 924, statusHolders: 352, asylumSeekers: 572 },
}

/** The seven employers that placed someone (invented names, none of the demo's own employers). */
export const pilotEmployers = ['Lelystad Logistiek BV', 'Schoon & Co', 'Almere Hotels', 'Polder Productie', 'Groen Tuinbouw', 'Markt Catering', 'Dijk Distributie']

const MATCHES = 60
const PEOPLE = 57
const REPEATERS = MATCHES - PEOPLE

/**
 * Per dimension, the 60 match slots' values: the most common category first and last, so that
 * the three repeat matches (slots 57–59) carry the same person's values as slots 0–2.
 */
function matchSlots(counts: Counts): string[] {
  const entries = Object.entries(counts).filter(([, [, m]]) => m > 0)
  const [common] = [...entries].sort((a, b) => b[1][1] - a[1][1])[0]!
  const slots = [
    ...Array<string>(counts[common]![1] - REPEATERS).fill(common),
    ...entries.filter(([c]) => c !== common).flatMap(([c, [, m]]) => Array<string>(m).fill(c)),
    ...Array<string>(REPEATERS).fill(common),
  ]
  if (slots.length !== MATCHES) throw new Error(`match counts do not add up to ${MATCHES}`)
  return slots
}

/** The 112 participants without a match: what the participant counts leave after the 57 people. */
function restSlots(counts: Counts, people: string[]): string[] {
  const rest: string[] = []
  for (const [category, [participants]] of Object.entries(counts)) {
    const left = participants - people.filter((p) => p === category).length
    if (left < 0) throw new Error(`more matched people than participants in ${category}`)
    rest.push(...Array<string>(left).fill(category))
  }
  return rest
}


/**
 * The history as a CSV file of the import's columns. `start` is the first day of the year it
 * spans (every date falls within 365 days of it): the pilot's 2023 for the tests, the last year
 * for the demo.
 */
export function pilotHistoryCsv(start = '2023-01-01'): string {
  const day = (n: number) => new Date(Date.parse(`${start}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
  const dimensions = Object.keys(pilotTables) as (keyof typeof pilotTables)[]
  const people: Record<string, string>[] = Array.from({ length: 169 }, () => ({}))
  for (const dimension of dimensions) {
    const slots = matchSlots(pilotTables[dimension])
    const matched = slots.slice(0, PEOPLE)
    const rest = restSlots(pilotTables[dimension], matched)
    ;[...matched, ...rest].forEach((value, i) => (people[i]![dimension] = value))
  }
  // Municipalities for the people linked with "yes", matched ones first.
  const municipalityFor = (matched: boolean) => {
    const pool = Object.entries(pilotMunicipalities).flatMap(([name, [p, m]]) => Array<string>(matched ? m : p - m).fill(name))
    return () => pool.shift()!
  }
  const matchedMunicipality = municipalityFor(true)
  const otherMunicipality = municipalityFor(false)
  people.forEach((person, i) => {
    person.linked = person.municipalLinkage === 'yes' ? (i < PEOPLE ? matchedMunicipality() : otherMunicipality()) : ''
  })

  // Outcomes of the 60 matches. Slots 0–2 are the repeaters' first, temporary jobs; 57–59 their
  // second jobs, still working.
  type Outcome = { state: 'working' | 'waiting' | 'not_started' | 'stopped'; reason?: string }
  const outcomes: Outcome[] = [
    ...Array.from({ length: 3 }, () => ({ state: 'stopped' as const, reason: 'temporary_job_ended' })),
    ...Array.from({ length: 2 }, () => ({ state: 'stopped' as const, reason: 'temporary_job_ended' })),
    ...Array.from({ length: 8 }, () => ({ state: 'stopped' as const, reason: 'twenty_four_week_rule' })),
    ...Array.from({ length: 9 }, () => ({ state: 'stopped' as const, reason: 'stopped_themselves' })),
    ...Array.from({ length: 2 }, () => ({ state: 'stopped' as const, reason: 'dismissed' })),
    ...Array.from({ length: 19 }, () => ({ state: 'working' as const })),
    ...Array.from({ length: 7 }, () => ({ state: 'waiting' as const })),
    ...Array.from({ length: 7 }, (_, i) => ({ state: 'not_started' as const, reason: i < 4 ? 'did_not_turn_up' : 'declined_job' })),
    ...Array.from({ length: 3 }, () => ({ state: 'working' as const })),
  ]

  // Placed people: 43 (46 placements, three people twice). 19 of them still live at the location
  // on the reference date, and 78 of the 126 never placed: 97 in all.
  const placed = new Set<number>()
  outcomes.forEach((o, slot) => {
    if (o.state === 'working' || o.state === 'stopped') placed.add(slot < PEOPLE ? slot : slot - PEOPLE)
  })
  let placedStaying = 19
  let unplacedStaying = 78
  const movedOut = people.map((_, i) => {
    if (placed.has(i)) return placedStaying-- > 0 ? '' : day(355)
    return unplacedStaying-- > 0 ? '' : day(340)
  })

  const lines = [historyColumns.join(',')]
  const cell = (value: string) => (/[",]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)
  const row = (i: number, match: { n: number; slot: number } | null) => {
    const p = people[i]!
    const values: Record<(typeof historyColumns)[number], string> = {
      reference_code: `PILOT-${String(i + 1).padStart(3, '0')}`,
      first_name: '',
      reception_location: i % 9 === 0 ? 'Almere Markerkant' : 'Almere Engelse Mijl',
      residence_status: p.residenceStatus!,
      gender: p.gender!,
      education_level: p.educationLevel!,
      english_level: p.englishLevel!,
      dutch_level: p.dutchLevel!,
      municipal_linkage: p.municipalLinkage!,
      linked_municipality: p.linked!,
      intake_date: day(i % 150),
      hours_wanted: String(16 + (i % 4) * 8),
      moved_out_on: movedOut[i]!,
      match_number: '',
      matched_on: '',
      employer: '',
      job_title: '',
      first_working_day: '',
      ended_on: '',
      stop_reason: '',
      not_started_on: '',
      not_started_reason: '',
    }
    if (match) {
      const o = outcomes[match.slot]!
      const matchedOn = day((i % 150) + 10 + (match.n - 1) * 150)
      const start = day((i % 150) + 40 + (match.n - 1) * 150)
      Object.assign(values, {
        match_number: String(match.n),
        matched_on: matchedOn,
        // Each second job with another employer than the first.
        employer: pilotEmployers[(match.slot + match.n - 1) % pilotEmployers.length]!,
        job_title: 'Medewerker',
        first_working_day: o.state === 'working' || o.state === 'stopped' ? start : '',
        ended_on: o.state === 'stopped' ? day((i % 150) + 40 + 100) : '',
        stop_reason: o.state === 'stopped' ? o.reason! : '',
        not_started_on: o.state === 'not_started' ? start : '',
        not_started_reason: o.state === 'not_started' ? o.reason! : '',
      })
    }
    lines.push(historyColumns.map((c) => cell(values[c])).join(','))
  }
  for (let i = 0; i < people.length; i++) {
    if (i < PEOPLE) row(i, { n: 1, slot: i })
    else row(i, null)
    if (i < MATCHES - PEOPLE) row(i, { n: 2, slot: PEOPLE + i })
  }
  return `${lines.join('\n')}\n`
}

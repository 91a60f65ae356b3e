import {
  breakdownDimensions,
  temporaryStopReasons,
  type BreakdownDimension,
  type EducationLevel,
  type Gender,
  type LanguageLevel,
  type MunicipalLinkage,
  type NotStartedReason,
  type ResidenceStatus,
  type StopReason,
  SMALL_NUMBER_THRESHOLD,
  stopReasons,
  notStartedReasons,
} from './categories'

/** A candidate as the funnel counts it: its intake and the pilot's attributes. */
export type FunnelCandidate = {
  id: string
  intakeDate: string | null
  movedOutOn: string | null
  residenceStatus: ResidenceStatus
  gender: Gender
  educationLevel: EducationLevel
  englishLevel: LanguageLevel | null
  dutchLevel: LanguageLevel | null
  municipalLinkage: MunicipalLinkage
  linkedMunicipality: string | null
}

/** A match (a hire in Werkbrug's words) with the dates that decide where it stands. */
export type FunnelMatch = {
  candidateId: string
  employerOrganisationId: string
  matchedOn: string
  firstWorkingDay: string | null
  endedOn: string | null
  stopReason: StopReason | null
  notStartedOn: string | null
  notStartedReason: NotStartedReason | null
}

export type FunnelInput = {
  /** The period's first and last day (ISO dates); the last day is the reference date (peildatum). */
  from: string
  to: string
  candidates: FunnelCandidate[]
  matches: FunnelMatch[]
  approaches: { organisationName: string; approachedOn: string }[]
  /** COA's numbers per location, latest on or before the reference date; absent: not entered. */
  targetGroup: { statusHolders: number; asylumSeekers: number; residents: number | null }[]
}

export type MatchState = 'working' | 'waiting' | 'not_started' | 'stopped'

/**
 * Where a match stands on a date. Placement means a first day worked; it ends with a stop, or
 * never comes (not started). Everything else is waiting — for a TWV, a BSN or a start date.
 */
export function matchStateOn(match: FunnelMatch, date: string): MatchState {
  if (match.notStartedOn !== null && match.notStartedOn <= date) return 'not_started'
  if (match.firstWorkingDay !== null && match.firstWorkingDay <= date) {
    return match.endedOn !== null && match.endedOn <= date ? 'stopped' : 'working'
  }
  return 'waiting'
}

export type Funnel = {
  from: string
  to: string
  targetGroup: { entered: boolean; residents: number | null; total: number; statusHolders: number; asylumSeekers: number }
  participants: { total: number; stillLiving: number; notYetPlaced: number }
  matches: {
    total: number
    people: number
    /** Matches beyond each person's first: the people in them are counted once per match. */
    repeatMatches: number
    working: number
    waiting: number
    notStarted: number
    notStartedByReason: Record<NotStartedReason | 'unknown', number>
    stopped: number
    stoppedTemporary: number
    stoppedOther: number
    stoppedByReason: Record<StopReason | 'unknown', number>
  }
  placements: number
  employers: { approached: number; withPlacement: number }
  breakdowns: Record<BreakdownDimension, { category: string; participants: number; matches: number }[]>
  /** The municipalities behind "yes" in table 3.7. */
  linkedMunicipalities: { municipality: string; participants: number; matches: number }[]
}

const inPeriod = (date: string | null, from: string, to: string): date is string => date !== null && date >= from && date <= to

/**
 * The pilot's funnel (report table 3.1) and its breakdowns (3.2–3.7) from the intermediary's own
 * records. Participants are the intakes of the period; matches are those made in the period,
 * each counted where it stands on the reference date — so placements = working + stopped and
 * matches = placements + waiting + not started hold by construction. A person matched twice
 * counts twice among matches and in the matches' breakdowns, as in the report (§3.1.1).
 */
export function computeFunnel(input: FunnelInput): Funnel {
  const { from, to } = input
  const participants = input.candidates.filter((c) => inPeriod(c.intakeDate, from, to))
  const byId = new Map(input.candidates.map((c) => [c.id, c]))
  const matches = input.matches.filter((m) => inPeriod(m.matchedOn, from, to) && byId.has(m.candidateId))
  const states = matches.map((m) => ({ match: m, state: matchStateOn(m, to) }))

  // "Placed" for a participant: any of its matches — in the period or before — had a first day.
  const placedCandidates = new Set(
    input.matches.filter((m) => m.firstWorkingDay !== null && m.firstWorkingDay <= to).map((m) => m.candidateId),
  )
  const stillLiving = participants.filter((c) => c.movedOutOn === null || c.movedOutOn > to)

  const count = (state: MatchState) => states.filter((s) => s.state === state).length
  const stoppedMatches = states.filter((s) => s.state === 'stopped').map((s) => s.match)
  const notStartedMatches = states.filter((s) => s.state === 'not_started').map((s) => s.match)
  const stoppedByReason = Object.fromEntries([...stopReasons, 'unknown'].map((r) => [r, 0])) as Funnel['matches']['stoppedByReason']
  for (const m of stoppedMatches) stoppedByReason[m.stopReason ?? 'unknown']++
  const notStartedByReason = Object.fromEntries([...notStartedReasons, 'unknown'].map((r) => [r, 0])) as Funnel['matches']['notStartedByReason']
  for (const m of notStartedMatches) notStartedByReason[m.notStartedReason ?? 'unknown']++
  const stoppedTemporary = stoppedMatches.filter((m) => m.stopReason !== null && temporaryStopReasons.includes(m.stopReason)).length

  const placementMatches = states.filter((s) => s.state === 'working' || s.state === 'stopped').map((s) => s.match)
  const people = new Set(matches.map((m) => m.candidateId)).size
  const approached = new Set(input.approaches.filter((a) => inPeriod(a.approachedOn, from, to)).map((a) => a.organisationName.trim().toLowerCase())).size

  const matchedCandidates = matches.map((m) => byId.get(m.candidateId)!)
  const breakdowns = Object.fromEntries(
    (Object.keys(breakdownDimensions) as BreakdownDimension[]).map((dimension) => {
      const categoryOf = (c: FunnelCandidate): string => c[dimension] ?? 'unknown'
      return [
        dimension,
        breakdownDimensions[dimension].map((category) => ({
          category,
          participants: participants.filter((c) => categoryOf(c) === category).length,
          matches: matchedCandidates.filter((c) => categoryOf(c) === category).length,
        })),
      ]
    }),
  ) as Funnel['breakdowns']

  const municipalities = new Map<string, { participants: number; matches: number }>()
  const municipalityOf = (c: FunnelCandidate) => (c.municipalLinkage === 'yes' && c.linkedMunicipality ? c.linkedMunicipality.trim() : null)
  for (const c of participants) {
    const name = municipalityOf(c)
    if (name) municipalities.set(name, { participants: (municipalities.get(name)?.participants ?? 0) + 1, matches: municipalities.get(name)?.matches ?? 0 })
  }
  for (const c of matchedCandidates) {
    const name = municipalityOf(c)
    if (name) municipalities.set(name, { participants: municipalities.get(name)?.participants ?? 0, matches: (municipalities.get(name)?.matches ?? 0) + 1 })
  }

  const statusHolders = input.targetGroup.reduce((sum, t) => sum + t.statusHolders, 0)
  const asylumSeekers = input.targetGroup.reduce((sum, t) => sum + t.asylumSeekers, 0)
  const residentsKnown = input.targetGroup.length > 0 && input.targetGroup.every((t) => t.residents !== null)
  return {
    from,
    to,
    targetGroup: {
      entered: input.targetGroup.length > 0,
      residents: residentsKnown ? input.targetGroup.reduce((sum, t) => sum + (t.residents ?? 0), 0) : null,
      total: statusHolders + asylumSeekers,
      statusHolders,
      asylumSeekers,
    },
    participants: {
      total: participants.length,
      stillLiving: stillLiving.length,
      notYetPlaced: stillLiving.filter((c) => !placedCandidates.has(c.id)).length,
    },
    matches: {
      total: matches.length,
      people,
      repeatMatches: matches.length - people,
      working: count('working'),
      waiting: count('waiting'),
      notStarted: count('not_started'),
      notStartedByReason,
      stopped: stoppedMatches.length,
      stoppedTemporary,
      stoppedOther: stoppedMatches.length - stoppedTemporary,
      stoppedByReason,
    },
    placements: placementMatches.length,
    employers: { approached, withPlacement: new Set(placementMatches.map((m) => m.employerOrganisationId)).size },
    breakdowns,
    linkedMunicipalities: [...municipalities]
      .map(([municipality, counts]) => ({ municipality, ...counts }))
      .sort((a, b) => b.participants - a.participants || a.municipality.localeCompare(b.municipality)),
  }
}

/** A count as it may leave the intermediary's own staff: 1–4 could point at a person. */
export function protectedCount(n: number): number | '< 5' {
  return n > 0 && n < SMALL_NUMBER_THRESHOLD ? '< 5' : n
}

/** A share in whole percent, or null where the whole is 0 (or the cell is suppressed). */
export function percentage(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 100)
}

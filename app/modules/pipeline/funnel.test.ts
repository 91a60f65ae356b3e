import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { educationLevels, genders, languageLevels, municipalLinkages, notStartedReasons, residenceStatuses, stopReasons } from './categories'
import { computeFunnel, matchStateOn, protectedCount, type FunnelCandidate, type FunnelMatch } from './funnel'

const candidate = (id: string, over: Partial<FunnelCandidate> = {}): FunnelCandidate => ({
  id,
  intakeDate: '2023-03-01',
  movedOutOn: null,
  residenceStatus: 'asylum_seeker',
  gender: 'male',
  educationLevel: 'unknown',
  englishLevel: null,
  dutchLevel: null,
  municipalLinkage: 'unknown',
  linkedMunicipality: null,
  ...over,
})
const match = (candidateId: string, over: Partial<FunnelMatch> = {}): FunnelMatch => ({
  candidateId,
  employerOrganisationId: 'e1',
  matchedOn: '2023-04-01',
  firstWorkingDay: null,
  endedOn: null,
  stopReason: null,
  notStartedOn: null,
  notStartedReason: null,
  ...over,
})

describe('where a match stands', () => {
  it('is judged on the reference date, not today', () => {
    const m = match('a', { firstWorkingDay: '2023-05-01', endedOn: '2023-09-01', stopReason: 'twenty_four_week_rule' })
    expect(matchStateOn(m, '2023-04-30')).toBe('waiting')
    expect(matchStateOn(m, '2023-05-01')).toBe('working')
    expect(matchStateOn(m, '2023-09-01')).toBe('stopped')
    expect(matchStateOn(match('b', { notStartedOn: '2023-05-02', notStartedReason: 'declined_job' }), '2023-05-01')).toBe('waiting')
    expect(matchStateOn(match('b', { notStartedOn: '2023-05-02', notStartedReason: 'declined_job' }), '2023-12-31')).toBe('not_started')
  })
})

describe('the funnel', () => {
  it('counts intakes, matches, placements and employers as table 3.1 does', () => {
    const funnel = computeFunnel({
      from: '2023-01-01',
      to: '2023-12-31',
      candidates: [
        candidate('a', { residenceStatus: 'status_holder', municipalLinkage: 'yes', linkedMunicipality: 'Almere' }),
        candidate('b', { movedOutOn: '2023-10-01' }),
        candidate('c', { gender: 'female', englishLevel: 'good' }),
        candidate('d', { intakeDate: '2022-11-01' }),
      ],
      matches: [
        match('a', { firstWorkingDay: '2023-05-01', endedOn: '2023-08-01', stopReason: 'temporary_job_ended', employerOrganisationId: 'e1' }),
        match('a', { matchedOn: '2023-09-01', firstWorkingDay: '2023-09-15', employerOrganisationId: 'e2' }),
        match('b', { notStartedOn: '2023-05-01', notStartedReason: 'did_not_turn_up' }),
        match('c'),
      ],
      approaches: [
        { organisationName: 'Flevo BV', approachedOn: '2023-02-01' },
        { organisationName: 'flevo bv ', approachedOn: '2023-06-01' },
        { organisationName: 'Oud BV', approachedOn: '2022-06-01' },
      ],
      targetGroup: [{ statusHolders: 352, asylumSeekers: 572, residents: 1337 }],
    })
    expect(funnel.participants).toEqual({ total: 3, stillLiving: 2, notYetPlaced: 1 })
    expect(funnel.matches).toMatchObject({ total: 4, people: 3, repeatMatches: 1, working: 1, waiting: 1, notStarted: 1, stopped: 1, stoppedTemporary: 1, stoppedOther: 0 })
    expect(funnel.placements).toBe(2)
    expect(funnel.employers).toEqual({ approached: 1, withPlacement: 2 })
    expect(funnel.targetGroup).toEqual({ entered: true, residents: 1337, total: 924, statusHolders: 352, asylumSeekers: 572 })
    expect(funnel.breakdowns.residenceStatus).toEqual([
      { category: 'status_holder', participants: 1, matches: 2 },
      { category: 'asylum_seeker', participants: 2, matches: 2 },
      { category: 'unknown', participants: 0, matches: 0 },
    ])
    expect(funnel.breakdowns.englishLevel.find((r) => r.category === 'unknown')).toEqual({ category: 'unknown', participants: 2, matches: 3 })
    expect(funnel.linkedMunicipalities).toEqual([{ municipality: 'Almere', participants: 1, matches: 2 }])
  })

  it('holds its sums for any records (placements = working + stopped; matches = placements + waiting + not started)', () => {
    const day = fc.integer({ min: 0, max: 730 }).map((n) => new Date(Date.UTC(2022, 0, 1) + n * 86_400_000).toISOString().slice(0, 10))
    const candidateArb = fc.record({
      intakeDate: fc.option(day),
      movedOutOn: fc.option(day),
      residenceStatus: fc.constantFrom(...residenceStatuses),
      gender: fc.constantFrom(...genders),
      educationLevel: fc.constantFrom(...educationLevels),
      englishLevel: fc.option(fc.constantFrom(...languageLevels.filter((l) => l !== 'unknown'))),
      dutchLevel: fc.option(fc.constantFrom(...languageLevels.filter((l) => l !== 'unknown'))),
      municipalLinkage: fc.constantFrom(...municipalLinkages),
      linkedMunicipality: fc.option(fc.constantFrom('Almere', 'Amsterdam')),
    })
    const matchArb = (ids: number) =>
      fc
        .record({
          candidate: fc.integer({ min: 0, max: ids - 1 }),
          employer: fc.constantFrom('e1', 'e2', 'e3'),
          matchedOn: day,
          outcome: fc.constantFrom('waiting', 'working', 'stopped', 'not_started'),
          startAfter: fc.integer({ min: 0, max: 120 }),
          length: fc.integer({ min: 0, max: 300 }),
          stopReason: fc.constantFrom(...stopReasons),
          notStartedReason: fc.constantFrom(...notStartedReasons),
        })
        .map((r): FunnelMatch => {
          const plus = (date: string, days: number) => new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10)
          const start = plus(r.matchedOn, r.startAfter)
          return {
            candidateId: `c${r.candidate}`,
            employerOrganisationId: r.employer,
            matchedOn: r.matchedOn,
            firstWorkingDay: r.outcome === 'working' || r.outcome === 'stopped' ? start : null,
            endedOn: r.outcome === 'stopped' ? plus(start, r.length) : null,
            stopReason: r.outcome === 'stopped' ? r.stopReason : null,
            notStartedOn: r.outcome === 'not_started' ? start : null,
            notStartedReason: r.outcome === 'not_started' ? r.notStartedReason : null,
          }
        })
    fc.assert(
      fc.property(
        fc.array(candidateArb, { minLength: 1, maxLength: 40 }).chain((cs) => fc.tuple(fc.constant(cs), fc.array(matchArb(cs.length), { maxLength: 60 }), day, day)),
        ([cs, ms, a, b]) => {
          const [from, to] = a <= b ? [a, b] : [b, a]
          const funnel = computeFunnel({ from, to, candidates: cs.map((c, i) => ({ id: `c${i}`, ...c })), matches: ms, approaches: [], targetGroup: [] })
          const m = funnel.matches
          expect(funnel.placements).toBe(m.working + m.stopped)
          expect(m.total).toBe(funnel.placements + m.waiting + m.notStarted)
          expect(m.stopped).toBe(m.stoppedTemporary + m.stoppedOther)
          expect(Object.values(m.stoppedByReason).reduce((x, y) => x + y, 0)).toBe(m.stopped)
          expect(Object.values(m.notStartedByReason).reduce((x, y) => x + y, 0)).toBe(m.notStarted)
          expect(m.total).toBe(m.people + m.repeatMatches)
          expect(funnel.participants.notYetPlaced).toBeLessThanOrEqual(funnel.participants.stillLiving)
          expect(funnel.participants.stillLiving).toBeLessThanOrEqual(funnel.participants.total)
          for (const rows of Object.values(funnel.breakdowns)) {
            expect(rows.reduce((x, r) => x + r.participants, 0)).toBe(funnel.participants.total)
            expect(rows.reduce((x, r) => x + r.matches, 0)).toBe(m.total)
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('hides counts of one to four where numbers leave the intermediary', () => {
    expect([0, 1, 4, 5, 60].map(protectedCount)).toEqual([0, '< 5', '< 5', 5, 60])
  })
})

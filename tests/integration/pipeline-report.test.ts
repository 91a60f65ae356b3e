import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { receptionLocations } from '../../db/schema'
import type { Actor } from '../../app/modules/authorisation/actor'
import { importHistory } from '../../app/modules/pipeline/history-import.server'
import { loadFunnel, recordApproach, recordTargetGroup } from '../../app/modules/pipeline/funnel.server'
import { percentage } from '../../app/modules/pipeline/funnel'
import { createStaff } from '../support/factories'
import { createTestDatabase, type TestDatabase } from '../support/db'
import { pilotEmployers, pilotFunnel, pilotHistoryCsv, pilotMunicipalities, pilotTables } from '../support/pilot-history'

let database: TestDatabase
let consultant: Actor
let other: Actor
const period = { from: '2022-12-01', to: '2023-12-31', receptionLocationId: null }

const snapshot = async () =>
  Object.fromEntries(
    await Promise.all(
      ['candidates', 'hires', 'organisations', 'employer_intermediaries', 'vacancies'].map(async (table) => [
        table,
        await database.query(`select * from ${table} order by 1, 2`),
      ]),
    ),
  )

beforeAll(async () => {
  database = await createTestDatabase()
  const staff = await createStaff(database.db)
  consultant = { userId: staff.intermediary.id, organisationId: staff.organisation.id, role: 'intermediary' }
  const second = await createStaff(database.db)
  other = { userId: second.intermediary.id, organisationId: second.organisation.id, role: 'intermediary' }
})
afterAll(async () => database?.drop())

describe('the pilot funnel from an imported history', () => {
  it('reproduces every cell of tables 3.1–3.7 of the report', async () => {
    const result = await importHistory(database.db, consultant, pilotHistoryCsv())
    expect(result).toMatchObject({ ok: true, candidates: 169, matches: 60, created: { candidates: 169, matches: 60, employers: 7 } })

    // COA's numbers (the split per location is ours; the report gives only the totals) and the
    // 40 employers approached, the seven that placed someone among them.
    const locations = await database.db.select().from(receptionLocations)
    const byName = Object.fromEntries(locations.map((l) => [l.name, l.id]))
    await recordTargetGroup(database.db, consultant, { receptionLocationId: byName['Almere Engelse Mijl']!, referenceDate: '2023-12-31', residents: 1213, statusHolders: 300, asylumSeekers: 500 })
    await recordTargetGroup(database.db, consultant, { receptionLocationId: byName['Almere Markerkant']!, referenceDate: '2023-12-31', residents: 124, statusHolders: 52, asylumSeekers: 72 })
    const placing = pilotEmployers
    for (let i = 0; i < 40; i++) {
      await recordApproach(database.db, consultant, { organisationName: placing[i] ?? `Benaderd bedrijf ${i}`, approachedOn: `2023-0${1 + (i % 9)}-15`, outcome: i < 7 ? 'placed' : 'no_answer', note: null })
    }

    const funnel = await loadFunnel(database.db, consultant, period)
    expect(funnel.participants).toEqual(pilotFunnel.participants)
    expect(funnel.matches).toMatchObject(pilotFunnel.matches)
    expect(funnel.placements).toBe(pilotFunnel.placements)
    expect(funnel.employers).toEqual(pilotFunnel.employers)
    expect(funnel.targetGroup).toEqual({ entered: true, ...pilotFunnel.targetGroup })
    for (const [dimension, counts] of Object.entries(pilotTables)) {
      const rows = funnel.breakdowns[dimension as keyof typeof pilotTables]
      expect(Object.fromEntries(rows.map((r) => [r.category, [r.participants, r.matches]])), dimension).toEqual(counts)
    }
    expect(Object.fromEntries(funnel.linkedMunicipalities.map((r) => [r.municipality, [r.participants, r.matches]]))).toEqual(pilotMunicipalities)
    // The report's percentages follow: 53 of 60 matches were men — 88 %.
    expect(percentage(funnel.breakdowns.gender[0]!.matches, funnel.matches.total)).toBe(88)
    expect(percentage(funnel.breakdowns.educationLevel.find((r) => r.category === 'higher')!.participants, funnel.participants.total)).toBe(30)
  })

  it('changes nothing when the same file is imported again', async () => {
    const before = await snapshot()
    const again = await importHistory(database.db, consultant, pilotHistoryCsv())
    expect(again).toMatchObject({ ok: true, created: { candidates: 0, matches: 0, employers: 0 } })
    expect(await snapshot()).toEqual(before)
  })

  it('writes nothing from a file with one bad line, and names every problem by its line', async () => {
    const before = await snapshot()
    const lines = pilotHistoryCsv().replace('PILOT-169', 'NIEUW-1').split('\n')
    lines[5] = lines[5]!.replace(/,(male|female|unknown),/, ',vrouwelijk,')
    lines[9] = lines[9]!.replace(/2023-\d\d-\d\d/, '2023-02-30')
    const result = await importHistory(database.db, consultant, lines.join('\n'))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toEqual([
      { line: 6, column: 'gender', message: { key: 'errors.invalidChoice' } },
      { line: 10, column: 'intake_date', message: { key: 'errors.dateInvalid' } },
    ])
    expect(await snapshot()).toEqual(before)
  })

  it('refuses a file whose columns are not the documented ones, or whose location is unknown', async () => {
    const missing = await importHistory(database.db, consultant, 'reference_code,first_name\nA-1,Samir\n')
    expect(missing.ok).toBe(false)
    if (!missing.ok) expect(missing.errors.filter((e) => e.message.key === 'errors.csvColumnMissing').length).toBe(20)
    const [header, first] = pilotHistoryCsv().split('\n')
    const unknownPlace = await importHistory(database.db, consultant, `${header}\n${first!.replace('Almere Engelse Mijl', 'Ter Apel').replace('Almere Markerkant', 'Ter Apel')}\n`)
    expect(unknownPlace).toEqual({ ok: false, errors: [{ line: 2, column: 'reception_location', message: { key: 'errors.csvLocationUnknown', params: { name: 'Ter Apel' } } }] })
  })

  it("shows another intermediary none of it: its own report stays empty", async () => {
    const funnel = await loadFunnel(database.db, other, period)
    expect(funnel.participants.total).toBe(0)
    expect(funnel.matches.total).toBe(0)
    expect(funnel.targetGroup.entered).toBe(false)
  })
})

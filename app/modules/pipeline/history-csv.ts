import { parse } from 'csv-parse/sync'
import { z } from 'zod'
import { parseWithSchema, type FieldMessage } from '~/lib/forms'
import { calendarDate } from '~/lib/schema-fields'
import { referenceCodeField } from '~/modules/speeddates'
import { historyColumns } from './history-columns'
import {
  educationLevels,
  genders,
  languageLevels,
  municipalLinkages,
  notStartedReasons,
  residenceStatuses,
  stopReasons,
} from './categories'


// An empty cell is "not given": null, or the category's "unknown". A filled cell must be valid,
// and its error names what is wrong with it (not the union's generic "invalid").
const emptyAs = <T extends z.ZodType>(empty: unknown, schema: T) => z.preprocess((v) => (v === '' ? empty : v), schema)
const optionalText = (max: number) => emptyAs(null, z.string().trim().max(max, 'errors.tooLong').nullable())
const optionalDate = emptyAs(null, calendarDate().nullable())
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: 'errors.invalidChoice' })
const unknownIfEmpty = <T extends readonly [string, ...string[]]>(values: T) => emptyAs('unknown', choice(values))
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) => emptyAs(null, choice(values).nullable())
const optionalWhole = (max: number, message: 'errors.hoursRange' | 'errors.wholeNumber') =>
  emptyAs(null, z.coerce.number({ message: 'errors.wholeNumber' }).int('errors.wholeNumber').min(1, message).max(max, message).nullable())

const rowSchema = z
  .object({
    reference_code: referenceCodeField(),
    first_name: optionalText(60),
    reception_location: optionalText(120),
    residence_status: unknownIfEmpty(residenceStatuses),
    gender: unknownIfEmpty(genders),
    education_level: unknownIfEmpty(educationLevels),
    // "unknown" and an empty cell both mean: not asked or not answered.
    english_level: optionalChoice(languageLevels).transform((v) => (v === 'unknown' ? null : v)),
    dutch_level: optionalChoice(languageLevels).transform((v) => (v === 'unknown' ? null : v)),
    municipal_linkage: unknownIfEmpty(municipalLinkages),
    linked_municipality: optionalText(120),
    intake_date: optionalDate,
    hours_wanted: optionalWhole(48, 'errors.hoursRange'),
    moved_out_on: optionalDate,
    match_number: optionalWhole(20, 'errors.wholeNumber'),
    matched_on: optionalDate,
    employer: optionalText(200),
    job_title: optionalText(200),
    first_working_day: optionalDate,
    ended_on: optionalDate,
    stop_reason: optionalChoice(stopReasons),
    not_started_on: optionalDate,
    not_started_reason: optionalChoice(notStartedReasons),
  })
  .superRefine((row, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
    const matchColumns = [row.matched_on, row.employer, row.first_working_day, row.ended_on, row.stop_reason, row.not_started_on, row.not_started_reason]
    const isMatch = row.match_number !== null || matchColumns.some((v) => v !== null)
    if (isMatch) {
      if (row.match_number === null) issue('match_number', 'errors.required')
      if (row.matched_on === null) issue('matched_on', 'errors.required')
      if (row.employer === null) issue('employer', 'errors.required')
    }
    if (row.ended_on !== null && row.first_working_day === null) issue('first_working_day', 'errors.required')
    if (row.ended_on !== null && row.first_working_day !== null && row.ended_on < row.first_working_day) issue('ended_on', 'errors.endBeforeStart')
    if (row.ended_on !== null && row.stop_reason === null) issue('stop_reason', 'errors.required')
    if (row.stop_reason !== null && row.ended_on === null) issue('ended_on', 'errors.required')
    if (row.not_started_on !== null && row.not_started_reason === null) issue('not_started_reason', 'errors.required')
    if (row.not_started_reason !== null && row.not_started_on === null) issue('not_started_on', 'errors.required')
    if (row.not_started_on !== null && row.first_working_day !== null) issue('not_started_on', 'errors.notStartedButWorked')
    if (row.first_working_day !== null && row.matched_on !== null && row.first_working_day < row.matched_on) issue('first_working_day', 'errors.startBeforeMatch')
    if (row.linked_municipality !== null && row.municipal_linkage !== 'yes') issue('linked_municipality', 'errors.municipalityWithoutLinkage')
  })

export { historyColumns }

export type HistoryRow = z.output<typeof rowSchema>

export type HistoryCandidate = Omit<HistoryRow, 'match_number' | 'matched_on' | 'employer' | 'job_title' | 'first_working_day' | 'ended_on' | 'stop_reason' | 'not_started_on' | 'not_started_reason'> & {
  /** The line of the person's first row, for errors found later (an unknown location). */
  line: number
  matches: (Pick<HistoryRow, 'matched_on' | 'employer' | 'job_title' | 'first_working_day' | 'ended_on' | 'stop_reason' | 'not_started_on' | 'not_started_reason'> & { match_number: number; matched_on: string; employer: string })[]
}

/** A problem with the file: its line (1 = the header), the column, and the message. */
export type HistoryError = { line: number; column: string | null; message: FieldMessage }

export const MAX_HISTORY_ROWS = 20_000

/**
 * Reads and checks a whole history file. Either every row is valid and the candidates come back
 * with their matches, or nothing does and every problem is listed with its line.
 */
export function parseHistoryCsv(text: string): { ok: true; candidates: HistoryCandidate[] } | { ok: false; errors: HistoryError[] } {
  let records: string[][]
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true, delimiter: detectDelimiter(text) })
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1
    return { ok: false, errors: [{ line, column: null, message: { key: 'errors.csvUnreadable' } }] }
  }
  const [header, ...rows] = records
  if (!header) return { ok: false, errors: [{ line: 1, column: null, message: { key: 'errors.csvEmpty' } }] }
  const names = header.map((h) => h.trim().toLowerCase())
  const missing = historyColumns.filter((c) => !names.includes(c))
  const unknown = names.filter((n) => !(historyColumns as readonly string[]).includes(n))
  if (missing.length > 0 || unknown.length > 0) {
    return {
      ok: false,
      errors: [
        ...missing.map((column) => ({ line: 1, column, message: { key: 'errors.csvColumnMissing' as const } })),
        ...unknown.map((column) => ({ line: 1, column, message: { key: 'errors.csvColumnUnknown' as const } })),
      ],
    }
  }
  if (rows.length > MAX_HISTORY_ROWS) return { ok: false, errors: [{ line: MAX_HISTORY_ROWS + 2, column: null, message: { key: 'errors.csvTooManyRows', params: { max: MAX_HISTORY_ROWS } } }] }

  const errors: HistoryError[] = []
  const byCode = new Map<string, { candidate: HistoryCandidate; line: number }>()
  rows.forEach((cells, index) => {
    const line = index + 2
    if (cells.length !== names.length) {
      errors.push({ line, column: null, message: { key: 'errors.csvColumnCount', params: { expected: names.length, found: cells.length } } })
      return
    }
    const raw = Object.fromEntries(names.map((name, i) => [name, cells[i]!.trim()]))
    const parsed = parseWithSchema(rowSchema, raw)
    if (!parsed.success) {
      for (const [column, message] of Object.entries(parsed.fieldErrors)) errors.push({ line, column, message })
      return
    }
    const row = parsed.data
    const { match_number, matched_on, employer, job_title, first_working_day, ended_on, stop_reason, not_started_on, not_started_reason, ...person } = row
    const key = row.reference_code.toUpperCase()
    const seen = byCode.get(key)
    if (seen) {
      // The person's own columns must say the same on each of its rows.
      for (const [column, value] of Object.entries(person)) {
        if (column !== 'reference_code' && JSON.stringify(value) !== JSON.stringify((seen.candidate as Record<string, unknown>)[column])) {
          errors.push({ line, column, message: { key: 'errors.csvPersonDiffers', params: { line: seen.line } } })
        }
      }
    } else {
      byCode.set(key, { candidate: { ...person, line, matches: [] }, line })
    }
    if (match_number !== null) {
      const candidate = byCode.get(key)!.candidate
      if (candidate.matches.some((m) => m.match_number === match_number)) {
        errors.push({ line, column: 'match_number', message: { key: 'errors.csvMatchNumberTwice' } })
        return
      }
      candidate.matches.push({ match_number, matched_on: matched_on!, employer: employer!, job_title, first_working_day, ended_on, stop_reason, not_started_on, not_started_reason })
    } else if (seen) {
      errors.push({ line, column: 'reference_code', message: { key: 'errors.csvPersonTwice', params: { line: seen.line } } })
    }
  })
  if (errors.length > 0) return { ok: false, errors }
  return { ok: true, candidates: [...byCode.values()].map((v) => v.candidate) }
}

/** Spreadsheets in Dutch settings write semicolons; both are read. */
function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? ''
  return (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ','
}

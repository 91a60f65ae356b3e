// Zod-free, so the report page can list the columns without shipping the parser.

/**
 * The columns of a history file, in this order (docs/pipeline-import.md describes each). One row
 * per match; an intake that never led to a match is a row with the match columns empty. A person
 * matched twice has two rows with the same reference code and match numbers 1 and 2.
 */
export const historyColumns = [
  'reference_code',
  'first_name',
  'reception_location',
  'residence_status',
  'gender',
  'education_level',
  'english_level',
  'dutch_level',
  'municipal_linkage',
  'linked_municipality',
  'intake_date',
  'hours_wanted',
  'moved_out_on',
  'match_number',
  'matched_on',
  'employer',
  'job_title',
  'first_working_day',
  'ended_on',
  'stop_reason',
  'not_started_on',
  'not_started_reason',
] as const

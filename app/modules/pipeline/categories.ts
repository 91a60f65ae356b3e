// The pilot's categories (report §3.1, tables 3.1–3.7), in the report's order. Zod-free: the
// report page's client bundle uses them for labels.

export const genders = ['male', 'female', 'unknown'] as const
export const residenceStatuses = ['status_holder', 'asylum_seeker', 'unknown'] as const
export const educationLevels = ['none', 'primary', 'secondary', 'lower_vocational', 'secondary_vocational', 'higher', 'unknown'] as const
/** Self-reported language level; `unknown` stands for "not asked or not answered" (stored as null). */
export const languageLevels = ['good', 'reasonable', 'a_little', 'none', 'unknown'] as const
export const municipalLinkages = ['yes', 'yes_unknown_which', 'no', 'unknown'] as const
export const stopReasons = ['temporary_job_ended', 'twenty_four_week_rule', 'stopped_themselves', 'dismissed', 'relocated', 'other'] as const
export const notStartedReasons = ['did_not_turn_up', 'declined_job'] as const
export const approachOutcomes = ['no_answer', 'not_interested', 'interested', 'registered', 'placed'] as const

export type Gender = (typeof genders)[number]
export type ResidenceStatus = (typeof residenceStatuses)[number]
export type EducationLevel = (typeof educationLevels)[number]
export type LanguageLevel = (typeof languageLevels)[number]
export type MunicipalLinkage = (typeof municipalLinkages)[number]
export type StopReason = (typeof stopReasons)[number]
export type NotStartedReason = (typeof notStartedReasons)[number]

/**
 * The pilot reported two kinds of stop: "tijdelijke klus" (a temporary job, mostly because of the
 * 24-week rule) and "andere reden" (mostly stopped themselves). Werkbrug records the reason more
 * finely and groups it the same way for the comparison with table 3.1.
 */
export const temporaryStopReasons: readonly StopReason[] = ['temporary_job_ended', 'twenty_four_week_rule']

/** The breakdowns of tables 3.2–3.7: by what, and over which categories. */
export const breakdownDimensions = {
  gender: genders,
  residenceStatus: residenceStatuses,
  educationLevel: educationLevels,
  englishLevel: languageLevels,
  dutchLevel: languageLevels,
  municipalLinkage: municipalLinkages,
} as const
export type BreakdownDimension = keyof typeof breakdownDimensions

/** Which of the report's tables each breakdown reproduces. */
export const breakdownTable: Record<BreakdownDimension, string> = {
  gender: '3.2',
  residenceStatus: '3.3',
  educationLevel: '3.4',
  englishLevel: '3.5',
  dutchLevel: '3.6',
  municipalLinkage: '3.7',
}

/** Cells under this are shown as "< 5" wherever the numbers leave the intermediary's own staff. */
export const SMALL_NUMBER_THRESHOLD = 5

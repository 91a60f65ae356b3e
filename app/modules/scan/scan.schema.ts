import { z } from 'zod'
import { crossFieldIssues, vacancyFieldsSchema, type VacancyFields } from '~/modules/vacancies'
import { emptyVacancyFields } from '~/modules/vacancies'
import { todayInAmsterdam } from '~/lib/dates'

/**
 * The quick scan asks a few of the vacancy form's own fields, with the vacancy's own rules: the
 * same answers give the same risks, and carry over into a draft vacancy unchanged.
 */
export const scanFieldNames = ['hoursMin', 'hoursMax', 'contractMonths', 'shifts', 'travelTimes', 'englishLevel', 'startDate'] as const

export const scanAnswersSchema = vacancyFieldsSchema
  .pick({ hoursMin: true, hoursMax: true, contractMonths: true, shifts: true, travelTimes: true, englishLevel: true, startDate: true })
  .extend({
    // What the job is called; only used as the draft vacancy's title.
    title: z.string().trim().max(200, 'errors.tooLong').nullable(),
    hoursMin: vacancyFieldsSchema.shape.hoursMin.unwrap(),
    hoursMax: vacancyFieldsSchema.shape.hoursMax.unwrap(),
  })
  .strict()
  .superRefine((answers, ctx) => {
    for (const issue of crossFieldIssues(asVacancyFields(answers), todayInAmsterdam())) {
      if ((scanFieldNames as readonly string[]).includes(String(issue.path[0]))) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message, params: issue.params })
    }
  })

export type ScanAnswers = z.output<typeof scanAnswersSchema>

/** The answers as a vacancy's fields: what the scan did not ask stays empty (unknown). */
export function asVacancyFields(answers: Omit<ScanAnswers, 'title'> & { title?: string | null }): VacancyFields {
  return {
    ...emptyVacancyFields,
    title: answers.title?.trim() || '',
    hoursMin: answers.hoursMin,
    hoursMax: answers.hoursMax,
    contractMonths: answers.contractMonths,
    shifts: answers.shifts,
    travelTimes: answers.travelTimes,
    englishLevel: answers.englishLevel,
    startDate: answers.startDate,
  }
}

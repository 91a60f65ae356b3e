import type { VacancyRow } from './vacancies.queries.server'

/** The API's view of a vacancy: camelCase, money in cents, times as ISO 8601 UTC. */
export function vacancyJson(row: VacancyRow) {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
  }
}

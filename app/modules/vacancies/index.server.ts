// The vacancies module's public entry for server code: other modules import from here, never a file of this
// folder (eslint: import-x/no-restricted-paths). Parts that also run in the browser are in index.ts.
export { createVacancy, getVacancy } from './vacancies.server'
export type { VacancyRow } from './vacancies.server'

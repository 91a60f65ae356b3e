export * from './accounts'
export * from './platform'
export * from './vacancies'
export * from './speeddates'

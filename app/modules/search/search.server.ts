import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { candidates, hires, organisations, vacancies } from '#db/schema'
import type { Actor } from '~/modules/authorisation'
import { can } from '~/modules/authorisation'
import { scopeOf } from '~/modules/authorisation/index.server'
import { prefixQuery } from './query'

const LIMIT = 20

/**
 * The vacancy text as the search index holds it (migration 0029: a GIN index on this very
 * expression, Dutch stemming). Names and codes are searched with 'simple': no stemming.
 */
export const vacancyDocument = sql`to_tsvector('dutch', coalesce(${vacancies.title}, '') || ' ' || coalesce(${vacancies.tasks}, '') || ' ' || coalesce(${vacancies.municipality}, ''))`

/**
 * Names and codes as words: punctuation becomes a space first, so "ZOEK-42" is the words zoek and
 * 42 (the parser would otherwise read "-42" as a negative number), as the query splits them.
 */
const simpleDocument = (text: ReturnType<typeof sql>) => sql`to_tsvector('simple', regexp_replace(${text}, '[^[:alnum:]]+', ' ', 'g'))`

/**
 * One search over what the reader may see: vacancies (the employer's own; the intermediary's
 * employers'), employers (the intermediary's) and matches (by candidate code or first name, or the
 * vacancy's title). Each list is scoped like the page it links to.
 */
export async function search(db: Db, actor: Actor, text: string) {
  const dutch = prefixQuery(text)
  if (!dutch) return null
  const scope = scopeOf(actor)
  if (scope.party === 'platform') return { vacancies: [], employers: [], hires: [] }
  const dutchQuery = sql`to_tsquery('dutch', ${dutch})`
  const simpleQuery = sql`to_tsquery('simple', ${dutch})`
  const [foundVacancies, foundEmployers, foundHires] = await Promise.all([
    db
      .select({ id: vacancies.id, title: vacancies.title, status: vacancies.status, municipality: vacancies.municipality, employer: organisations.name })
      .from(vacancies)
      .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
      .where(and(scope.vacancies(), sql`${vacancyDocument} @@ ${dutchQuery}`))
      .orderBy(desc(sql`ts_rank(${vacancyDocument}, ${dutchQuery})`), desc(vacancies.createdAt))
      .limit(LIMIT),
    can(actor.role, 'employers:view')
      ? db
          .select({ id: organisations.id, name: organisations.name, kvkNumber: organisations.kvkNumber })
          .from(organisations)
          .where(and(scope.employers(), sql`${simpleDocument(sql`${organisations.name} || ' ' || coalesce(${organisations.kvkNumber}, '')`)} @@ ${simpleQuery}`))
          .orderBy(organisations.name)
          .limit(LIMIT)
      : Promise.resolve([]),
    db
      .select({ id: hires.id, reference: candidates.referenceCode, firstName: candidates.firstName, vacancy: vacancies.title, employer: organisations.name })
      .from(hires)
      .innerJoin(candidates, eq(candidates.id, hires.candidateId))
      .innerJoin(vacancies, eq(vacancies.id, hires.vacancyId))
      .innerJoin(organisations, eq(organisations.id, hires.organisationId))
      .where(
        and(
          scope.hires(),
          isNull(candidates.erasedAt),
          sql`${simpleDocument(sql`coalesce(${candidates.referenceCode}, '') || ' ' || coalesce(${candidates.firstName}, '') || ' ' || ${vacancies.title}`)} @@ ${simpleQuery}`,
        ),
      )
      .orderBy(desc(hires.createdAt))
      .limit(LIMIT),
  ])
  return { vacancies: foundVacancies, employers: foundEmployers, hires: foundHires }
}

import { sql } from 'drizzle-orm'
import { RateLimiterDrizzle } from 'rate-limiter-flexible'
import type { Db } from '#db/client.server'
import { prepared, slot } from '#db/prepared.server'
import { rateLimits } from '#db/schema'

type Options = Omit<ConstructorParameters<typeof RateLimiterDrizzle>[0], 'storeClient' | 'schema'>
type Row = { key: string; points: number; expire: Date | null }

/**
 * rate-limiter-flexible's PostgreSQL store through drizzle, with its one statement prepared.
 *
 * The library builds its upsert with drizzle on every request it counts — on the API that is
 * every request, and building the statement cost more CPU than PostgreSQL spent running it
 * (decision 015). `_upsert` is the method the library's stores implement (RateLimiterStoreAbstract
 * calls it for consume, penalty, reward and set); this one runs the same SQL as the library's
 * own — a window that has expired starts again at the points given, otherwise they add up — as
 * a statement built once per database handle. Everything else (keys, blocking, the answer's
 * remaining points and reset time) stays the library's.
 */
export class PreparedRateLimiterDrizzle extends RateLimiterDrizzle {
  private readonly db: Db

  constructor(db: Db, options: Options) {
    super({ ...options, storeClient: db, schema: rateLimits })
    this.db = db
  }

  async _upsert(key: string, points: number, msDuration: number, forceExpire = false): Promise<Row> {
    const now = new Date()
    const expire = msDuration > 0 ? new Date(now.getTime() + msDuration) : null
    const query = forceExpire ? setWindow(this.db) : addToWindow(this.db)
    const [row] = await query.execute({ key, points, now, expire })
    return row!
  }
}

function addToWindow(db: Db) {
  return prepared(db, 'rate_limit_add', () => {
    const now = sql.param(slot<Date>('now'), rateLimits.expire)
    const expired = sql`${rateLimits.expire} <= ${now}`
    const expire = sql.param(slot<Date | null>('expire'), rateLimits.expire)
    return db
      .insert(rateLimits)
      .values({ key: slot('key'), points: slot('points'), expire: slot('expire') })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          points: sql`case when ${expired} then ${slot('points')} else ${rateLimits.points} + ${slot('points')} end`,
          expire: sql`case when ${expired} then ${expire} else ${rateLimits.expire} end`,
        },
      })
      .returning()
  })
}

function setWindow(db: Db) {
  return prepared(db, 'rate_limit_set', () => {
    const expire = sql.param(slot<Date | null>('expire'), rateLimits.expire)
    return db
      .insert(rateLimits)
      .values({ key: slot('key'), points: slot('points'), expire: slot('expire') })
      .onConflictDoUpdate({ target: rateLimits.key, set: { points: slot('points'), expire: sql`${expire}` } })
      .returning()
  })
}

import { sql, type Placeholder } from 'drizzle-orm'
import type { Db } from './client.server'

type Runnable<T> = { execute: (values?: Record<string, unknown>) => Promise<T> }

const cache = new WeakMap<Db, Map<string, Runnable<unknown>>>()

/**
 * A query built once per database handle and shape, then run with new values.
 *
 * drizzle builds the SQL text of a query on every call — for the vacancy list that cost more CPU
 * than running it and reading its 50 rows (measured in the bench, decision 015). A hot query
 * is therefore built with `sql.placeholder`s where its values go, prepared once per shape (which
 * filters are present, which kind of actor) and executed with the values. Only the text is
 * kept: drizzle's postgres-js driver leaves statement naming to postgres.js, which has it off
 * behind a transaction-mode pooler, and PGlite prepares nothing by name either.
 *
 * A transaction is its own handle: its queries are built for it and dropped with it.
 */
export function prepared<T>(db: Db, shape: string, build: () => { prepare: (name: string) => Runnable<T> }): Runnable<T> {
  let byShape = cache.get(db)
  if (!byShape) cache.set(db, (byShape = new Map()))
  let query = byShape.get(shape) as Runnable<T> | undefined
  if (!query) {
    // Shapes are few (a key per combination of filters); the name is only a label here.
    query = build().prepare(shape.replace(/[^a-z0-9_]/gi, '_').slice(0, 63))
    byShape.set(shape, query as Runnable<unknown>)
  }
  return query
}

/** A placeholder typed as the value it stands for, so a query builder can take it as one. */
export function slot<T>(name: string): T {
  return sql.placeholder(name) as Placeholder as unknown as T
}

import { and, eq } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { apiIdempotencyKeys } from '#db/schema'
import { isUniqueViolation } from '../errors.server'
import { ApiProblem } from './problem.server'

export type StoredResponse = { status: number; body: unknown }

/**
 * Runs `produce` once per (API key, Idempotency-Key). The first successful response is stored in
 * the transaction that made the change; a retry gets that response back, never a second change.
 * Two simultaneous first attempts race on the primary key: the loser's transaction rolls back
 * and it answers with the winner's response.
 */
export async function idempotent(
  db: Db,
  scope: { apiKeyId: string; key: string; requestHash: string },
  produce: (tx: Db) => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  const earlier = await find(db, scope)
  if (earlier) return replay(earlier, scope.requestHash)
  try {
    const result = await db.transaction(async (tx) => {
      const response = await produce(tx)
      await tx.insert(apiIdempotencyKeys).values({
        apiKeyId: scope.apiKeyId,
        key: scope.key,
        requestHash: scope.requestHash,
        responseStatus: response.status,
        responseBody: response.body as object,
      })
      return response
    })
    return { ...result, replayed: false }
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    const winner = await find(db, scope)
    if (!winner) throw error
    return replay(winner, scope.requestHash)
  }
}

async function find(db: Db, scope: { apiKeyId: string; key: string }) {
  const [row] = await db
    .select()
    .from(apiIdempotencyKeys)
    .where(and(eq(apiIdempotencyKeys.apiKeyId, scope.apiKeyId), eq(apiIdempotencyKeys.key, scope.key)))
  return row
}

function replay(row: NonNullable<Awaited<ReturnType<typeof find>>>, requestHash: string) {
  if (row.requestHash !== requestHash) {
    throw new ApiProblem(422, 'api.idempotencyReused', { detailKey: 'api.idempotencyReusedDetail' })
  }
  return { status: row.responseStatus, body: row.responseBody, replayed: true }
}

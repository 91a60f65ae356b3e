import { randomBytes } from 'node:crypto'
import { and, desc, eq, isNull } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { prepared, slot } from '#db/prepared.server'
import { apiKeys, organisations } from '#db/schema'
import type { Actor } from '~/modules/authorisation'
import { scopeOf } from '~/modules/authorisation/index.server'
import { hashToken } from '~/lib/tokens.server'
import { recordAudit } from '~/modules/audit/index.server'

const KEY_PREFIX = 'wbk_'

/** Creates a key for the actor's organisation; the plaintext is returned once and never stored. */
export async function createApiKey(db: Db, actor: Actor, name: string, plaintext?: string) {
  const key = plaintext ?? `${KEY_PREFIX}${randomBytes(24).toString('base64url')}`
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        organisationId: actor.organisationId,
        name,
        prefix: key.slice(0, KEY_PREFIX.length + 6),
        keyHash: hashToken(key),
        createdByUserId: actor.userId,
      })
      .returning({ id: apiKeys.id })
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: 'api_key.created',
      subjectType: 'api_key',
      subjectId: row!.id,
      details: { name },
    })
    return { id: row!.id, key }
  })
}

export function listApiKeys(db: Db, actor: Actor) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(scopeOf(actor).ownOrganisation(apiKeys.organisationId))
    .orderBy(desc(apiKeys.createdAt))
}

export async function revokeApiKey(db: Db, actor: Actor, id: string): Promise<boolean> {
  forgetCachedKey(id)
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.id, id), scopeOf(actor).ownOrganisation(apiKeys.organisationId), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id, organisationId: apiKeys.organisationId })
    if (!row) return false
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: row.organisationId,
      action: 'api_key.revoked',
      subjectType: 'api_key',
      subjectId: row.id,
    })
    return true
  })
}

export type ApiKeyActor = Actor & { apiKeyId: string; organisationName: string }

// last_used_at is written at most once a minute per key and process: a busy client should not
// turn every read into a write on the same row.
const lastUsedWritten = new Map<string, number>()
const LAST_USED_RESOLUTION_MS = 60_000

// Verified keys are remembered for a few seconds so a busy integration costs one query per
// request, not two. Revoking in this process forgets the key at once; other instances notice
// within AUTH_CACHE_MS (docs/decisions/003).
export const AUTH_CACHE_MS = 5_000
const verified = new Map<string, { actor: ApiKeyActor; until: number }>()

function forgetCachedKey(apiKeyId: string) {
  for (const [hash, entry] of verified) if (entry.actor.apiKeyId === apiKeyId) verified.delete(hash)
}

/**
 * The organisation a bearer key acts for, or null for an unknown or revoked key. A key acts
 * with employer-owner rights inside its own organisation only.
 */
export async function authenticateApiKey(db: Db, key: string, now = new Date()): Promise<ApiKeyActor | null> {
  const hash = hashToken(key)
  const cached = verified.get(hash)
  if (cached && cached.until > now.getTime()) return cached.actor
  verified.delete(hash)
  const actor = await lookUpKey(db, hash, now)
  if (actor) {
    if (verified.size > 10_000) verified.clear()
    verified.set(hash, { actor, until: now.getTime() + AUTH_CACHE_MS })
  }
  return actor
}

async function lookUpKey(db: Db, hash: string, now: Date): Promise<ApiKeyActor | null> {
  // Prepared: a key not seen for a few seconds costs this on its next request (decision 015).
  const [row] = await prepared(db, 'api_key_by_hash', () =>
    db
      .select({ id: apiKeys.id, organisationId: apiKeys.organisationId, organisationName: organisations.name, kind: organisations.kind })
      .from(apiKeys)
      .innerJoin(organisations, eq(organisations.id, apiKeys.organisationId))
      .where(and(eq(apiKeys.keyHash, slot('hash')), isNull(apiKeys.revokedAt))),
  ).execute({ hash })
  // An employer's key acts as its owner would; an intermediary's as a consultant (it reads its own
  // report; it cannot manage fees or staff). The platform has no keys.
  const role = row?.kind === 'employer' ? 'employer_owner' : row?.kind === 'intermediary' ? 'intermediary' : null
  if (!row || !role) return null
  const written = lastUsedWritten.get(row.id) ?? 0
  if (now.getTime() - written >= LAST_USED_RESOLUTION_MS) {
    lastUsedWritten.set(row.id, now.getTime())
    await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.id))
  }
  return {
    userId: null,
    apiKeyId: row.id,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    role,
  }
}

import { and, eq } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { notificationPreferences } from '#db/schema'
import type { Actor } from '~/modules/authorisation'
import { scopeOf } from '~/modules/authorisation/index.server'
import { kindsFor, type Delivery, type NotificationKind } from './kinds'

/** The person's choice per kind they can receive; no row means "at once". */
export async function preferencesOf(db: Db, actor: Actor): Promise<{ kind: NotificationKind; delivery: Delivery }[]> {
  const kinds = kindsFor(scopeOf(actor).party)
  if (kinds.length === 0 || !actor.userId) return []
  const rows = await db.select({ kind: notificationPreferences.kind, delivery: notificationPreferences.delivery }).from(notificationPreferences).where(eq(notificationPreferences.userId, actor.userId))
  return kinds.map((kind) => ({ kind, delivery: rows.find((r) => r.kind === kind)?.delivery ?? 'immediate' }))
}

/** Saves only what changed: the same choices sent again write nothing. */
export async function savePreferences(db: Db, actor: Actor, choices: Partial<Record<NotificationKind, Delivery>>): Promise<number> {
  if (!actor.userId) return 0
  const current = await preferencesOf(db, actor)
  let changed = 0
  for (const { kind, delivery } of current) {
    const wanted = choices[kind]
    if (!wanted || wanted === delivery) continue
    if (wanted === 'immediate') {
      await db.delete(notificationPreferences).where(and(eq(notificationPreferences.userId, actor.userId), eq(notificationPreferences.kind, kind)))
    } else {
      await db
        .insert(notificationPreferences)
        .values({ userId: actor.userId, kind, delivery: wanted })
        .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { delivery: wanted, updatedAt: new Date() } })
    }
    changed++
  }
  return changed
}

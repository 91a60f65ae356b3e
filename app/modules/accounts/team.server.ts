import { and, asc, eq, isNull, ne } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { users } from '#db/schema'
import type { Actor } from '~/modules/authorisation'
import { scopeOf } from '~/modules/authorisation/index.server'
import { recordAudit } from '~/modules/audit/index.server'
import { deleteUserSessions } from './sessions.server'

const memberColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  createdAt: users.createdAt,
}

/** Active users of the actor's own organisation. */
export function listMembers(db: Db, actor: Actor) {
  return db
    .select(memberColumns)
    .from(users)
    .where(
      and(
        scopeOf(actor).ownOrganisation(users.organisationId),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(asc(users.name))
}

export async function getMember(db: Db, actor: Actor, userId: string) {
  const [member] = await db
    .select(memberColumns)
    .from(users)
    .where(
      and(
        eq(users.id, userId),
        scopeOf(actor).ownOrganisation(users.organisationId),
        isNull(users.disabledAt),
      ),
    )
  return member
}

/**
 * Disables a colleague's account and ends their sessions. Accounts are disabled, not deleted, so
 * the history of what they did keeps its author. Nobody removes themselves (no owner-less
 * organisation by accident).
 */
export async function removeMember(db: Db, actor: Actor, userId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [removed] = await tx
      .update(users)
      .set({ disabledAt: new Date() })
      .where(
        and(
          eq(users.id, userId),
          ne(users.id, actor.userId ?? ''),
          scopeOf(actor).ownOrganisation(users.organisationId),
          isNull(users.disabledAt),
        ),
      )
      .returning({ id: users.id, organisationId: users.organisationId })
    if (!removed) return false
    await deleteUserSessions(tx, removed.id)
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: removed.organisationId,
      action: 'user.removed',
      subjectType: 'user',
      subjectId: removed.id,
    })
    return true
  })
}

import type { Db } from '#db/client.server'
import { auditLog } from '#db/schema'

export type AuditEntry = {
  actorUserId: string | null
  organisationId: string | null
  action: string
  subjectType: string
  subjectId?: string | null
  details?: Record<string, unknown>
}

/** Who did what to which record; written in the same transaction as the change. */
export async function recordAudit(tx: Db, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorUserId: entry.actorUserId,
    organisationId: entry.organisationId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    details: entry.details ?? {},
  })
}

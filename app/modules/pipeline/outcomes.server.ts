import { eq, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { candidates, hires } from '#db/schema'
import { todayInAmsterdam } from '~/lib/dates'
import { FieldValidationError } from '~/lib/errors.server'
import type { Actor } from '~/modules/authorisation'
import { assertCan } from '~/modules/authorisation'
import { recordAudit } from '~/modules/audit/index.server'
import { getHire } from '~/modules/twv/index.server'
import type { MatchOutcomeInput } from './pipeline.schema'

/**
 * Records how a match ended: stopped (after a first working day, with the day and the reason) or
 * never started; or takes that back (open). A form sent back unchanged changes nothing, not even
 * the audit log. Returns false when the hire is not the actor's to see.
 */
export async function recordMatchOutcome(db: Db, actor: Actor, hireId: string, input: MatchOutcomeInput, today = todayInAmsterdam()): Promise<boolean> {
  assertCan(actor, 'hires:manage')
  const hire = await getHire(db, actor, hireId)
  if (!hire) return false
  if (input.outcome === 'stopped') {
    if (hire.firstWorkingDay === null) throw new FieldValidationError({ outcome: { key: 'errors.stopBeforeStart' } })
    if (input.endedOn! < hire.firstWorkingDay) throw new FieldValidationError({ endedOn: { key: 'errors.endBeforeStart' } })
    if (input.endedOn! > today) throw new FieldValidationError({ endedOn: { key: 'errors.dateInFuture' } })
  }
  if (input.outcome === 'not_started') {
    if (hire.firstWorkingDay !== null) throw new FieldValidationError({ outcome: { key: 'errors.notStartedButWorked' } })
    if (input.notStartedOn! > today) throw new FieldValidationError({ notStartedOn: { key: 'errors.dateInFuture' } })
  }
  const next = {
    endedOn: input.endedOn,
    stopReason: input.stopReason,
    notStartedOn: input.notStartedOn,
    notStartedReason: input.notStartedReason,
    outcomeNote: input.outcomeNote,
  }
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => hire[k] !== next[k])
  if (changed.length === 0) return true
  await db.transaction(async (tx) => {
    await tx.update(hires).set(next).where(eq(hires.id, hireId))
    // The candidate was active: its retention period starts again.
    await tx.update(candidates).set({ lastActivityAt: sql`now()` }).where(sql`${candidates.id} = (select ${hires.candidateId} from ${hires} where ${hires.id} = ${hireId})`)
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: hire.organisationId,
      action: 'hire.outcome_recorded',
      subjectType: 'hire',
      subjectId: hireId,
      details: { outcome: input.outcome, changed },
    })
  })
  return true
}

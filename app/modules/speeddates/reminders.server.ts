import { and, eq, gt, isNull, lte } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { speeddateBookings, speeddateSlots } from '#db/schema'
import { notify } from './booking-notices.server'

export const REMINDER_LEAD_MS = 24 * 60 * 60 * 1000

/**
 * Queues the 24-hour reminder for approved bookings starting within the next day. Rows are taken
 * with SKIP LOCKED and marked in the same transaction, so each reminder goes out once even with
 * several app instances running this.
 */
export async function sendDueReminders(db: Db, appUrl: string, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: speeddateBookings.id })
      .from(speeddateBookings)
      .innerJoin(speeddateSlots, eq(speeddateSlots.id, speeddateBookings.slotId))
      .where(
        and(
          eq(speeddateBookings.status, 'approved'),
          isNull(speeddateBookings.reminderSentAt),
          gt(speeddateSlots.startsAt, now),
          lte(speeddateSlots.startsAt, new Date(now.getTime() + REMINDER_LEAD_MS)),
        ),
      )
      .limit(50)
      .for('update', { of: speeddateBookings, skipLocked: true })
    for (const booking of due) {
      await tx.update(speeddateBookings).set({ reminderSentAt: now }).where(eq(speeddateBookings.id, booking.id))
      await notify(tx, booking.id, { employer: 'reminder' }, appUrl)
    }
    return due.length
  })
}

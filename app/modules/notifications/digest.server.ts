import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { notificationDigestItems } from '#db/schema'
import type { Locale } from '~/lib/i18n'
import { enqueueEmail } from '~/modules/email/index.server'
import { activeUsers } from './notify.server'
import type { NotificationProps } from './kinds'

/**
 * The daily digest: per person, one email with every notification they chose to batch. Items are
 * claimed (sentAt set, only while unset) in the transaction that queues the email, so with two
 * workers — or the job run twice — each item is mailed once.
 */
export async function sendDailyDigests(db: Db, appUrl: string): Promise<number> {
  const waiting = await db.selectDistinct({ userId: notificationDigestItems.userId }).from(notificationDigestItems).where(isNull(notificationDigestItems.sentAt))
  const people = await activeUsers(db, waiting.map((w) => w.userId))
  let sent = 0
  for (const person of people) {
    await db.transaction(async (tx) => {
      const items = await tx
        .update(notificationDigestItems)
        .set({ sentAt: sql`now()` })
        .where(and(eq(notificationDigestItems.userId, person.id), isNull(notificationDigestItems.sentAt)))
        .returning({ id: notificationDigestItems.id, props: notificationDigestItems.props, createdAt: notificationDigestItems.createdAt })
      if (items.length === 0) return
      items.sort((a, b) => a.id - b.id)
      await enqueueEmail(tx, {
        template: 'daily-digest',
        to: person.email,
        locale: person.locale as Locale,
        props: { items: items.map((i) => ({ ...(i.props as NotificationProps), url: `${appUrl}${(i.props as NotificationProps).path}`, at: i.createdAt.toISOString() })) },
      })
      sent++
    })
  }
  return sent
}

/** What waits for a person's next digest (the settings page shows the count). */
export async function pendingDigest(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notificationDigestItems)
    .where(and(eq(notificationDigestItems.userId, userId), isNull(notificationDigestItems.sentAt)))
  return Number(row?.n ?? 0)
}

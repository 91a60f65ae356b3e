import { and, eq, inArray, isNull, ne } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { notificationDigestItems, notificationPreferences, users } from '#db/schema'
import type { Locale } from '~/lib/i18n'
import { enqueueEmail } from '~/modules/email/index.server'
import type { NotificationProps } from './kinds'

/**
 * Tells the people of one organisation about an event, in the transaction of the change: an email
 * at once (through the outbox) for those who want it so — the default — and a line in tomorrow
 * morning's digest for those who chose the digest. The person who made the change is not told.
 */
export async function notify(tx: Db, recipients: { organisationId: string; exceptUserId: string | null }, props: NotificationProps, appUrl: string): Promise<number> {
  const people = await tx
    .select({ id: users.id, email: users.email, locale: users.locale, delivery: notificationPreferences.delivery })
    .from(users)
    .leftJoin(notificationPreferences, and(eq(notificationPreferences.userId, users.id), eq(notificationPreferences.kind, props.kind)))
    .where(and(eq(users.organisationId, recipients.organisationId), isNull(users.disabledAt), recipients.exceptUserId ? ne(users.id, recipients.exceptUserId) : undefined))
  const digest = people.filter((p) => p.delivery === 'daily_digest')
  if (digest.length > 0) await tx.insert(notificationDigestItems).values(digest.map((p) => ({ userId: p.id, kind: props.kind, props })))
  for (const person of people.filter((p) => p.delivery !== 'daily_digest')) {
    await enqueueEmail(tx, { template: 'notification', to: person.email, locale: person.locale as Locale, props: { ...props, url: `${appUrl}${props.path}` } })
  }
  return people.length
}

/** The users among `ids` that still exist: a digest is only for them. */
export async function activeUsers(db: Db, ids: string[]) {
  if (ids.length === 0) return []
  return db.select({ id: users.id, email: users.email, locale: users.locale }).from(users).where(and(inArray(users.id, ids), isNull(users.disabledAt)))
}

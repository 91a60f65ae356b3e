import { and, asc, eq, gte, inArray, isNull, ne } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { calendarFeeds, receptionLocations, speeddateBookings, speeddateSlots, users } from '#db/schema'
import { createToken, hashToken } from '~/lib/tokens.server'
import { translate, type Locale } from '~/lib/i18n'
import type { Actor } from '~/modules/authorisation'
import { can } from '~/modules/authorisation'
import { scopeOf } from '~/modules/authorisation/index.server'
import { recordAudit } from '~/modules/audit/index.server'
import { selectBookings, sessionPlace } from './booking-queries.server'
import { speeddateFeedIcs, type FeedEvent } from './ics.server'

// A month back, so last week's session is still there to look up; everything ahead.
const FEED_HISTORY_MS = 30 * 24 * 60 * 60 * 1000
const FEED_LIMIT = 500

/** Who has speeddates to subscribe to: the employer's people and the intermediary's staff. */
export function mayHaveFeed(actor: Pick<Actor, 'role'>) {
  return can(actor.role, 'speeddates:book') || can(actor.role, 'speeddates:manage')
}

export async function feedOf(db: Db, userId: string) {
  const [feed] = await db.select({ createdAt: calendarFeeds.createdAt, lastFetchedAt: calendarFeeds.lastFetchedAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, userId))
  return feed ?? null
}

/** A new private address for the person's feed; the old one stops working. The token is returned once. */
export async function openFeed(db: Db, actor: Actor): Promise<string | null> {
  if (!actor.userId || !mayHaveFeed(actor)) return null
  const userId = actor.userId
  const { token, hash } = createToken()
  await db.transaction(async (tx) => {
    const [previous] = await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId)).returning({ userId: calendarFeeds.userId })
    await tx.insert(calendarFeeds).values({ userId, tokenHash: hash })
    await recordAudit(tx, {
      actorUserId: userId,
      organisationId: actor.organisationId,
      action: previous ? 'calendar_feed.replaced' : 'calendar_feed.opened',
      subjectType: 'user',
      subjectId: userId,
      details: {},
    })
  })
  return token
}

export async function closeFeed(db: Db, actor: Actor): Promise<boolean> {
  if (!actor.userId) return false
  const userId = actor.userId
  return db.transaction(async (tx) => {
    const [closed] = await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId)).returning({ userId: calendarFeeds.userId })
    if (!closed) return false
    await recordAudit(tx, { actorUserId: userId, organisationId: actor.organisationId, action: 'calendar_feed.closed', subjectType: 'user', subjectId: userId, details: {} })
    return true
  })
}

/**
 * The feed behind a private address, or null (unknown or revoked address, a disabled person, a
 * role without speeddates). It is read with the person's rights as they are now.
 */
export async function feedByToken(db: Db, token: string, now = new Date()): Promise<string | null> {
  const [owner] = await db
    .select({ userId: users.id, organisationId: users.organisationId, role: users.role, locale: users.locale })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.tokenHash, hashToken(token)), isNull(users.disabledAt)))
  if (!owner || !mayHaveFeed(owner)) return null
  const actor: Actor = { userId: owner.userId, organisationId: owner.organisationId, role: owner.role }
  const since = new Date(now.getTime() - FEED_HISTORY_MS)
  const events = can(actor.role, 'speeddates:manage') ? await consultantEvents(db, actor, owner.locale, since) : await employerEvents(db, actor, since)
  await db.update(calendarFeeds).set({ lastFetchedAt: now }).where(eq(calendarFeeds.userId, owner.userId))
  return speeddateFeedIcs(events, translate(owner.locale, 'calendarFeed.name'))
}

type BookingLike = Awaited<ReturnType<ReturnType<typeof selectBookings>['where']>>[number]

function bookingEvent(b: BookingLike): FeedEvent {
  return {
    uid: b.icsUid,
    sequence: b.icsSequence,
    status: b.status === 'approved' ? 'CONFIRMED' : 'TENTATIVE',
    startsAt: b.startsAt,
    endsAt: b.endsAt,
    title: `Speeddate ${b.employerName} — ${b.vacancyTitle}`,
    location: sessionPlace(b),
    description: `Werkbrug speeddate: ${b.vacancyTitle}.`,
  }
}

async function employerEvents(db: Db, actor: Actor, since: Date) {
  const rows = await selectBookings(db)
    .where(and(scopeOf(actor).bookings(), inArray(speeddateBookings.status, ['requested', 'approved']), gte(speeddateSlots.startsAt, since)))
    .orderBy(asc(speeddateSlots.startsAt))
    .limit(FEED_LIMIT)
  return rows.map(bookingEvent)
}

/** The sessions the consultant runs: booked ones as the booking, the others as a free time block. */
async function consultantEvents(db: Db, actor: Actor, locale: Locale, since: Date) {
  const [booked, slots] = await Promise.all([
    selectBookings(db)
      .where(and(eq(speeddateSlots.consultantUserId, actor.userId!), inArray(speeddateBookings.status, ['requested', 'approved']), gte(speeddateSlots.startsAt, since)))
      .limit(FEED_LIMIT),
    db
      .select({
        id: speeddateSlots.id,
        startsAt: speeddateSlots.startsAt,
        endsAt: speeddateSlots.endsAt,
        placeAddress: speeddateSlots.placeAddress,
        placeName: receptionLocations.name,
        locationAddress: receptionLocations.address,
        locationPostcode: receptionLocations.postcode,
        locationMunicipality: receptionLocations.municipality,
      })
      .from(speeddateSlots)
      .leftJoin(receptionLocations, eq(receptionLocations.id, speeddateSlots.receptionLocationId))
      .where(and(eq(speeddateSlots.consultantUserId, actor.userId!), ne(speeddateSlots.status, 'cancelled'), gte(speeddateSlots.startsAt, since)))
      .orderBy(asc(speeddateSlots.startsAt))
      .limit(FEED_LIMIT),
  ])
  const bySlot = new Map(booked.map((b) => [b.slotId, b]))
  return slots.map((slot): FeedEvent => {
    const booking = bySlot.get(slot.id)
    if (booking) return bookingEvent(booking)
    return {
      uid: `slot-${slot.id}@werkbrug`,
      sequence: 0,
      status: 'CONFIRMED',
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      title: translate(locale, 'calendarFeed.freeSlot'),
      location: sessionPlace(slot),
      description: translate(locale, 'calendarFeed.freeSlot'),
    }
  })
}

import { createEvent, createEvents } from 'ics'

export type CalendarEvent = {
  uid: string
  sequence: number
  method: 'REQUEST' | 'CANCEL'
  status: 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED'
  startsAt: Date
  endsAt: Date
  title: string
  location: string
  description: string
  /** RFC 5546: a REQUEST or CANCEL names its organizer and attendees, or clients do not treat it as an invitation. */
  organizer: { name: string; email: string }
  attendees: { name: string; email: string }[]
}

/**
 * An iCalendar file for one speeddate. Times are written in UTC so no calendar has to guess a
 * time zone; the UID stays the same for the booking's whole life and SEQUENCE rises with every
 * change, so a reschedule moves the event and a cancellation (METHOD:CANCEL) removes it.
 */
export function speeddateIcs(event: CalendarEvent): string {
  const { error, value } = createEvent({
    uid: event.uid,
    sequence: event.sequence,
    method: event.method,
    status: event.status,
    productId: 'werkbrug/speeddates',
    start: event.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: event.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: event.title,
    location: event.location,
    description: event.description,
    organizer: { name: event.organizer.name, email: event.organizer.email },
    attendees: event.attendees.map((a) => ({ name: a.name, email: a.email, rsvp: false, role: 'REQ-PARTICIPANT' as const })),
  })
  if (error || !value) throw error ?? new Error('could not build the calendar file')
  return value
}

export type FeedEvent = Omit<CalendarEvent, 'method' | 'organizer' | 'attendees' | 'status'> & { status: 'TENTATIVE' | 'CONFIRMED' }

/**
 * A subscription feed (METHOD:PUBLISH): the calendar app polls it and shows what it holds, so an
 * event that leaves the feed leaves the calendar. UIDs are the invitations' UIDs.
 */
export function speeddateFeedIcs(events: FeedEvent[], calendarName: string): string {
  const { error, value } = createEvents(
    events.map((event) => ({
      uid: event.uid,
      sequence: event.sequence,
      status: event.status,
      start: event.startsAt.getTime(),
      startInputType: 'utc' as const,
      startOutputType: 'utc' as const,
      end: event.endsAt.getTime(),
      endInputType: 'utc' as const,
      endOutputType: 'utc' as const,
      title: event.title,
      location: event.location,
      description: event.description,
    })),
    { productId: 'werkbrug/speeddates', method: 'PUBLISH', calName: calendarName },
  )
  if (error || value === null) throw error ?? new Error('could not build the calendar feed')
  return value
}

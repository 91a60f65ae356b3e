/** Today's calendar date in the Netherlands, as YYYY-MM-DD (start dates are Dutch dates). */
export function todayInAmsterdam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now)
}

/**
 * A real calendar date a person can mean here: YYYY-MM-DD, between 1900 and 2999. PostgreSQL has
 * no year 0, and a year like 0001 or 9999 is always a typing error.
 */
export function isIsoDate(value: string): boolean {
  if (!/^(19|2\d)\d{2}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

const AMSTERDAM = 'Europe/Amsterdam'

/** How far a time zone is ahead of UTC at a given instant, in milliseconds. */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  )
  const asUtc = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!)
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000
}

/**
 * "2027-03-28T10:00" as a wall-clock time in Amsterdam → the UTC instant, right on both sides of a
 * daylight-saving change. Returns null for text that is not such a time, or for a time that does
 * not exist (the hour skipped when clocks go forward).
 */
export function amsterdamLocalToUtc(local: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local)
  if (!match) return null
  const [, y, mo, d, h, mi] = match.map(Number) as number[]
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!)
  let instant = new Date(wall - zoneOffsetMs(new Date(wall), AMSTERDAM))
  instant = new Date(wall - zoneOffsetMs(instant, AMSTERDAM))
  return utcToAmsterdamLocal(instant) === local ? instant : null
}

/** The UTC instant as the wall-clock time in Amsterdam, "YYYY-MM-DDTHH:mm" (for datetime-local). */
export function utcToAmsterdamLocal(instant: Date): string {
  const shifted = new Date(instant.getTime() + zoneOffsetMs(instant, AMSTERDAM))
  return shifted.toISOString().slice(0, 16)
}

// Dutch public holidays (algemeen erkende feestdagen, Algemene termijnenwet art. 3): New Year's
// Day, Easter Monday, King's Day (27 April, 26 April when the 27th is a Sunday), Liberation Day
// (5 May; a day off in lustrum years by most agreements, listed every year as the law does),
// Ascension Day, Whit Monday, Christmas Day and Boxing Day. Easter Sunday and Whit Sunday fall on
// a Sunday anyway.

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm), as YYYY-MM-DD. */
export function easterSunday(year: number): string {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

const plus = (date: string, days: number) => {
  const d = new Date(`${date}T12:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/**
 * The holidays as data: a fixed day of the year (King's Day moves to the Saturday before when the
 * 27th is a Sunday) or a number of days after Easter Sunday. A change of the law is a change here.
 */
export type HolidayDefinition = { nameNl: string; nameEn: string } & ({ monthDay: string; ifSunday?: 'day_before' } | { easterOffset: number })

export const DUTCH_PUBLIC_HOLIDAYS: readonly HolidayDefinition[] = [
  { nameNl: 'Nieuwjaarsdag', nameEn: "New Year's Day", monthDay: '01-01' },
  { nameNl: 'Tweede paasdag', nameEn: 'Easter Monday', easterOffset: 1 },
  { nameNl: 'Koningsdag', nameEn: "King's Day", monthDay: '04-27', ifSunday: 'day_before' },
  { nameNl: 'Bevrijdingsdag', nameEn: 'Liberation Day', monthDay: '05-05' },
  { nameNl: 'Hemelvaartsdag', nameEn: 'Ascension Day', easterOffset: 39 },
  { nameNl: 'Tweede pinksterdag', nameEn: 'Whit Monday', easterOffset: 50 },
  { nameNl: 'Eerste kerstdag', nameEn: 'Christmas Day', monthDay: '12-25' },
  { nameNl: 'Tweede kerstdag', nameEn: 'Boxing Day', monthDay: '12-26' },
]

/** The holidays of a year by date, in order, with their names. */
export function holidaysOf(year: number, definitions: readonly HolidayDefinition[] = DUTCH_PUBLIC_HOLIDAYS): Map<string, { nameNl: string; nameEn: string }> {
  const easter = easterSunday(year)
  const dated = definitions.map((h) => {
    let date = 'easterOffset' in h ? plus(easter, h.easterOffset) : `${year}-${h.monthDay}`
    if ('monthDay' in h && h.ifSunday === 'day_before' && new Date(`${date}T12:00:00Z`).getUTCDay() === 0) date = plus(date, -1)
    return [date, { nameNl: h.nameNl, nameEn: h.nameEn }] as const
  })
  return new Map(dated.sort(([a], [b]) => a.localeCompare(b)))
}

/** The public holidays of a year, by date, with their Dutch names. */
export function dutchPublicHolidays(year: number): Map<string, string> {
  return new Map([...holidaysOf(year)].map(([date, h]) => [date, h.nameNl]))
}

/** Why a date is not an ordinary working day: a weekend day or a public holiday (by name), or nothing. */
export function dayNote(date: string, definitions: readonly HolidayDefinition[] = DUTCH_PUBLIC_HOLIDAYS): { kind: 'weekend'; weekday: 0 | 6 } | { kind: 'holiday'; nameNl: string; nameEn: string } | null {
  const holiday = holidaysOf(Number(date.slice(0, 4)), definitions).get(date)
  if (holiday) return { kind: 'holiday', ...holiday }
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay()
  return weekday === 0 || weekday === 6 ? { kind: 'weekend', weekday } : null
}

/** A weekday that is not a public holiday: a day a speeddate or a first working day can fall on. */
export function isWorkingDay(date: string): boolean {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay()
  return weekday !== 0 && weekday !== 6 && !dutchPublicHolidays(Number(date.slice(0, 4))).has(date)
}

/** The date itself, or the first working day after it. */
export function nextWorkingDay(date: string): string {
  let day = date
  while (!isWorkingDay(day)) day = plus(day, 1)
  return day
}

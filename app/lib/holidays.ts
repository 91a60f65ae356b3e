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

/** The public holidays of a year, by date, with their Dutch names. */
export function dutchPublicHolidays(year: number): Map<string, string> {
  const easter = easterSunday(year)
  const kingsDay = new Date(`${year}-04-27T12:00:00Z`).getUTCDay() === 0 ? `${year}-04-26` : `${year}-04-27`
  return new Map([
    [`${year}-01-01`, 'Nieuwjaarsdag'],
    [plus(easter, 1), 'Tweede paasdag'],
    [kingsDay, 'Koningsdag'],
    [`${year}-05-05`, 'Bevrijdingsdag'],
    [plus(easter, 39), 'Hemelvaartsdag'],
    [plus(easter, 50), 'Tweede pinksterdag'],
    [`${year}-12-25`, 'Eerste kerstdag'],
    [`${year}-12-26`, 'Tweede kerstdag'],
  ])
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

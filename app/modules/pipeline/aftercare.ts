import { addDays } from '~/modules/policy'

export type CheckInRecord = { week: number; doneOn: string | null; howItGoes: string | null; dropoutRisk: 'low' | 'medium' | 'high' | null; agreed: string | null }

export type CheckIn = {
  week: number
  dueOn: string
  /** done: recorded; due: its day has come; upcoming: later; not needed: the placement ended first. */
  state: 'done' | 'due' | 'upcoming' | 'not_needed'
  record: CheckInRecord | null
}

/**
 * The aftercare check-ins of a placement: one per week of the rule, counted from the first
 * working day. Before a first working day there is nothing to check; after a stop, only the
 * check-ins that were due before it still matter (recorded or not).
 */
export function checkInsOf(
  placement: { firstWorkingDay: string | null; endedOn: string | null },
  weeks: readonly number[],
  records: CheckInRecord[],
  today: string,
): CheckIn[] {
  if (placement.firstWorkingDay === null) return []
  return weeks.map((week) => {
    const dueOn = addDays(placement.firstWorkingDay!, week * 7)
    const record = records.find((r) => r.week === week) ?? null
    const state: CheckIn['state'] =
      record?.doneOn ? 'done' : placement.endedOn !== null && dueOn > placement.endedOn ? 'not_needed' : dueOn <= today ? 'due' : 'upcoming'
    return { week, dueOn, state, record }
  })
}

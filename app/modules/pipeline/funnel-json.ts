import { breakdownTable, type BreakdownDimension } from './categories'
import type { Funnel } from './funnel'

/** The funnel as the API gives it: the report's numbers, with each breakdown's table number. */
export function funnelJson(funnel: Funnel) {
  return {
    ...funnel,
    breakdowns: Object.fromEntries(
      (Object.keys(funnel.breakdowns) as BreakdownDimension[]).map((dimension) => [dimension, { table: breakdownTable[dimension], rows: funnel.breakdowns[dimension] }]),
    ),
  }
}

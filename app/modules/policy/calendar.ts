import { DUTCH_PUBLIC_HOLIDAYS, type HolidayDefinition } from '~/lib/holidays'
import { ruleOf, type AnyPolicyRule } from './rule'

/**
 * The holidays as the admin keeps them (rule calendar.public_holidays). Without a valid rule —
 * deleted, or data that no longer validates and so waits on the admin's review list — the law's
 * list built into Werkbrug applies, the same list the rule starts from.
 */
export function holidayDefinitions(rules: readonly AnyPolicyRule[]): HolidayDefinition[] {
  return (ruleOf(rules, 'calendar.public_holidays', 'calendar')?.data.holidays as HolidayDefinition[] | undefined) ?? [...DUTCH_PUBLIC_HOLIDAYS]
}

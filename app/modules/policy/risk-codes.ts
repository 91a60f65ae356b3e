// The risks Werkbrug can raise, and the values each may put into its fact sentence. An admin's
// edit that names any other {placeholder} is refused, so no reader ever sees one unfilled.
export const riskFactParams = {
  'twv-required': ['twvMedianDays'],
  'bsn-wait': [],
  'azc-relocation': [],
  'municipal-linkage-24h': ['hoursMin', 'threshold'],
  '24-week-rule': [],
  'travel-cost-gap': ['estimatedCents', 'estimateBasis', 'coveredCents', 'paidDaysAfter'],
  'no-job-coach': ['dutchLevel'],
  'inburgering-overlap': ['hoursMax'],
  'trial-arrangement-mismatch': ['problem'],
  'start-date-unrealistic': ['startDate', 'realisticDate'],
  'residents-contribution': [],
} as const satisfies Record<string, readonly string[]>

export type RiskCode = keyof typeof riskFactParams
export const riskCodes = Object.keys(riskFactParams) as RiskCode[]

export function factParamsOfRule(key: string): readonly string[] {
  const code = key.startsWith('risk.') ? key.slice(5) : ''
  return code in riskFactParams ? riskFactParams[code as RiskCode] : []
}

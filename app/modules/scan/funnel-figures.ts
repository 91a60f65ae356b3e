import type { MessageKey } from '~/lib/i18n'

/** The employer side of the funnel as counts (see employerFunnel); safe on either side. */
export type EmployerFunnel = {
  /** On the whole platform: a scan is nobody's until someone registers from it. */
  scansStarted: number
  scansCompleted: number
  /** Of the employers that registered from a scan with this intermediary. */
  registered: number
  withSubmittedVacancy: number
  withSpeeddate: number
  withHire: number
}

/**
 * The rows the report shows for it, in order, with how far each is indented under the one before:
 * one definition for the page and the CSV, so the two cannot drift apart.
 */
export function employerFunnelFigures(funnel: EmployerFunnel): { key: MessageKey; count: number; level: 0 | 1 }[] {
  return [
    { key: 'report.scansStarted', count: funnel.scansStarted, level: 0 },
    { key: 'report.scansCompleted', count: funnel.scansCompleted, level: 1 },
    { key: 'report.fromScan', count: funnel.registered, level: 0 },
    { key: 'report.fromScanVacancy', count: funnel.withSubmittedVacancy, level: 1 },
    { key: 'report.fromScanSpeeddate', count: funnel.withSpeeddate, level: 1 },
    { key: 'report.fromScanHire', count: funnel.withHire, level: 1 },
  ]
}

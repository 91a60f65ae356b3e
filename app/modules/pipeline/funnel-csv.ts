import { stringify } from 'csv-stringify/sync'
import type { MessageKey, Translate } from '~/lib/i18n'
import { breakdownDimensions, breakdownTable, type BreakdownDimension } from './categories'
import { percentage, protectedCount, type Funnel } from './funnel'

/**
 * The report as one CSV: the key figures, then each breakdown. A CSV leaves the intermediary's
 * hands, so every count of 1–4 is "< 5" and so is its percentage (decision 016). `more` are key
 * figures from elsewhere shown after the report's own (the employer side, from the quick scan).
 */
export function funnelCsv(funnel: Funnel, t: Translate, more: { key: MessageKey; count: number }[] = []): string {
  const rows: (string | number)[][] = []
  const shown = (n: number) => protectedCount(n)
  const share = (n: number, whole: number) => (protectedCount(n) === '< 5' ? '' : (percentage(n, whole) ?? ''))
  rows.push([t('report.funnel'), `${funnel.from} – ${funnel.to}`])
  rows.push([t('report.category'), t('report.count')])
  if (funnel.targetGroup.entered) {
    if (funnel.targetGroup.residents !== null) rows.push([t('report.residents'), funnel.targetGroup.residents])
    rows.push([t('report.targetGroup'), funnel.targetGroup.total])
    rows.push([t('report.statusHolders'), funnel.targetGroup.statusHolders])
    rows.push([t('report.asylumSeekers'), funnel.targetGroup.asylumSeekers])
  }
  const m = funnel.matches
  const figures: [MessageKey, number][] = [
    ['report.participants', funnel.participants.total],
    ['report.stillLiving', funnel.participants.stillLiving],
    ['report.notYetPlaced', funnel.participants.notYetPlaced],
    ['report.matches', m.total],
    ['report.working', m.working],
    ['report.waiting', m.waiting],
    ['report.notStarted', m.notStarted],
    ['report.stopped', m.stopped],
    ['report.stoppedTemporary', m.stoppedTemporary],
    ['report.stoppedOther', m.stoppedOther],
    ['report.placements', funnel.placements],
    ['report.employersApproached', funnel.employers.approached],
    ['report.employersWithPlacement', funnel.employers.withPlacement],
  ]
  for (const [key, n] of figures) rows.push([t(key), shown(n)])
  for (const { key, count } of more) rows.push([t(key), shown(count)])
  for (const dimension of Object.keys(breakdownDimensions) as BreakdownDimension[]) {
    rows.push([])
    rows.push([t('report.breakdown', { dimension: t(`pipeline.dimension.${dimension}`), table: breakdownTable[dimension] })])
    rows.push([t('report.category'), t('report.participantsColumn'), '%', t('report.matchesColumn'), '%'])
    for (const r of funnel.breakdowns[dimension]) {
      rows.push([t(`pipeline.${dimension}.${r.category}` as MessageKey), shown(r.participants), share(r.participants, funnel.participants.total), shown(r.matches), share(r.matches, m.total)])
    }
    if (dimension === 'municipalLinkage') {
      for (const r of funnel.linkedMunicipalities) {
        rows.push([`${t('report.linkedMunicipalities')} ${r.municipality}`, shown(r.participants), share(r.participants, funnel.participants.total), shown(r.matches), share(r.matches, m.total)])
      }
    }
  }
  return stringify(rows)
}

import type { LeadTimeBin } from './schemas'

// Lead times as a probability per whole day, so waits can be added (convolved) and cut at any
// percentile, plus a share that is known only to take *at least* some days: cases still pending
// when the table was measured, and an open-ended last row ("more than two months"). Counting
// those as finished would make waiting look shorter than it was.

export type { LeadTimeBin }

export type LeadTime = {
  /** Probability of finishing on each day (sums to 1 − open). */
  pmf: number[]
  /** Share of cases whose end is unknown beyond `openFrom` days. */
  open: number
  openFrom: number
}

export type Quantile = { days: number; atLeast: boolean }

/**
 * From a published table. Finished cases are spread evenly over their row's days (the table
 * gives no more); pending cases and finished cases of an open-ended row are "at least" the
 * row's lower bound.
 */
export function leadTimeFromBins(bins: readonly LeadTimeBin[]): LeadTime {
  const total = bins.reduce((sum, bin) => sum + bin.finished + bin.pending, 0)
  if (total === 0) return NO_WAIT
  const pmf: number[] = []
  let open = 0
  let openFrom = Number.POSITIVE_INFINITY
  for (const bin of bins) {
    if (bin.maxDays !== null && bin.finished > 0) {
      const days = bin.maxDays - bin.minDays + 1
      for (let day = bin.minDays; day <= bin.maxDays; day++) pmf[day] = (pmf[day] ?? 0) + bin.finished / total / days
    }
    const unknownEnd = bin.pending + (bin.maxDays === null ? bin.finished : 0)
    if (unknownEnd > 0) {
      open += unknownEnd / total
      openFrom = Math.min(openFrom, bin.minDays)
    }
  }
  return { pmf: Array.from(pmf, (p) => p ?? 0), open, openFrom: Number.isFinite(openFrom) ? openFrom : 0 }
}

/** From durations recorded in the portal (all finished). */
export function leadTimeFromSamples(samples: readonly number[]): LeadTime {
  const pmf: number[] = []
  for (const days of samples) {
    const d = Math.max(0, Math.round(days))
    pmf[d] = (pmf[d] ?? 0) + 1 / samples.length
  }
  return { pmf: Array.from(pmf, (p) => p ?? 0), open: 0, openFrom: 0 }
}

/** The wait of two independent waits one after the other. */
export function convolve(a: LeadTime, b: LeadTime): LeadTime {
  const pmf: number[] = new Array(Math.max(0, a.pmf.length + b.pmf.length - 1)).fill(0)
  a.pmf.forEach((pa, i) => {
    if (pa === 0) return
    b.pmf.forEach((pb, j) => {
      pmf[i + j]! += pa * pb
    })
  })
  const open = 1 - (1 - a.open) * (1 - b.open)
  // Anything with an open part takes at least that part's lower bound (the other wait is ≥ 0).
  const bounds = [a.open > 0 ? a.openFrom : null, b.open > 0 ? b.openFrom : null].filter((x): x is number => x !== null)
  return { pmf, open, openFrom: bounds.length > 0 ? Math.min(...bounds) : 0 }
}

/**
 * The first day by which a share `q` of cases had finished; when the finished cases never reach
 * `q`, only a lower bound is known ("at least so many days").
 */
export function quantile(lead: LeadTime, q: number): Quantile {
  let cumulative = 0
  for (let day = 0; day < lead.pmf.length; day++) {
    cumulative += lead.pmf[day]!
    if (cumulative >= q - 1e-9) return { days: day, atLeast: false }
  }
  // Earliest day by which q could have finished if every open case ended as soon as it could.
  let bound = 0
  for (let day = 0, sum = 0; ; day++) {
    sum += lead.pmf[day] ?? 0
    if (sum + (day >= lead.openFrom ? lead.open : 0) >= q - 1e-9 || day > lead.pmf.length + lead.openFrom) {
      bound = day
      break
    }
  }
  return { days: bound, atLeast: true }
}

export const NO_WAIT: LeadTime = { pmf: [1], open: 0, openFrom: 0 }

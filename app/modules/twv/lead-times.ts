// Lead-time distributions as probability per whole day, so they can be added (convolved) and cut
// at any percentile. Built from the pilot's binned tables or from the portal's own durations.

export type LeadTimeBin = { minDays: number; maxDays: number; count: number }
export type Pmf = number[]

/** Each bin's share spread evenly over its days. */
export function pmfFromBins(bins: LeadTimeBin[]): Pmf {
  const total = bins.reduce((sum, bin) => sum + bin.count, 0)
  const pmf: Pmf = []
  for (const bin of bins) {
    const days = bin.maxDays - bin.minDays + 1
    for (let day = bin.minDays; day <= bin.maxDays; day++) pmf[day] = (pmf[day] ?? 0) + bin.count / total / days
  }
  return Array.from(pmf, (p) => p ?? 0)
}

export function pmfFromSamples(samples: number[]): Pmf {
  const pmf: Pmf = []
  for (const days of samples) {
    const d = Math.max(0, Math.round(days))
    pmf[d] = (pmf[d] ?? 0) + 1 / samples.length
  }
  return Array.from(pmf, (p) => p ?? 0)
}

/** The distribution of the sum of two independent waits. */
export function convolve(a: Pmf, b: Pmf): Pmf {
  const out: Pmf = new Array(Math.max(0, a.length + b.length - 1)).fill(0)
  a.forEach((pa, i) => {
    if (pa === 0) return
    b.forEach((pb, j) => {
      out[i + j]! += pa * pb
    })
  })
  return out
}

/** The first day by which a share `q` of cases was done. */
export function quantile(pmf: Pmf, q: number): number {
  let cumulative = 0
  for (let day = 0; day < pmf.length; day++) {
    cumulative += pmf[day]!
    if (cumulative >= q - 1e-9) return day
  }
  return Math.max(0, pmf.length - 1)
}

export const POINT_MASS_ZERO: Pmf = [1]

/** A small bar chart of the chance per week; the numbers stay readable as text beside it. */
export function WeekChart({ weeks, label, weekLabel }: { weeks: number[]; label: string; weekLabel: (n: number) => string }) {
  const shown = weeks.slice(0, 16)
  const max = Math.max(...shown, 0.0001)
  const width = 24
  return (
    <figure className="week-chart">
      <svg role="img" aria-label={label} viewBox={`0 0 ${shown.length * width} 84`} width={shown.length * width} height={84}>
        {shown.map((p, i) => {
          const h = Math.round((p / max) * 60)
          return (
            <g key={i}>
              <rect x={i * width + 3} y={64 - h} width={width - 6} height={h} fill="#0b5563">
                <title>{`${weekLabel(i + 1)}: ${Math.round(p * 100)}%`}</title>
              </rect>
              <text x={i * width + width / 2} y={78} fontSize="9" textAnchor="middle" fill="#1b2430">
                {i + 1}
              </text>
            </g>
          )
        })}
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  )
}

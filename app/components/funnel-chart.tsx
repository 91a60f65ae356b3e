/**
 * Horizontal bars for the funnel, drawn as SVG on the server (no chart library reaches the
 * client); each bar carries its number as text, and the figure has a text description.
 */
export function FunnelChart({ title, description, bars }: { title: string; description: string; bars: { label: string; value: number }[] }) {
  const max = Math.max(...bars.map((b) => b.value), 1)
  const rowHeight = 28
  const labelWidth = 150
  const barWidth = 200
  const height = bars.length * rowHeight
  return (
    <figure className="funnel-chart">
      <svg role="img" aria-label={description} viewBox={`0 0 ${labelWidth + barWidth + 50} ${height}`} preserveAspectRatio="xMinYMin meet">
        {bars.map((bar, i) => {
          const width = Math.round((bar.value / max) * barWidth)
          const y = i * rowHeight
          return (
            <g key={bar.label}>
              <text x={0} y={y + 18} fontSize="12" fill="#1b2430">
                {bar.label.length > 24 ? `${bar.label.slice(0, 23)}…` : bar.label}
              </text>
              <rect x={labelWidth} y={y + 6} width={width} height={16} fill="#0b5563" />
              <text x={labelWidth + width + 6} y={y + 18} fontSize="12" fill="#1b2430">
                {bar.value}
              </text>
            </g>
          )
        })}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  )
}

// A chart drawn on the server as SVG, without JavaScript: an image with a sentence that says what it
// shows; the table beside it holds every figure.
/**
 * Horizontal bars, one a row in the order given; each bar's label above it and its figure beside it
 * (as given in `text`, else the number). Bars are measured against `max`, else the largest value.
 */
export function BarChart(p: {
  rows: { label: string; value: number; text?: string }[]
  label: string
  max?: number
}) {
  const largest = p.max ?? Math.max(1, ...p.rows.map((r) => r.value))
  // Narrow, so the labels stay legible when a phone scales the chart down.
  const width = 420
  const row = 44
  const barSpace = width - 50
  return (
    <figure class="siatka-chart">
      <svg
        class="siatka-bars"
        viewBox={`0 0 ${width} ${Math.max(row, p.rows.length * row)}`}
        role="img"
        aria-label={p.label}
        xmlns="http://www.w3.org/2000/svg"
      >
        {p.rows.map((r, i) => {
          const w = Math.max(r.value > 0 ? 2 : 0, Math.round((r.value / largest) * barSpace))
          const y = i * row
          return (
            <g>
              <text x="0" y={String(y + 14)} class="siatka-bars__label" safe>
                {r.label}
              </text>
              <rect x="0" y={String(y + 20)} width={String(w)} height="16" class="siatka-bars__bar" />
              <text x={String(w + 8)} y={String(y + 33)} class="siatka-bars__value" safe>
                {r.text ?? String(r.value)}
              </text>
            </g>
          )
        })}
      </svg>
    </figure>
  )
}

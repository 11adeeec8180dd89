// A chart drawn on the server as SVG, without JavaScript: a tile-grid map of
// the 16 voivodeships (each one square of the same size, placed roughly where it lies). Each is an
// image with a sentence that says what it shows; the table beside it holds every figure.
import { voivodeships } from '../regions.ts'

/** Voivodeships' two-letter abbreviations, as on the tiles (the old ISO 3166-2:PL letters). */
const abbreviations: Record<string, string> = {
  '02': 'DS',
  '04': 'KP',
  '06': 'LU',
  '08': 'LB',
  '10': 'ŁD',
  '12': 'MA',
  '14': 'MZ',
  '16': 'OP',
  '18': 'PK',
  '20': 'PD',
  '22': 'PM',
  '24': 'ŚL',
  '26': 'ŚK',
  '28': 'WN',
  '30': 'WP',
  '32': 'ZP',
}

/**
 * The shade of a count on the map: 0 for none (a gap, drawn with a dashed outline so colour is not
 * the only sign), else 1 to 4 by its share of the largest count.
 */
export function shadeOf(count: number, largest: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0 || largest <= 0) return 0
  return Math.min(4, Math.max(1, Math.ceil((count / largest) * 4))) as 1 | 2 | 3 | 4
}

/** The legend's steps: the counts each shade stands for (a shade no count can take is left out). */
export function legendSteps(largest: number): { k: number; text: string }[] {
  return [1, 2, 3, 4].flatMap((k) => {
    const from = Math.floor(((k - 1) / 4) * largest) + 1
    const to = Math.floor((k / 4) * largest)
    return to < from ? [] : [{ k, text: from === to ? String(to) : `${from}–${to}` }]
  })
}

const tile = 96
const gap = 6

/** The tile-grid map: each voivodeship's square shaded by its count, with its letters and the count. */
export function TileMap(p: {
  counts: Map<string, number>
  label: string
  legend: { title: string; none: string }
}) {
  const largest = Math.max(0, ...p.counts.values())
  const size = 5 * tile + 4 * gap
  const steps = legendSteps(largest)
  return (
    <figure class="siatka-chart">
      <svg
        class="siatka-map"
        viewBox={`0 0 ${size} ${size}`}
        role="img"
        aria-label={p.label}
        xmlns="http://www.w3.org/2000/svg"
      >
        {voivodeships.map((v) => {
          const n = p.counts.get(v.teryt) ?? 0
          const x = v.tile[1] * (tile + gap)
          const y = v.tile[0] * (tile + gap)
          return (
            <g class={`siatka-map__tile siatka-map__tile--k${shadeOf(n, largest)}`}>
              <rect
                x={String(x + 1)}
                y={String(y + 1)}
                width={String(tile - 2)}
                height={String(tile - 2)}
                rx="4"
              />
              <text
                x={String(x + tile / 2)}
                y={String(y + 40)}
                text-anchor="middle"
                class="siatka-map__code"
                safe
              >
                {abbreviations[v.teryt] ?? v.teryt}
              </text>
              <text
                x={String(x + tile / 2)}
                y={String(y + 72)}
                text-anchor="middle"
                class="siatka-map__count"
              >
                {n}
              </text>
            </g>
          )
        })}
      </svg>
      <figcaption class="govuk-body-s siatka-map__legend">
        <span safe>{p.legend.title}</span>:{' '}
        <span class="siatka-map__key siatka-map__key--k0" aria-hidden="true" />{' '}
        <span safe>{p.legend.none}</span>
        {largest > 0
          ? steps.map((s) => (
              <>
                {' '}
                <span class={`siatka-map__key siatka-map__key--k${s.k}`} aria-hidden="true" />{' '}
                <span safe>{s.text}</span>
              </>
            ))
          : ''}
      </figcaption>
    </figure>
  )
}

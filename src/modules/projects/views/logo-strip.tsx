import type { Lang } from '../../../kernel/i18n.ts'
import type { FundingPeriod } from '../tables.ts'

// The logo strip the EU funds' information rules put in a project page's first screen, by funding
// period. The official marks may not be redrawn, so each mark here is a placeholder that says so in
// its own frame, in the order and proportions the rules set; the official files replace them.

export interface Mark {
  /** Lines of the placeholder's text, first the mark's name. */
  lines: string[]
  /** What a screen reader says: the mark it stands for. */
  label: string
  width: number
}

export const placeholder = { pl: 'ZNAK ZASTĘPCZY', en: 'PLACEHOLDER' } as const

/** The marks of a funding period, in the order the rules set, each with its placeholder's lines and width. */
export function logoMarks(period: FundingPeriod, programme: string, lang: Lang): Mark[] {
  const pl = lang === 'pl'
  const poland: Mark = {
    lines: ['Rzeczpospolita', 'Polska'],
    label: pl ? 'Barwy Rzeczypospolitej Polskiej' : 'Colours of the Republic of Poland',
    width: 150,
  }
  switch (period) {
    case '2021-2027':
      return [
        {
          lines: ['Fundusze Europejskie', programme],
          label: pl ? `Znak Funduszy Europejskich: ${programme}` : `European Funds mark: ${programme}`,
          width: 230,
        },
        poland,
        {
          lines: pl ? ['Dofinansowane przez', 'Unię Europejską'] : ['Co-funded by', 'the European Union'],
          label: pl
            ? 'Znak Unii Europejskiej: Dofinansowane przez Unię Europejską'
            : 'EU emblem: Co-funded by the European Union',
          width: 210,
        },
      ]
    case '2014-2020':
      return [
        {
          lines: ['Fundusze Europejskie', programme],
          label: pl ? `Znak Funduszy Europejskich: ${programme}` : `European Funds mark: ${programme}`,
          width: 230,
        },
        poland,
        {
          lines: ['Unia Europejska', 'Europejski Fundusz Społeczny'],
          label: pl
            ? 'Znak Unii Europejskiej: Europejski Fundusz Społeczny'
            : 'EU emblem: European Social Fund',
          width: 230,
        },
      ]
    default:
      return [
        {
          lines: [programme],
          label: pl ? `Logo programu: ${programme}` : `Programme logo: ${programme}`,
          width: 230,
        },
        {
          lines: ['Unia Europejska', 'Europejski Fundusz Społeczny'],
          label: pl
            ? 'Znak Unii Europejskiej: Europejski Fundusz Społeczny'
            : 'EU emblem: European Social Fund',
          width: 230,
        },
      ]
  }
}

/** A mark's text in lines that fit its frame (about 7 px a character at 14 px). */
function wrapped(lines: string[], width: number): string[] {
  const fits = Math.floor((width - 20) / 7.5)
  return lines.flatMap((line) => {
    const out: string[] = []
    let current = ''
    for (const word of line.split(' ')) {
      if (current && `${current} ${word}`.length > fits) {
        out.push(current)
        current = word
      } else current = current ? `${current} ${word}` : word
    }
    return current ? [...out, current] : out
  })
}

/** The strip of marks, each an inline SVG placeholder with its name for screen readers; all of one height. */
export function LogoStrip(p: { period: FundingPeriod; programme: string; lang: Lang }) {
  const all = logoMarks(p.period, p.programme, p.lang).map((m) => ({
    ...m,
    lines: wrapped(m.lines, m.width),
  }))
  const height = 44 + 18 * Math.max(...all.map((m) => m.lines.length))
  return (
    <ul class="siatka-logo-strip" aria-label={p.lang === 'pl' ? 'Znaki funduszy' : 'Funding marks'}>
      {all.map((m) => (
        <li class="siatka-logo-strip__mark">
          <svg
            role="img"
            aria-label={`${m.label} (${placeholder[p.lang].toLowerCase()})`}
            viewBox={`0 0 ${m.width} ${height}`}
            width={String(m.width)}
            height={String(height)}
            xmlns="http://www.w3.org/2000/svg"
          >
            <rect
              x="1"
              y="1"
              width={String(m.width - 2)}
              height={String(height - 2)}
              fill="#ffffff"
              stroke="#0b0c0c"
              stroke-width="2"
              stroke-dasharray="6 4"
            />
            {m.lines.map((line, i) => (
              <text
                x="10"
                y={String(24 + i * 18)}
                font-size="14"
                font-family="sans-serif"
                fill="#0b0c0c"
                safe
              >
                {line}
              </text>
            ))}
            <text x="10" y={String(height - 10)} font-size="10" font-family="sans-serif" fill="#0b0c0c">
              {placeholder[p.lang]}
            </text>
          </svg>
        </li>
      ))}
    </ul>
  )
}

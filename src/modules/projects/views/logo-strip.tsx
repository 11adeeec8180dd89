import type { Lang } from '../../../kernel/i18n.ts'
import type { FundingPeriod } from '../tables.ts'

// The logo strip the EU funds' information rules put in a project page's first screen, by funding
// period. The official marks may not be redrawn, so each mark is a placeholder that says so in its
// own frame, in the order and proportions the rules set, until the administrator gives its official
// file (/projects/marks). Every mark of the strip is drawn at one height, in the rules' order
// (the programme's mark, the Polish colours, the EU emblem last), so none is larger than the EU's.

/**
 * Which file a mark takes: a programme's own mark (`programme:<id>`, the taxonomy's programme), or
 * a funding period's Polish colours or EU emblem (`poland:<period>`, `eu:<period>`).
 */
export const markSlot = {
  programme: (programmeId: string) => `programme:${programmeId}`,
  poland: (period: FundingPeriod) => `poland:${period}`,
  eu: (period: FundingPeriod) => `eu:${period}`,
}

/** An official file given for a slot: its stored hash and its size in pixels. */
export interface MarkFile {
  file_hash: string
  width: number
  height: number
}

export interface Mark {
  /** The file that replaces the placeholder, named by `markSlot`. */
  slot: string
  /** Lines of the placeholder's text, first the mark's name. */
  lines: string[]
  /** What a screen reader says: the mark it stands for. */
  label: string
  width: number
}

export const placeholder = { pl: 'ZNAK ZASTĘPCZY', en: 'PLACEHOLDER' } as const

/** The marks of a funding period, in the order the rules set, each with its placeholder's lines and width. */
export function logoMarks(
  period: FundingPeriod,
  { id: programmeId, name: programme }: { id: string; name: string },
  lang: Lang,
): Mark[] {
  const pl = lang === 'pl'
  const own = markSlot.programme(programmeId)
  const eu = markSlot.eu(period)
  const poland: Mark = {
    slot: markSlot.poland(period),
    lines: ['Rzeczpospolita', 'Polska'],
    label: pl ? 'Barwy Rzeczypospolitej Polskiej' : 'Colours of the Republic of Poland',
    width: 150,
  }
  switch (period) {
    case '2021-2027':
      return [
        {
          slot: own,
          lines: ['Fundusze Europejskie', programme],
          label: pl ? `Znak Funduszy Europejskich: ${programme}` : `European Funds mark: ${programme}`,
          width: 230,
        },
        poland,
        {
          slot: eu,
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
          slot: own,
          lines: ['Fundusze Europejskie', programme],
          label: pl ? `Znak Funduszy Europejskich: ${programme}` : `European Funds mark: ${programme}`,
          width: 230,
        },
        poland,
        {
          slot: eu,
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
          slot: own,
          lines: [programme],
          label: pl ? `Logo programu: ${programme}` : `Programme logo: ${programme}`,
          width: 230,
        },
        {
          slot: eu,
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

/** Where the public site sends an official mark's file (by its content's hash: it never changes). */
export const markPath = (hash: string) => `/funded-projects/marks/${hash}.png`

/**
 * The strip of marks, all of one height: each an official file where one was given, else an inline
 * SVG placeholder that says so; each named for screen readers.
 */
export function LogoStrip(p: {
  period: FundingPeriod
  programme: { id: string; name: string }
  files: ReadonlyMap<string, MarkFile>
  lang: Lang
}) {
  const all = logoMarks(p.period, p.programme, p.lang).map((m) => ({
    ...m,
    lines: wrapped(m.lines, m.width),
    file: p.files.get(m.slot),
  }))
  const drawn = all.filter((m) => !m.file)
  const height = drawn.length ? 44 + 18 * Math.max(...drawn.map((m) => m.lines.length)) : 80
  return (
    <ul class="siatka-logo-strip" aria-label={p.lang === 'pl' ? 'Znaki funduszy' : 'Funding marks'}>
      {all.map((m) =>
        m.file ? (
          <li class="siatka-logo-strip__mark">
            <img
              src={markPath(m.file.file_hash)}
              alt={m.label}
              width={String(Math.round((height * m.file.width) / m.file.height))}
              height={String(height)}
            />
          </li>
        ) : (
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
        ),
      )}
    </ul>
  )
}

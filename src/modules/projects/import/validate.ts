// The rows of an imported spreadsheet, checked one by one against the same rules as the project's
// form: each problem named by its row and column, with what the cell held. Pure: the taxonomy,
// themes and organisations come in as lookups. Unit-tested in validate.test.ts.
import type { Day } from '../../../kernel/dates.ts'
import { isValidNip, normaliseDigits } from '../../../kernel/identifiers.ts'
import { parseZloty } from '../../../kernel/money.ts'
import { subregions, voivodeships } from '../regions.ts'
import { type SheetColumn, sheetColumns } from '../spreadsheet.ts'
import { type ProjectStatus, projectStatuses } from '../tables.ts'
import { en, pl } from '../texts/index.ts'
import type { ReadCell } from './read.ts'

/** Without case, spaces around or Polish letters (and an arrow as "->"): how headers and names are matched. */
export const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase()
    .replace(/→/g, '->')
    .replace(/\s+/g, ' ')
    .trim()

export interface Lookups {
  measures: { id: string; programme_code: string; code: string }[]
  themes: { id: string; name_pl: string; name_en: string }[]
  organisations: { id: string; name: string; nip: string | null }[]
}

/** An organisation a row names: one Siatka has, or one the import will add. */
export type OrganisationRef = { id: string } | { name: string; nip: string | null }

export interface ImportedProject {
  title: string
  acronym: string
  programmeId: string
  status: ProjectStatus
  startsOn: Day
  endsOn: Day
  lead: OrganisationRef
  partners: OrganisationRef[]
  total: number
  eu: number
  eligible: number
  mainGoal: string
  themes: string[]
  regions: string[]
  /** NUTS 3 codes; their voivodeships are among `regions`. */
  subregions?: string[]
  isPublic: boolean
  indicators: { name: string; unit: string; baseline: number; target: number }[]
}

/** A problem: the file's row (as a spreadsheet numbers it), the column's header, what the cell held, a catalogue key. */
export interface RowProblem {
  row: number
  column: string
  value: string
  message: string
}

export type CheckedFile =
  | { ok: false; missing: string[] }
  | { ok: true; projects: ImportedProject[]; problems: RowProblem[]; rows: number }

const required: SheetColumn[] = [
  'title',
  'programme',
  'measure',
  'startsOn',
  'endsOn',
  'lead',
  'totalValue',
  'euContribution',
]

const headerNames = new Map<string, SheetColumn>(
  sheetColumns.flatMap((c) => [
    [fold(pl.projects.sheet[c]), c],
    [fold(en.projects.sheet[c]), c],
  ]),
)

const statusNames = new Map<string, ProjectStatus>(
  projectStatuses.flatMap((s) => [
    [fold(s), s],
    [fold(pl.projects.statuses[s]), s],
    [fold(en.projects.statuses[s]), s],
  ]),
)

const yesNo = new Map<string, boolean>([
  ['tak', true],
  ['yes', true],
  ['1', true],
  ['true', true],
  ['nie', false],
  ['no', false],
  ['0', false],
  ['false', false],
  ['', false],
])

const text = (c: ReadCell | undefined): string =>
  c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c).trim()

/** A day from an XLSX date cell, "2017-03-01" or "01.03.2017"; null when it is none or does not exist. */
export function dayOf(c: ReadCell | undefined): Day | null {
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? null : c.toISOString().slice(0, 10)
  const s = text(c)
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  const pl = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s)
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : pl ? [pl[3], pl[2], pl[1]] : []
  if (!y || !m || !d || Number(y) < 1) return null
  const day = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`
  const at = new Date(`${day}T00:00:00Z`)
  return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(day) ? day : null
}

/** Grosze from a number cell (złoty, as a spreadsheet keeps them) or typed text. */
export function groszeOf(c: ReadCell | undefined): number | null {
  // A number cell with more than two decimals is no amount of złoty: refused, as typed text would be.
  if (typeof c === 'number')
    return Number.isFinite(c) && c >= 0 && c < 1e11 && Math.abs(c * 100 - Math.round(c * 100)) < 0.01
      ? Math.round(c * 100)
      : null
  return parseZloty(text(c))
}

/** Names in one cell: "A; B". */
const listOf = (c: ReadCell | undefined) =>
  text(c)
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)

// Whole numbers of at most nine digits, as the indicator form takes (below a billion).
const indicatorPattern = /^(.+?):\s*(\d{1,9})\s*(?:→|->)\s*(\d{1,9})\s+(.+)$/

/**
 * Checks a file's rows (a turn for the event loop between them): the header row names the columns (in Polish or English, as the list's
 * export writes them, in any order); every row after it is a project. Empty rows are skipped.
 */
export async function checkRows(
  rows: ReadCell[][],
  lookups: Lookups,
  today: Day,
  /** Called after each row: gives the event loop a turn on a long file. */
  pause: () => Promise<void> = async () => {},
): Promise<CheckedFile> {
  const header = (rows[0] ?? []).map((c) => headerNames.get(fold(text(c))) ?? null)
  const missing = required.filter((c) => !header.includes(c))
  if (missing.length) return { ok: false, missing }
  const headerText = (c: SheetColumn) => text(rows[0]?.[header.indexOf(c)])
  const orgByNip = new Map(lookups.organisations.filter((o) => o.nip).map((o) => [o.nip as string, o]))
  const orgByName = new Map(lookups.organisations.map((o) => [fold(o.name), o]))
  const measure = new Map(lookups.measures.map((m) => [`${fold(m.programme_code)} ${fold(m.code)}`, m.id]))
  const theme = new Map(
    lookups.themes.flatMap((th) => [
      [fold(th.name_pl), th.id],
      [fold(th.name_en), th.id],
    ]),
  )
  const region = new Map(
    voivodeships.flatMap((v) => [
      [fold(v.name), v.teryt],
      [v.teryt, v.teryt],
    ]),
  )
  const subregion = new Map(
    subregions.flatMap((s) => [
      [fold(s.name), s],
      [fold(s.nuts3), s],
    ]),
  )
  const projects: ImportedProject[] = []
  const problems: RowProblem[] = []
  let counted = 0
  for (const [i, row] of rows.entries()) {
    if (i === 0 || row.every((c) => text(c) === '')) continue
    counted++
    await pause()
    const at = (c: SheetColumn) => {
      const k = header.indexOf(c)
      return k < 0 ? undefined : row[k]
    }
    const found: RowProblem[] = []
    const problem = (c: SheetColumn, message: string) =>
      found.push({ row: i + 1, column: headerText(c) || c, value: text(at(c)).slice(0, 200), message })

    const title = text(at('title'))
    if (!title) problem('title', 'errors.required')
    else if (title.length > 300) problem('title', 'projects.import.errors.tooLong')
    const acronym = text(at('acronym'))
    if (acronym.length > 30) problem('acronym', 'projects.import.errors.tooLong')
    const programmeId = measure.get(`${fold(text(at('programme')))} ${fold(text(at('measure')))}`)
    if (!programmeId) problem('measure', 'projects.import.errors.unknownMeasure')
    const startsOn = dayOf(at('startsOn'))
    const endsOn = dayOf(at('endsOn'))
    if (!startsOn) problem('startsOn', 'errors.date')
    if (!endsOn) problem('endsOn', 'errors.date')
    if (startsOn && endsOn && endsOn < startsOn) problem('endsOn', 'projects.errors.endBeforeStart')
    const statusText = text(at('status'))
    let status: ProjectStatus | undefined = statusNames.get(fold(statusText))
    if (!statusText && startsOn && endsOn)
      status = startsOn > today ? 'planned' : endsOn >= today ? 'running' : 'closed'
    if (!status && statusText) problem('status', 'projects.import.errors.unknownStatus')

    const leadName = text(at('lead'))
    const nipText = normaliseDigits(text(at('leadNip')))
    let lead: OrganisationRef | undefined
    if (nipText && !isValidNip(nipText)) problem('leadNip', 'projects.import.errors.nip')
    else {
      const known = (nipText && orgByNip.get(nipText)) || orgByName.get(fold(leadName))
      if (known) lead = { id: known.id }
      else if (leadName) lead = { name: leadName.slice(0, 300), nip: nipText || null }
      else problem('lead', 'errors.required')
    }
    const partners = listOf(at('partners')).map((name): OrganisationRef => {
      const known = orgByName.get(fold(name))
      return known ? { id: known.id } : { name: name.slice(0, 300), nip: null }
    })

    const money = (c: SheetColumn, fallback?: number | null) => {
      const raw = at(c)
      if (text(raw) === '' && fallback !== undefined) return fallback
      const g = groszeOf(raw)
      if (g === null) problem(c, text(raw) === '' ? 'errors.required' : 'errors.money')
      return g
    }
    const total = money('totalValue')
    const eu = money('euContribution')
    const eligible = money('eligibleCosts', total)
    if (total === 0) problem('totalValue', 'projects.errors.valueZero')
    if (total !== null && eu !== null && eu > total) problem('euContribution', 'projects.errors.euAboveValue')
    if (total !== null && eligible !== null && eligible > total)
      problem('eligibleCosts', 'projects.errors.eligibleAboveValue')

    const themes = listOf(at('themes')).map((n) => theme.get(fold(n)))
    if (themes.some((th) => !th)) problem('themes', 'projects.import.errors.unknownTheme')
    const regions = listOf(at('regions')).map((n) => region.get(fold(n)))
    if (regions.some((r) => !r)) problem('regions', 'projects.import.errors.unknownRegion')
    const parts = listOf(at('subregions')).map((n) => subregion.get(fold(n)))
    if (parts.some((s) => !s)) problem('subregions', 'projects.import.errors.unknownSubregion')
    const isPublic = yesNo.get(fold(text(at('isPublic'))))
    if (isPublic === undefined) problem('isPublic', 'projects.import.errors.yesNo')
    const indicators = listOf(at('indicators')).map((s) => {
      const m = indicatorPattern.exec(s)
      return m
        ? {
            name: (m[1] as string).slice(0, 300),
            baseline: Number(m[2]),
            target: Number(m[3]),
            unit: (m[4] as string).slice(0, 60),
          }
        : null
    })
    if (indicators.some((x) => !x)) problem('indicators', 'projects.import.errors.indicator')
    else if (indicators.some((x) => x && x.target < x.baseline))
      problem('indicators', 'projects.errors.targetBelowBaseline')

    if (found.length) {
      problems.push(...found)
      continue
    }
    projects.push({
      title,
      acronym,
      programmeId: programmeId as string,
      status: status as ProjectStatus,
      startsOn: startsOn as Day,
      endsOn: endsOn as Day,
      lead: lead as OrganisationRef,
      partners,
      total: total as number,
      eu: eu as number,
      eligible: eligible as number,
      mainGoal: text(at('mainGoal')).slice(0, 4000),
      themes: [...new Set(themes as string[])],
      regions: [...new Set([...(regions as string[]), ...parts.map((s) => s?.voivodeship ?? '')])]
        .filter(Boolean)
        .sort(),
      subregions: [...new Set(parts.map((s) => s?.nuts3 ?? ''))].filter(Boolean),
      isPublic: isPublic as boolean,
      indicators: indicators as ImportedProject['indicators'],
    })
  }
  return { ok: true, projects, problems, rows: counted }
}

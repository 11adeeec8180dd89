// The portfolio as a spreadsheet: one row per project, in the list's order and filters. The same
// columns are what an import reads (a file exported here imports again), so they are named once.
import type { Cell, TableFormat } from '../../kernel/exports.ts'
import type { T } from '../../kernel/i18n.ts'
import { basisPoints } from '../../kernel/money.ts'
import type { exportDetails } from './list-queries.ts'
import type { ProjectListRow } from './queries.ts'
import { subregionName, voivodeshipName } from './regions.ts'

/** The columns, in order; the importer finds them by these headers in either language. */
export const sheetColumns = [
  'title',
  'acronym',
  'programme',
  'measure',
  'period',
  'status',
  'startsOn',
  'endsOn',
  'lead',
  'leadNip',
  'partners',
  'totalValue',
  'euContribution',
  'eligibleCosts',
  'coFinancing',
  'themes',
  'regions',
  'subregions',
  'mainGoal',
  'indicators',
  'isPublic',
] as const
export type SheetColumn = (typeof sheetColumns)[number]

/** Several names in one cell. */
export const listSeparator = '; '

/**
 * Grosze as a spreadsheet's cell: in CSV the Polish decimal text ("6791950,00", exact, as a Polish
 * spreadsheet reads a number); in XLSX a number of złoty, which a spreadsheet sums.
 */
function moneyCell(grosze: number, format: TableFormat): Cell {
  if (format === 'xlsx') return grosze / 100
  const sign = grosze < 0 ? '-' : ''
  const abs = Math.abs(grosze)
  return `${sign}${(abs - (abs % 100)) / 100},${String(abs % 100).padStart(2, '0')}`
}

type Details = Awaited<ReturnType<typeof exportDetails>>[number]

export function sheetHeaders(t: T): string[] {
  return sheetColumns.map((c) => t(`projects.sheet.${c}`))
}

/** One project as a row of the spreadsheet. */
export function sheetRow(t: T, format: TableFormat, r: ProjectListRow, d: Details | undefined): Cell[] {
  const programme = r.programme_code ?? r.parent_code ?? ''
  const rate = basisPoints(r.eu_contribution_grosze, r.total_value_grosze)
  const cells: Record<SheetColumn, Cell> = {
    title: r.title,
    acronym: r.acronym,
    programme,
    measure: r.measure_code,
    period: r.period,
    status: t(`projects.statuses.${r.status}`),
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    lead: r.lead_name,
    leadNip: d?.lead_nip ?? '',
    partners: (d?.partners ?? []).join(listSeparator),
    totalValue: moneyCell(r.total_value_grosze, format),
    euContribution: moneyCell(r.eu_contribution_grosze, format),
    eligibleCosts: moneyCell(d?.eligible_costs_grosze ?? 0, format),
    coFinancing:
      rate === null
        ? ''
        : format === 'xlsx'
          ? rate / 100
          : `${(rate - (rate % 100)) / 100},${String(rate % 100).padStart(2, '0')}`,
    themes: (d?.themes ?? []).join(listSeparator),
    regions: (d?.regions ?? []).map(voivodeshipName).join(listSeparator),
    subregions: (d?.subregions ?? []).map(subregionName).join(listSeparator),
    mainGoal: d?.main_goal ?? '',
    indicators: (d?.indicators ?? [])
      .map((i) => `${i.name}: ${i.baseline} → ${i.target} ${i.unit}`)
      .join(listSeparator),
    isPublic: t(d?.is_public ? 'projects.sheet.yes' : 'projects.sheet.no'),
  }
  return sheetColumns.map((c) => cells[c])
}

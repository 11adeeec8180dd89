// The TERC register's file as GUS publishes it (TERC_Urzedowy_<date>.csv): one row a unit, with
// the columns WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA. A voivodeship has only WOJ, a powiat WOJ and
// POW, a gmina all three and its kind (RODZ). Every row is checked; a file with any problem is
// refused whole, each problem named by its row.
import type { Day } from '../../../kernel/dates.ts'
import type { ReadCell } from '../import/read.ts'
import { voivodeshipCodes } from '../regions.ts'

export interface TercUnit {
  code: string
  voivodeship: string
  powiat: string | null
  gmina: string | null
  kind: string | null
  name: string
  kind_name: string
  state_on: Day
}

export interface TercProblem {
  row: number
  column: string
  /** A catalogue key under projects.terc.problems. */
  problem: 'format' | 'required' | 'voivodeship' | 'kind' | 'day' | 'twice' | 'parent'
  value: string
}

const columns = ['WOJ', 'POW', 'GMI', 'RODZ', 'NAZWA', 'NAZWA_DOD', 'STAN_NA'] as const
type Column = (typeof columns)[number]

export type TercResult =
  | { ok: true; units: TercUnit[]; problems: TercProblem[]; stateOn: Day | null }
  | { ok: false; missing: Column[] }

const cellText = (c: ReadCell | undefined) =>
  c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c).trim()

/** The units of a TERC file's rows (the first is its header), or what is wrong with each row. */
export function readTerc(rows: ReadCell[][]): TercResult {
  const header = (rows[0] ?? []).map((c) => cellText(c).toUpperCase())
  const at = new Map(columns.map((c) => [c, header.indexOf(c)]))
  const missing = columns.filter((c) => (at.get(c) ?? -1) < 0)
  if (missing.length) return { ok: false, missing }
  const problems: TercProblem[] = []
  const units: TercUnit[] = []
  const seen = new Set<string>()
  const rowOf = new Map<string, number>()
  const known = new Set<string>(voivodeshipCodes)
  let stateOn: Day | null = null
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2
    const get = (c: Column) => cellText(cells[at.get(c) as number])
    if (cells.every((c) => cellText(c) === '')) return
    const bad = (column: Column, problem: TercProblem['problem']) =>
      problems.push({ row, column, problem, value: get(column).slice(0, 100) })
    const [woj, pow, gmi, rodz, name, kindName, state] = columns.map(get)
    let fine = true
    if (!/^\d{2}$/.test(woj) || !known.has(woj))
      fine = !bad('WOJ', /^\d{2}$/.test(woj) ? 'voivodeship' : 'format')
    if (pow !== '' && !/^\d{2}$/.test(pow)) fine = !bad('POW', 'format')
    if (gmi !== '' && (!/^\d{2}$/.test(gmi) || pow === '')) fine = !bad('GMI', 'format')
    if (gmi !== '' ? !/^[1-9]$/.test(rodz) : rodz !== '') fine = !bad('RODZ', 'kind')
    if (name === '') fine = !bad('NAZWA', 'required')
    if (kindName === '') fine = !bad('NAZWA_DOD', 'required')
    if (!/^\d{4}-\d{2}-\d{2}$/.test(state) || Number.isNaN(Date.parse(state))) fine = !bad('STAN_NA', 'day')
    if (!fine) return
    const code = `${woj}${pow}${gmi}${gmi ? rodz : ''}`
    if (seen.has(code)) {
      bad('NAZWA', 'twice')
      return
    }
    seen.add(code)
    rowOf.set(code, row)
    if (stateOn === null || state > stateOn) stateOn = state
    units.push({
      code,
      voivodeship: woj,
      powiat: pow || null,
      gmina: gmi || null,
      kind: gmi ? rodz : null,
      name,
      kind_name: kindName,
      state_on: state,
    })
  })
  // A powiat's voivodeship and a gmina's powiat are in the file too.
  for (const u of units) {
    const parent = u.gmina ? `${u.voivodeship}${u.powiat}` : u.powiat ? u.voivodeship : null
    if (parent && !seen.has(parent))
      problems.push({
        row: rowOf.get(u.code) ?? 0,
        column: u.gmina ? 'POW' : 'WOJ',
        problem: 'parent',
        value: u.code,
      })
  }
  return { ok: true, units, problems, stateOn }
}

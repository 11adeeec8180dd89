// An analysis kept as a network's material: a small XLSX workbook (a summary sheet and one sheet a
// breakdown), built in memory (some fifty rows) and stored through materials.
import ExcelJS from 'exceljs'
import type { T } from '../../kernel/i18n.ts'
import type { Figures, Named } from './analysis.ts'

const zloty = (grosze: number) => grosze / 100
const percent = (bp: number | null) => (bp === null ? null : bp / 10_000)

export async function analysisWorkbook(
  t: T,
  p: {
    title: string
    conditions: string
    total: Figures
    breakdowns: { sheet: string; first: string; rows: Named[] }[]
  },
): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.creator = 'Siatka'
  const headers = [
    t('projects.analysis.projects'),
    t('projects.sheet.totalValue'),
    t('projects.sheet.euContribution'),
    t('projects.analysis.achievement'),
  ]
  const summary = book.addWorksheet(t('projects.analysis.sheetSummary').slice(0, 31))
  summary.addRow([p.title]).font = { bold: true, size: 14 }
  summary.addRow([p.conditions])
  summary.addRow([])
  summary.addRow(headers).font = { bold: true }
  summary.addRow([p.total.projects, zloty(p.total.value), zloty(p.total.eu), percent(p.total.achievementBp)])
  summary.columns = headers.map(() => ({ width: 26 }))
  for (const b of p.breakdowns) {
    const sheet = book.addWorksheet(b.sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.addRow([b.first, ...headers]).font = { bold: true }
    for (const r of b.rows)
      sheet.addRow([r.name, r.projects, zloty(r.value), zloty(r.eu), percent(r.achievementBp)])
    sheet.columns = [{ width: 34 }, ...headers.map(() => ({ width: 22 }))]
    sheet.getColumn(3).numFmt = '#,##0.00'
    sheet.getColumn(4).numFmt = '#,##0.00'
    sheet.getColumn(5).numFmt = '0.00%'
  }
  summary.getColumn(2).numFmt = '#,##0.00'
  summary.getColumn(3).numFmt = '#,##0.00'
  summary.getColumn(4).numFmt = '0.00%'
  return Buffer.from(await book.xlsx.writeBuffer())
}

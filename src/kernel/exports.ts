// Tables for spreadsheets: CSV as Polish spreadsheets open it (UTF-8 with a BOM, semicolons) and
// XLSX through exceljs. Every module's exports go through here.
import ExcelJS from 'exceljs'

export type Cell = string | number | null

const bom = '\uFEFF'

function csvCell(v: Cell): string {
  if (v === null) return ''
  const s = String(v)
  // A leading =, +, - or @ would run as a formula in a spreadsheet (CSV injection): keep it text.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
  return /[";\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

export function toCsv(headers: string[], rows: Cell[][]): string {
  return `${bom + [headers, ...rows].map((r) => r.map(csvCell).join(';')).join('\r\n')}\r\n`
}

export async function toXlsx(sheetName: string, headers: string[], rows: Cell[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.creator = 'Siatka'
  const sheet = book.addWorksheet(sheetName.slice(0, 31))
  sheet.addRow(headers).font = { bold: true }
  for (const r of rows) sheet.addRow(r)
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  sheet.columns.forEach((c) => {
    c.width = 28
  })
  return Buffer.from(await book.xlsx.writeBuffer())
}

export const contentTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const

/** An attachment's Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function attachment(filename: string): string {
  const ascii = filename
    .replaceAll('ł', 'l')
    .replaceAll('Ł', 'L')
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`
}

// Tables for spreadsheets: CSV as Polish spreadsheets open it (UTF-8 with a BOM, semicolons) and
// XLSX through exceljs's streaming writer. Every module's exports go through here, written a page
// of rows at a time as the module reads them from the database. Built at once, 20,000 rows of the
// register held the event loop for 0.3–0.5 s as CSV and 2 s as XLSX (11 s on the machine of issue
// 16); written so, its longest wait is under 100 ms (decisions/register-export.test.ts).
import { PassThrough, Readable } from 'node:stream'
import { setImmediate as nextTurn } from 'node:timers/promises'
import ExcelJS from 'exceljs'
import type { FastifyReply } from 'fastify'

export type Cell = string | number | null

/** A spreadsheet to send: its header row, and its rows a page at a time (a few hundred each). */
export interface TableExport {
  /** The download's name, with its extension. */
  fileName: string
  /** The XLSX sheet's name (at most 31 characters are kept). */
  sheetName: string
  headers: string[]
  pages: AsyncIterable<Cell[][]>
}

export type TableFormat = 'csv' | 'xlsx'

const bom = '\uFEFF'

function csvCell(v: Cell): string {
  if (v === null) return ''
  const s = String(v)
  // A leading =, +, - or @ would run as a formula in a spreadsheet (CSV injection): keep it text.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
  return /[";\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

const csvLine = (row: Cell[]) => `${row.map(csvCell).join(';')}\r\n`

/**
 * Sends the table as a download in the format asked for, streamed: each page is written as it comes
 * and the event loop gets a turn between pages. A failure half-way ends the connection, so a cut
 * file never looks complete.
 */
export function sendTable(reply: FastifyReply, format: TableFormat, table: TableExport): FastifyReply {
  return reply
    .header('content-disposition', attachment(table.fileName))
    .type(contentTypes[format])
    .send(format === 'csv' ? csvStream(table.headers, table.pages) : xlsxStream(table))
}

/**
 * For work that runs long without waiting on anything (writing a spreadsheet's rows, laying out a
 * PDF): `pause()` between steps gives the event loop a turn once `sliceMs` have passed since the
 * last, so other requests wait at most about that long.
 */
export function timeSlices(sliceMs = 10): () => Promise<void> {
  let since = performance.now()
  return async () => {
    if (performance.now() - since < sliceMs) return
    await nextTurn()
    since = performance.now()
  }
}

/** One page's rows, for tables that are never long (a study visit's participants). */
export async function* onePage(rows: Cell[][]): AsyncIterable<Cell[][]> {
  yield rows
}

export function csvStream(headers: string[], pages: AsyncIterable<Cell[][]>): Readable {
  return Readable.from(
    (async function* () {
      yield Buffer.from(bom + csvLine(headers))
      for await (const rows of pages) {
        yield Buffer.from(rows.map(csvLine).join(''))
        await nextTurn()
      }
    })(),
    { objectMode: false },
  )
}

export function xlsxStream(table: Omit<TableExport, 'fileName'>): Readable {
  const out = new PassThrough()
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  })
  book.creator = 'Siatka'
  const sheet = book.addWorksheet(table.sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = table.headers.map(() => ({ width: 28 }))
  const write = async () => {
    const pause = timeSlices()
    const header = sheet.addRow(table.headers)
    header.font = { bold: true }
    header.commit()
    for await (const rows of table.pages) {
      // The person went away: stop reading pages.
      if (out.destroyed) return
      // exceljs writes a row's XML as it is committed: about 0.1 ms a row of the register.
      for (const r of rows) {
        sheet.addRow(r).commit()
        await pause()
      }
      await drained(out)
      await nextTurn()
    }
    sheet.commit()
    await book.commit()
  }
  write().catch((err) => out.destroy(err))
  return out
}

/** Until a stream the download reads from has room again (or is gone). */
async function drained(stream: PassThrough) {
  if (!stream.writableNeedDrain || stream.destroyed) return
  await new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done)
      stream.off('close', done)
      resolve()
    }
    stream.on('drain', done)
    stream.on('close', done)
  })
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

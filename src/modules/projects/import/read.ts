// Reading a spreadsheet people keep their projects in: a CSV (UTF-8 with or without a BOM, or
// Windows-1250 as older Polish Excel saves it; semicolons, commas or tabs) or the first sheet of an
// XLSX. Both are read a record at a time, the event loop getting a turn every few milliseconds, so
// a file of ten thousand rows holds no other request up.
import { readFile } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { parse } from 'csv-parse'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { timeSlices } from '../../../kernel/exports.ts'

/** A cell as read: text, a number, a day (an XLSX date cell), or nothing. */
export type ReadCell = string | number | Date | null

/** What a file held, or why it could not be read (a catalogue key). */
export type ReadResult = { ok: true; rows: ReadCell[][] } | { ok: false; error: ReadError }
export type ReadError = 'unreadable' | 'empty' | 'tooManyRows'

/** The most rows an import takes, its header aside. */
export const maxImportRows = 10_000

/** The columns read of a row (the list's spreadsheet has twenty). */
const maxColumns = 60

/** The text of a CSV: UTF-8 when it says so (a BOM) or decodes as such, else Windows-1250. */
export function decodeCsv(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8')
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return iconv.decode(bytes, 'win1250')
  }
}

/** The separator a CSV's first line uses most: a semicolon (Polish Excel), a comma or a tab. */
export function csvSeparator(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/))
  const count = (c: string) => first.split(c).length - 1
  return [';', ',', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best), ';')
}

async function readCsv(path: string): Promise<ReadResult> {
  const text = decodeCsv(await readFile(path))
  const rows: ReadCell[][] = []
  const pause = timeSlices()
  // In slices, so the parser hands records over a few at a time instead of the whole file at once.
  const slices = Array.from({ length: Math.ceil(text.length / 16_384) }, (_, i) =>
    text.slice(i * 16_384, (i + 1) * 16_384),
  )
  const parser = Readable.from(slices).pipe(
    parse({
      delimiter: csvSeparator(text),
      relax_column_count: true,
      relax_quotes: true,
    }),
  )
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rows.push(record.slice(0, maxColumns))
      if (rows.length > maxImportRows + 1) return { ok: false, error: 'tooManyRows' }
      await pause()
    }
  } catch {
    return { ok: false, error: 'unreadable' }
  }
  // Blank lines stay rows, so a problem's row number is the one a spreadsheet shows.
  return rows.some((r) => r.some((c) => c !== null && c !== ''))
    ? { ok: true, rows }
    : { ok: false, error: 'empty' }
}

/** An XLSX cell's value as plain data: rich text joined, a formula's result, a link's text. */
function cellValue(v: ExcelJS.CellValue): ReadCell {
  if (v === null || v === undefined) return null
  if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) return v
  if (typeof v === 'boolean') return v ? 'tak' : 'nie'
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('')
    if ('result' in v) return cellValue((v.result ?? null) as ExcelJS.CellValue)
    if ('text' in v) return String(v.text)
  }
  return null
}

async function readXlsx(path: string): Promise<ReadResult> {
  const rows: ReadCell[][] = []
  const pause = timeSlices()
  try {
    const book = new ExcelJS.stream.xlsx.WorkbookReader(path, {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'emit',
    })
    for await (const sheet of book) {
      // Only the first sheet; merged cells keep their value in the first of them, the rest are empty.
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        // A row numbered past the limit (the file says where each row is) is refused before any padding.
        if (row.number > maxImportRows + 1) return { ok: false, error: 'tooManyRows' }
        // The columns an import reads are a few dozen: a cell far to the right is not one of them.
        const values = (row.values as ExcelJS.CellValue[]).slice(1, maxColumns + 1).map(cellValue)
        // A row's number says where it is: empty rows in between stay empty.
        while (rows.length < row.number - 1) rows.push([])
        rows.push(values)
        if (rows.length > maxImportRows + 1) return { ok: false, error: 'tooManyRows' }
        await pause()
      }
      break
    }
  } catch {
    return { ok: false, error: 'unreadable' }
  }
  return rows.some((r) => r.some((c) => c !== null && c !== ''))
    ? { ok: true, rows }
    : { ok: false, error: 'empty' }
}

/** The rows of an uploaded file, by its checked kind. */
export function readSheet(path: string, kind: 'csv' | 'xlsx'): Promise<ReadResult> {
  return kind === 'csv' ? readCsv(path) : readXlsx(path)
}

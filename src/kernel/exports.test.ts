import assert from 'node:assert/strict'
import { buffer } from 'node:stream/consumers'
import { test } from 'node:test'
import ExcelJS from 'exceljs'
import { attachment, type Cell, csvStream, onePage, xlsxStream } from './exports.ts'

async function* pages(...list: Cell[][][]): AsyncIterable<Cell[][]> {
  for (const rows of list) yield rows
}

const csv = async (headers: string[], ...list: Cell[][][]) =>
  (await buffer(csvStream(headers, pages(...list)))).toString('utf8')

test('CSV opens in a Polish spreadsheet: BOM, semicolons, quotes where needed', async () => {
  const text = await csv(
    ['Imię', 'Organizacja'],
    [
      ['Zażółć', 'Fundacja "Razem"; Gdańsk'],
      ['Jan', null],
    ],
  )
  assert.ok(text.startsWith('\uFEFFImię;Organizacja\r\n'))
  assert.match(text, /Zażółć;"Fundacja ""Razem""; Gdańsk"\r\n/)
  assert.match(text, /Jan;\r\n$/)
})

test('a cell that would run as a formula stays text', async () => {
  assert.match(await csv(['a'], [['=HYPERLINK("x")'], ['-5+3']]), /"'=HYPERLINK\(""x""\)"/)
  assert.match(await csv(['a'], [['+48 22 123']]), /'\+48 22 123/)
})

test('CSV pages follow one another, and an empty page or none at all still gives the header', async () => {
  assert.equal(await csv(['a', 'b'], [['1', 2]], [], [['3', 4]]), '\uFEFFa;b\r\n1;2\r\n3;4\r\n')
  assert.equal(await csv(['a']), '\uFEFFa\r\n')
})

test('XLSX reads back with its header row, values from every page and a frozen header', async () => {
  const bytes = await buffer(
    xlsxStream({
      sheetName: 'Katalog członków',
      headers: ['Imię', 'Liczba'],
      pages: pages([['Zażółć', 3]], [['=1+1', null]]),
    }),
  )
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes as unknown as ArrayBuffer)
  const sheet = book.worksheets[0]
  assert.equal(sheet.name, 'Katalog członków')
  assert.equal(sheet.getRow(1).getCell(1).value, 'Imię')
  assert.equal(sheet.getRow(1).font?.bold, true)
  assert.equal(sheet.getRow(2).getCell(1).value, 'Zażółć')
  assert.equal(sheet.getRow(2).getCell(2).value, 3)
  // Text, not a formula.
  assert.equal(sheet.getRow(3).getCell(1).value, '=1+1')
  assert.equal(sheet.rowCount, 3)
  assert.equal(sheet.views[0]?.state, 'frozen')
})

test('a failure while reading the rows breaks the download instead of ending it as if whole', async () => {
  async function* failing(): AsyncIterable<Cell[][]> {
    yield [['1']]
    throw new Error('the database went away')
  }
  await assert.rejects(buffer(csvStream(['a'], failing())), /the database went away/)
  await assert.rejects(buffer(xlsxStream({ sheetName: 'x', headers: ['a'], pages: failing() })), /went away/)
})

test('one page of rows for a short table', async () => {
  assert.equal((await buffer(csvStream(['a'], onePage([['x']])))).toString('utf8'), '\uFEFFa\r\nx\r\n')
})

test('a Polish file name survives in Content-Disposition', () => {
  assert.equal(
    attachment('członkowie.csv'),
    `attachment; filename="czlonkowie.csv"; filename*=UTF-8''cz%C5%82onkowie.csv`,
  )
})

import assert from 'node:assert/strict'
import { test } from 'node:test'
import ExcelJS from 'exceljs'
import { attachment, toCsv, toXlsx } from './exports.ts'

test('CSV opens in a Polish spreadsheet: BOM, semicolons, quotes where needed', () => {
  const csv = toCsv(
    ['Imię', 'Organizacja'],
    [
      ['Zażółć', 'Fundacja "Razem"; Gdańsk'],
      ['Jan', null],
    ],
  )
  assert.ok(csv.startsWith('\uFEFFImię;Organizacja\r\n'))
  assert.match(csv, /Zażółć;"Fundacja ""Razem""; Gdańsk"\r\n/)
  assert.match(csv, /Jan;\r\n$/)
})

test('a cell that would run as a formula stays text', () => {
  assert.match(toCsv(['a'], [['=HYPERLINK("x")'], ['-5+3']]), /'=HYPERLINK\(""x""\)"|"'=HYPERLINK\(""x""\)"/)
  assert.match(toCsv(['a'], [['+48 22 123']]), /'\+48 22 123/)
})

test('XLSX reads back with its header row and values', async () => {
  const buffer = await toXlsx('Katalog członków', ['Imię', 'Liczba'], [['Zażółć', 3]])
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(buffer as unknown as ArrayBuffer)
  const sheet = book.worksheets[0]
  assert.equal(sheet.name, 'Katalog członków')
  assert.equal(sheet.getRow(1).getCell(1).value, 'Imię')
  assert.equal(sheet.getRow(2).getCell(1).value, 'Zażółć')
  assert.equal(sheet.getRow(2).getCell(2).value, 3)
})

test('a Polish file name survives in Content-Disposition', () => {
  assert.equal(
    attachment('członkowie.csv'),
    `attachment; filename="czlonkowie.csv"; filename*=UTF-8''cz%C5%82onkowie.csv`,
  )
})

// The thematic analysis: its figures are the portfolio's (checked against plain SQL written here),
// a voivodeship without projects is named as a gap and drawn as one, every signed-in person reads
// it, and the secretariat keeps it as a network's material (an XLSX workbook members can open).
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import ExcelJS from 'exceljs'
import { sql } from 'kysely'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { Client, signedIn } from '../../../test/support/client.ts'
import { plain } from '../../../test/support/html.ts'
import { legendSteps, shadeOf } from './views/charts.tsx'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db

test('a count’s shade grows with its share of the largest; none is a gap of its own', () => {
  assert.equal(shadeOf(0, 11), 0)
  assert.equal(shadeOf(1, 11), 1)
  assert.equal(shadeOf(3, 11), 2)
  assert.equal(shadeOf(6, 11), 3)
  assert.equal(shadeOf(11, 11), 4)
  assert.equal(shadeOf(0, 0), 0)
})

test('the legend names the counts of each shade a count can take', () => {
  assert.deepEqual(legendSteps(11), [
    { k: 1, text: '1–2' },
    { k: 2, text: '3–5' },
    { k: 3, text: '6–8' },
    { k: 4, text: '9–11' },
  ])
  assert.deepEqual(legendSteps(1), [{ k: 4, text: '1' }])
  // Every count falls in the step of its own shade.
  for (const largest of [1, 2, 3, 7, 11, 40])
    for (let n = 1; n <= largest; n++) {
      const step = legendSteps(largest).find((s) => s.k === shadeOf(n, largest))
      assert.ok(step, `${n} of ${largest}`)
      const [from, to = from] = step.text.split('–').map(Number)
      assert.ok((from as number) <= n && n <= (to as number), `${n} of ${largest} in ${step.text}`)
    }
})

test('the analysis counts and sums the portfolio by voivodeship, theme and measure; a member reads it', async () => {
  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  const page = await member.get('/projects/analysis')
  assert.equal(page.statusCode, 200)
  const html = plain(page.body)
  const total = (
    await sql<{
      n: number
      v: string
    }>`select count(*)::int as n, sum(total_value_grosze)::text as v from projects where is_public`.execute(
      db(),
    )
  ).rows[0]
  assert.ok(total)
  assert.match(html, new RegExp(`Projekty</dt><dd class="govuk-summary-list__value">${total.n}<`))
  const zl = (grosze: string) =>
    `${(BigInt(grosze) / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${(BigInt(grosze) % 100n).toString().padStart(2, '0')} zł`
  assert.match(html, new RegExp(`Wartość</dt><dd class="govuk-summary-list__value">${zl(total.v)}<`))
  // Śląskie's row: its projects and their value.
  const silesia = (
    await sql<{ n: number; v: string }>`select count(*)::int as n, sum(p.total_value_grosze)::text as v
      from projects p join project_regions r on r.project_id = p.id where r.voivodeship = '24' and p.is_public`.execute(
      db(),
    )
  ).rows[0]
  assert.ok(silesia)
  assert.match(
    html,
    new RegExp(
      `>śląskie</th><td class="govuk-table__cell govuk-table__cell--numeric">${silesia.n}</td><td class="govuk-table__cell govuk-table__cell--numeric">${zl(silesia.v)}<`,
    ),
  )
  // The map is an image that says what it shows, with every voivodeship's square.
  assert.match(
    html,
    /<svg class="siatka-map" viewBox="[^"]+" role="img" aria-label="Mapa kafelkowa 16 województw/,
  )
  assert.equal([...html.matchAll(/class="siatka-map__tile /g)].length, 16)
  // An unpublished project counts for the secretariat, not for a member.
  const sires = (
    await db().selectFrom('projects').select('id').where('acronym', '=', 'SIRES').executeTakeFirstOrThrow()
  ).id
  await db().updateTable('projects').set({ is_public: false }).where('id', '=', sires).execute()
  const count = (html: string) =>
    Number(/Projekty<\/dt><dd class="govuk-summary-list__value">(\d+)</.exec(html)?.[1])
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  assert.equal(count((await member.get('/projects/analysis')).body), total.n - 1)
  assert.equal(count((await coordinator.get('/projects/analysis')).body), total.n)
  await db().updateTable('projects').set({ is_public: true }).where('id', '=', sires).execute()
  // Anonymous visitors sign in first.
  assert.equal((await new Client(h.app).get('/projects/analysis')).statusCode, 303)
})

test('a theme with projects in a few voivodeships shows the others as gaps, in words and on the map', async () => {
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const theme = (
    await db()
      .selectFrom('project_themes')
      .select('id')
      .where('code', '=', 'skills')
      .executeTakeFirstOrThrow()
  ).id
  const covered = (
    await sql<{ v: string }>`select distinct r.voivodeship as v from project_regions r
      join project_theme_links l on l.project_id = r.project_id where l.theme_id = ${theme}::uuid`.execute(
      db(),
    )
  ).rows.map((r) => r.v)
  assert.ok(covered.length > 0 && covered.length < 16, 'some voivodeships are covered, some not')
  const html = plain((await coordinator.get(`/projects/analysis?theme=${theme}`)).body)
  const gaps = /<strong>Bez żadnego projektu: ([^<]+)\.<\/strong>/.exec(html)?.[1]?.split(', ') ?? []
  assert.equal(gaps.length, 16 - covered.length)
  assert.equal([...html.matchAll(/siatka-map__tile--k0/g)].length, 16 - covered.length)
})

test('the secretariat keeps an analysis as a network’s XLSX material; others may not', async () => {
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const space = await db()
    .selectFrom('spaces')
    .select(['id', 'name_pl'])
    .where('type', '=', 'thematic_network')
    .executeTakeFirstOrThrow()
  await coordinator.get('/projects/analysis')
  const refused = await coordinator.post('/projects/analysis/materials', { spaceId: '' })
  assert.equal(refused.statusCode, 422)
  assert.match(refused.body, /id="field-save-spaceId-error"/)
  const kept = await coordinator.post('/projects/analysis/materials?status=settled', { spaceId: space.id })
  assert.equal(kept.statusCode, 303)
  const material = await db()
    .selectFrom('materials as m')
    .innerJoin('material_files as f', 'f.material_id', 'm.id')
    .select(['m.title', 'm.meeting_id', 'f.file_hash', 'f.kind'])
    .where('m.space_id', '=', space.id)
    .where('m.title', 'like', 'Analiza tematyczna projektów%')
    .executeTakeFirstOrThrow()
  assert.equal(material.meeting_id, null)
  assert.equal(material.kind, 'xlsx')
  const bytes = await readFile(join(h.app.storage.dir, material.file_hash.slice(0, 2), material.file_hash))
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes as unknown as ArrayBuffer)
  assert.deepEqual(
    book.worksheets.map((w) => w.name),
    ['Podsumowanie', 'Województwa', 'Tematy', 'Programy i działania'],
  )
  assert.match(String(book.worksheets[0]?.getRow(2).getCell(1).value), /Warunki: Rozliczony/)
  const settled = (
    await sql<{ n: number }>`select count(*)::int as n from projects where status = 'settled'`.execute(db())
  ).rows[0]?.n
  assert.equal(book.worksheets[0]?.getRow(5).getCell(1).value, settled)
  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  assert.equal((await member.post('/projects/analysis/materials', { spaceId: space.id })).statusCode, 403)
})

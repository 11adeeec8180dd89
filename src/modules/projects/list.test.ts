// The portfolio's list: its filters narrow it as their names say, its orders hold across keyset
// pages, and its spreadsheets carry the same rows, with money exact. Expected sets come from plain
// SQL written here, not from the list's own query.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import ExcelJS from 'exceljs'
import { sql } from 'kysely'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { type Client, signedIn } from '../../../test/support/client.ts'

let h: TestApp
let coordinator: Client
before(async () => {
  h = await startTestApp()
  coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
})
after(() => h.close())

const db = () => h.database.db

/** Every project id the list shows for `query`, following its "next" links to the end. */
async function walk(query: string): Promise<string[]> {
  const seen: string[] = []
  let url: string | null = `/projects?${query}`
  while (url) {
    const html = (await coordinator.get(url)).body
    seen.push(
      ...[...html.matchAll(/<a class="govuk-link" href="\/projects\/([0-9a-f-]{36})"/g)].map(
        (m) => m[1] as string,
      ),
    )
    const next = /href="(\/projects\?[^"]*after=[^"]+)" rel="next"/.exec(html)
    url = next ? (next[1] as string).replace(/&amp;/g, '&') : null
  }
  return seen
}

const ids = async (where: ReturnType<typeof sql<boolean>>) =>
  (await sql<{ id: string }>`select p.id from projects p where ${where}`.execute(db())).rows
    .map((r) => r.id)
    .sort()

test('each filter narrows the list to the projects it names, across every page', async () => {
  const silesia = await walk('region=24')
  assert.deepEqual(
    [...silesia].sort(),
    await ids(
      sql`exists (select 1 from project_regions r where r.project_id = p.id and r.voivodeship = '24')`,
    ),
  )
  assert.ok(silesia.length > 9, 'Śląskie has the most projects')
  const theme = (
    await db()
      .selectFrom('project_themes')
      .select('id')
      .where('code', '=', 'social-economy')
      .executeTakeFirstOrThrow()
  ).id
  const power = (
    await db()
      .selectFrom('project_programmes')
      .select('id')
      .where('code', '=', 'POWER')
      .executeTakeFirstOrThrow()
  ).id
  const running = await walk(`theme=${theme}&programme=${power}&status=settled`)
  assert.deepEqual(
    [...running].sort(),
    await ids(sql`p.status = 'settled'
      and exists (select 1 from project_theme_links l where l.project_id = p.id and l.theme_id = ${theme}::uuid)
      and p.programme_id in (select m.id from project_programmes m join project_programmes pr on pr.id = m.parent_id
        left join project_programmes pg on pg.id = pr.parent_id where coalesce(pg.id, pr.id) = ${power}::uuid)`),
  )
  const fir = (
    await db()
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', 'Fundacja Idea Rozwoju')
      .executeTakeFirstOrThrow()
  ).id
  assert.deepEqual(
    (await walk(`partner=${fir}`)).sort(),
    await ids(sql`p.lead_organisation_id = ${fir}::uuid
      or exists (select 1 from project_partners pa where pa.project_id = p.id and pa.organisation_id = ${fir}::uuid)`),
  )
  assert.deepEqual(
    (await walk('period=2004-2006')).sort(),
    await ids(sql`p.programme_id in (select id from project_programmes where period = '2004-2006')`),
  )
  // Words find titles with or without Polish letters; nothing found says so.
  assert.ok((await walk('q=osrodek+wsparcia')).length > 0)
  assert.match((await coordinator.get('/projects?q=zzzyxw')).body, /Żaden projekt nie spełnia tych warunków/)
})

test('each order holds across keyset pages, every project once', async () => {
  const total = Number(
    (await sql<{ n: string }>`select count(*) as n from projects`.execute(db())).rows[0]?.n,
  )
  for (const [sort, dir, column] of [
    ['title', 'asc', 'title'],
    ['value', 'desc', 'total_value_grosze'],
    ['start', 'asc', 'starts_on'],
  ] as const) {
    const seen = await walk(`sort=${sort}&dir=${dir}`)
    assert.equal(seen.length, total, `${sort}: every project`)
    assert.equal(new Set(seen).size, total, `${sort}: none twice`)
    const expected = (
      await sql<{
        id: string
      }>`select id from projects order by ${sql.ref(column)} ${sql.raw(dir)}, id ${sql.raw(dir)}`.execute(
        db(),
      )
    ).rows.map((r) => r.id)
    assert.deepEqual(seen, expected, `${sort} ${dir}`)
  }
})

test('the list downloads as CSV and XLSX with its filters, the money exact', async () => {
  const csv = await coordinator.get('/projects?format=csv&q=SIRES')
  assert.equal(csv.statusCode, 200)
  assert.match(String(csv.headers['content-type']), /text\/csv/)
  assert.ok(csv.body.startsWith('\uFEFFTytuł;Akronim;Program;Działanie;'), 'a BOM and Polish headers')
  const lines = csv.body.trim().split('\r\n')
  assert.equal(lines.length, 2, 'the header and SIRES')
  assert.match(
    lines[1] as string,
    /^Spójna integracja regionalna ekonomii społecznej;SIRES;POWER;2\.9;2014-2020;Rozliczony;2017-03-01;2020-02-29;Ogólnopolski Związek Rewizyjny Spółdzielni Socjalnych;\d{10};"Fundacja Idea Rozwoju; Stowarzyszenie Trenerów Organizacji Pozarządowych";6791950,00;5724255,46;6791950,00;84,28;/,
  )

  const xlsx = await coordinator.get('/projects?format=xlsx&region=24')
  assert.equal(xlsx.statusCode, 200)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
  const sheet = book.worksheets[0]
  assert.ok(sheet)
  assert.equal(sheet.getRow(1).getCell(12).value, 'Wartość (zł)')
  assert.equal(sheet.rowCount - 1, (await walk('region=24')).length)
  sheet.eachRow((row, n) => {
    if (n === 1) return
    assert.equal(typeof row.getCell(12).value, 'number', 'a value a spreadsheet sums')
    assert.match(String(row.getCell(17).value), /śląskie/)
  })
  // Project staff download only their own projects.
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  const own = (await staff.get('/projects?format=csv')).body.trim().split('\r\n')
  assert.equal(own.length, 1 + 3, 'the header and SIRES, PSWPS and RAZEM')
})

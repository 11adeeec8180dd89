// Importing projects from spreadsheets as a secretariat keeps them: a preview with each problem by
// row and column and nothing saved; a corrected file saved once on confirmation, with the
// organisations it names; a file exported from the list imports again; an XLSX with merged cells
// or an empty sheet, and ten thousand rows read without holding up other requests.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { sql } from 'kysely'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { type Client, signedIn } from '../../../../test/support/client.ts'
import { probeEventLoop } from '../../../../test/support/event-loop.ts'
import { plain } from '../../../../test/support/html.ts'

let h: TestApp
let coordinator: Client
before(async () => {
  h = await startTestApp()
  coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  await coordinator.get('/projects/import')
})
after(() => h.close())

const db = () => h.database.db
const count = async () =>
  Number((await sql<{ n: string }>`select count(*) as n from projects`.execute(db())).rows[0]?.n)

/** Uploads a file and follows the redirect to its preview. */
async function upload(name: string, bytes: Buffer) {
  const res = await coordinator.upload('/projects/import', {}, { file: { name, bytes } })
  if (res.statusCode !== 303) return { res, preview: null, id: null }
  const url = String(res.headers.location)
  return { res, preview: await coordinator.get(url), id: url.split('/').at(-1) as string }
}

const header =
  'Tytuł;Akronim;Program;Działanie;Początek;Koniec;Lider;NIP lidera;Partnerzy;Wartość (zł);Wkład Funduszy Europejskich (zł);Tematy;Województwa;Wskaźniki (nazwa: bazowa -> docelowa jednostka);Opublikowany'
const row = (over: Partial<Record<string, string>> = {}) => {
  const v = {
    title: 'Łódzkie partnerstwo na rzecz zatrudnienia',
    acronym: 'ŁPZ',
    programme: 'POWER',
    measure: '2.9',
    start: '01.02.2024',
    end: '31.12.2026',
    lead: 'Fundacja Źródło Łódź',
    nip: '7251234561',
    partners: 'Fundacja Idea Rozwoju',
    value: '1 200 000,00',
    eu: '1 011 360,00',
    themes: 'Rynek pracy',
    regions: 'łódzkie',
    // Windows-1250 has no arrow: the export's "→" is typed "->".
    indicators: 'Liczba osób objętych wsparciem: 0 -> 120 osoby',
    public: 'tak',
    ...over,
  }
  return Object.values(v).join(';')
}

test('a Windows-1250 CSV with mistakes shows each by row and column, saves nothing; corrected, it is saved once', async () => {
  const before = await count()
  const bad = [
    header,
    row(),
    row({ title: 'Drugi projekt', end: '31.12.2023', nip: '7251234562', eu: '2 000 000,00', measure: '9.9' }),
  ].join('\r\n')
  const first = await upload('projekty.csv', iconv.encode(bad, 'win1250'))
  assert.equal(first.res.statusCode, 303)
  assert.ok(first.preview)
  const html = plain(first.preview.body)
  assert.match(html, /Wiersze z projektami: 2\. Problemy: 4\./)
  for (const [column, value, message] of [
    ['Działanie', '9.9', 'Nie ma takiego programu i działania w Siatce'],
    ['Koniec', '31.12.2023', 'Koniec realizacji nie może być wcześniej niż jej początek'],
    ['NIP lidera', '7251234562', 'NIP ma błędną cyfrę kontrolną'],
    [
      'Wkład Funduszy Europejskich (zł)',
      '2 000 000,00',
      'Wkład Funduszy Europejskich nie może być większy niż wartość projektu',
    ],
  ])
    assert.match(
      html,
      new RegExp(
        `>3</td><td class="govuk-table__cell">${column.replace(/[()]/g, '\\$&')}</td><td class="govuk-table__cell">${value}</td><td class="govuk-table__cell">${message}<`,
      ),
    )
  assert.doesNotMatch(html, /\/confirm"/, 'nothing to confirm while the file has problems')
  // Polish letters survived Windows-1250.
  assert.doesNotMatch(html, /�/)
  assert.equal(await count(), before)
  assert.equal((await coordinator.post(`/projects/import/${first.id}/confirm`, {})).statusCode, 422)
  assert.equal(await count(), before)

  const good = [
    header,
    row(),
    row({ title: 'Drugi projekt', acronym: 'DP', nip: '', lead: 'Fundacja Idea Rozwoju', partners: '' }),
  ].join('\r\n')
  const second = await upload('projekty.csv', iconv.encode(good, 'win1250'))
  assert.ok(second.preview)
  const preview = plain(second.preview.body)
  assert.match(preview, /Wiersze z projektami: 2\. Problemy: 0\./)
  assert.match(
    preview,
    /Organizacje, które zostaną dodane do Siatki \(liczba: 1\)[\s\S]*Fundacja Źródło Łódź/,
  )
  const saved = await coordinator.post(`/projects/import/${second.id}/confirm`, {})
  assert.equal(saved.statusCode, 303)
  assert.equal(await count(), before + 2)
  const project = await db()
    .selectFrom('projects as p')
    .innerJoin('organisations as o', 'o.id', 'p.lead_organisation_id')
    .select([
      'p.id',
      'p.total_value_grosze',
      'p.eu_contribution_grosze',
      'p.starts_on',
      'p.status',
      'o.name',
      'o.nip',
    ])
    .where('p.acronym', '=', 'ŁPZ')
    .executeTakeFirstOrThrow()
  assert.deepEqual(
    { ...project, id: undefined },
    {
      id: undefined,
      total_value_grosze: 120_000_000,
      eu_contribution_grosze: 101_136_000,
      starts_on: '2024-02-01',
      status: 'running',
      name: 'Fundacja Źródło Łódź',
      nip: '7251234561',
    },
  )
  const indicator = await db()
    .selectFrom('project_indicators')
    .selectAll()
    .where('project_id', '=', project.id)
    .executeTakeFirstOrThrow()
  assert.equal(indicator.target, 120)
  assert.deepEqual(
    (
      await db()
        .selectFrom('project_regions')
        .select('voivodeship')
        .where('project_id', '=', project.id)
        .execute()
    ).map((r) => r.voivodeship),
    ['10'],
  )
  // Confirming again saves nothing more.
  assert.equal((await coordinator.post(`/projects/import/${second.id}/confirm`, {})).statusCode, 422)
  assert.equal(await count(), before + 2)
})

test('a file downloaded from the list imports again as it is, as CSV and as XLSX', async () => {
  for (const format of ['csv', 'xlsx'] as const) {
    const exported = await coordinator.get(`/projects?format=${format}&region=24`)
    const rows = format === 'csv' ? exported.body.trim().split('\r\n').length - 1 : null
    const { preview } = await upload(`projekty.${format}`, exported.rawPayload)
    assert.ok(preview, format)
    const html = plain(preview.body)
    const n = rows ?? Number(/Wiersze z projektami: (\d+)/.exec(html)?.[1])
    assert.ok(n > 5)
    assert.match(html, new RegExp(`Wiersze z projektami: ${n}\\. Problemy: 0\\.`), format)
    assert.match(html, new RegExp(`Zapisz projekty z pliku \\(liczba: ${n}\\)`), format)
  }
})

test('an XLSX with merged cells is read by its first cell; an empty sheet or another kind of file is refused beside the field', async () => {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('Projekty')
  sheet.addRow([
    'Tytuł',
    'Program',
    'Działanie',
    'Początek',
    'Koniec',
    'Lider',
    'Wartość (zł)',
    'Wkład Funduszy Europejskich (zł)',
  ])
  sheet.addRow([
    'Wspólny tytuł',
    'POWER',
    '2.9',
    new Date('2018-01-01T00:00:00Z'),
    new Date('2019-12-31T00:00:00Z'),
    'Fundacja Idea Rozwoju',
    500000,
    420000,
  ])
  sheet.addRow(['', 'POWER', '2.8', '2018-01-01', '2019-12-31', 'Fundacja Idea Rozwoju', 300000, 252000])
  sheet.mergeCells('A2:A3')
  const merged = await upload('scalone.xlsx', Buffer.from(await book.xlsx.writeBuffer()))
  assert.ok(merged.preview)
  assert.match(
    plain(merged.preview.body),
    />3<\/td><td class="govuk-table__cell">Tytuł<\/td><td class="govuk-table__cell">—<\/td><td class="govuk-table__cell">To pole jest wymagane</,
  )

  const empty = new ExcelJS.Workbook()
  empty.addWorksheet('Pusty')
  const none = await upload('pusty.xlsx', Buffer.from(await empty.xlsx.writeBuffer()))
  assert.equal(none.res.statusCode, 422)
  assert.match(none.res.body, /id="field-file-error"[\s\S]*?Plik jest pusty/)
  const pdf = await upload('projekty.pdf', Buffer.from('%PDF-1.4'))
  assert.match(pdf.res.body, /Wybierz plik CSV lub XLSX/)
  // Only the secretariat imports.
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  assert.equal(
    (await staff.upload('/projects/import', {}, { file: { name: 'a.csv', bytes: Buffer.from(header) } }))
      .statusCode,
    403,
  )
})

test('ten thousand rows are read and checked without holding the event loop; a longer file is refused', async () => {
  const lines = [header]
  for (let i = 0; i < 10_000; i++) lines.push(row({ title: `Projekt ${i}`, acronym: `P${i}` }))
  const probe = probeEventLoop()
  const started = performance.now()
  const big = await upload('duzy.csv', Buffer.from(lines.join('\r\n')))
  const delay = probe.stop()
  assert.ok(big.preview)
  assert.match(plain(big.preview.body), /Wiersze z projektami: 10000\. Problemy: 0\./)
  console.log(
    `10,000 rows read and checked in ${(performance.now() - started).toFixed(0)} ms; the event loop's longest delay ${delay.wallMs.toFixed(0)} ms, of which the main thread ran ${delay.busyMs.toFixed(0)} ms`,
  )
  assert.ok(delay.busyMs <= 100, `the event loop was held ${delay.busyMs.toFixed(0)} ms`)
  lines.push(row({ title: 'Jeden za dużo' }))
  const tooMany = await upload('za-duzy.csv', Buffer.from(lines.join('\r\n')))
  assert.match(tooMany.res.body, /Plik ma więcej niż 10 000 wierszy/)
})

// Issue 16, item 5: a large register exports without holding up everyone else's pages. 20,000
// decisions in two bodies of the same name (the order's tie-breaker is the space), downloaded as
// CSV and XLSX while the event loop's longest delay is measured.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import ExcelJS from 'exceljs'
import { sql } from 'kysely'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { type Client, signedIn } from '../../../../test/support/client.ts'
import { probeEventLoop } from '../../../../test/support/event-loop.ts'
import { givenPerson, givenSpace } from '../../../../test/support/given.ts'
import { addDays, today, warsawInstant } from '../../../kernel/dates.ts'

const perSpace = 10_000
const maxDelayMs = 100
const polish = 'Zażółć gęślą jaźń'

let h: TestApp
let coordinator: Client
let base: string
/** The rows the register held before the seeding (the demo's). */
let before_: number

before(async () => {
  h = await startTestApp()
  coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  before_ = csvLines((await coordinator.get('/decisions?format=csv')).body).length - 1
  const sec = await givenPerson(h.database.db, { role: 'secretary', name: 'Sabina Sekretarz' })
  for (const _ of [1, 2]) await givenLargeRegister(sec.id)
  base = await h.app.listen({ host: '127.0.0.1', port: 0 })
})
after(() => h.close())

/**
 * A body (both are called the same) whose one approved meeting adopted `perSpace` decisions, half
 * numbered in this year and half in the last, inserted in one statement.
 */
async function givenLargeRegister(secretaryId: string) {
  const db = h.database.db
  const space = await givenSpace(db, { secretaryId, name: 'Sieć Łódzka ds. współpracy' })
  const day = addDays(today(), -30)
  const meeting = await db
    .insertInto('meetings')
    .values({
      space_id: space.id,
      kind: 'meeting',
      year: Number(day.slice(0, 4)),
      number: 1,
      subject: 'Uchwały',
      starts_at: warsawInstant(day, '10:00'),
      ends_at: warsawInstant(day, '14:00'),
      place: 'Łódź',
      online_url: '',
      confirm_by: warsawInstant(addDays(day, -7), '23:59'),
      created_by: secretaryId,
      updated_at: new Date(),
    })
    .returning(['id', 'year'])
    .executeTakeFirstOrThrow()
  const item = await db
    .insertInto('agenda_items')
    .values({
      meeting_id: meeting.id,
      position: 1,
      title: 'Uchwały',
      presenter: '',
      minutes: 60,
      kind: 'decision',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('minutes')
    .values({
      meeting_id: meeting.id,
      status: 'approved',
      approved_at: new Date(),
      approved_by: secretaryId,
      created_by: secretaryId,
      updated_by: secretaryId,
      updated_at: new Date(),
    })
    .execute()
  await sql`
    insert into decisions (space_id, meeting_id, agenda_item_id, year, number, title, body,
      votes_for, votes_against, votes_abstaining, approved_title, approved_body, approved_votes_for,
      approved_votes_against, approved_votes_abstaining, created_by, updated_at)
    select ${space.id}, ${meeting.id}, ${item.id}, ${meeting.year} - (g % 2), g,
      t.title, t.body, 7, 1, g % 3, t.title, t.body, 7, 1, g % 3, ${secretaryId}, now()
    from generate_series(1, ${perSpace}) g,
      lateral (select ${`${polish} – uchwała `} || ${space.id}::text || ' nr ' || g as title,
        'Sieć przyjmuje stanowisko; "treść" nr ' || g || E'\nw dwóch wierszach.' as body) t`.execute(db)
}

/** CSV lines, with the line breaks inside quoted cells kept in their line. */
function csvLines(csv: string): string[] {
  const lines: string[] = []
  let current = ''
  for (const line of csv.replace(/^\uFEFF/, '').split('\r\n')) {
    current = current === '' ? line : `${current}\r\n${line}`
    if ((current.match(/"/g)?.length ?? 0) % 2 === 0) {
      lines.push(current)
      current = ''
    }
  }
  return lines.filter((l) => l !== '')
}

/**
 * Downloads `path` over a real connection as the coordinator, keeping the chunks as they come (the
 * body is put together only afterwards), and measures the event loop meanwhile.
 */
async function download(path: string) {
  await new Promise((r) => setTimeout(r, 20))
  const probe = probeEventLoop()
  const start = performance.now()
  const res = await fetch(`${base}${path}`, {
    headers: { cookie: [...coordinator.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
  })
  const chunks: Uint8Array[] = []
  for await (const chunk of res.body ?? []) chunks.push(chunk)
  const ms = performance.now() - start
  await new Promise((r) => setTimeout(r, 20))
  const delay = probe.stop()
  const bytes = Buffer.concat(chunks)
  console.log(
    `${path}: ${bytes.length} bytes in ${ms.toFixed(0)} ms; the event loop's longest delay ` +
      `${delay.wallMs.toFixed(0)} ms, of which the main thread ran ${delay.busyMs.toFixed(0)} ms`,
  )
  return { res, bytes, delay }
}

const heldFor = (delay: { wallMs: number; busyMs: number; gcMs: number }) =>
  `the event loop was held ${delay.busyMs.toFixed(0)} ms (${delay.wallMs.toFixed(0)} ms by the clock, the longest garbage collection ${delay.gcMs.toFixed(0)} ms)`

test('20,000 decisions download as CSV, whole and in order, without holding the event loop', async () => {
  const { res, bytes, delay } = await download('/decisions?format=csv')
  assert.equal(res.status, 200)
  assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8')
  const body = bytes.toString('utf8')
  assert.ok(body.startsWith('\uFEFFNumer;Sieć lub ciało;Tytuł;Treść;'), body.slice(0, 80))
  const lines = csvLines(body)
  assert.equal(lines.length - 1, before_ + 2 * perSpace)
  const seeded = lines.filter((l) => l.includes(`;${polish} – uchwała `))
  assert.equal(seeded.length, 2 * perSpace)
  assert.equal(new Set(seeded.map((l) => l.split(';')[2])).size, 2 * perSpace, 'each decision once')
  assert.match(seeded[0], /;"Sieć przyjmuje stanowisko; ""treść"" nr \d+\nw dwóch wierszach\.";/)
  // The register's order: the newest year first, then the body (by name, then which), then the
  // number downwards.
  const keys = seeded.map((l) => {
    const [number, year] = l.split(';')[0].split('/').map(Number)
    const space = / uchwała (\S+) nr /.exec(l)?.[1] ?? ''
    return { year, space, number }
  })
  for (let i = 1; i < keys.length; i++) {
    const [a, b] = [keys[i - 1], keys[i]]
    const inOrder =
      a.year > b.year ||
      (a.year === b.year && (a.space < b.space || (a.space === b.space && a.number > b.number)))
    assert.ok(inOrder, `row ${i}: ${JSON.stringify(a)} before ${JSON.stringify(b)}`)
  }
  assert.ok(delay.busyMs <= maxDelayMs, heldFor(delay))
})

test('the same 20,000 decisions download as XLSX, whole, without holding the event loop', async () => {
  const { res, bytes, delay } = await download('/decisions?format=xlsx')
  assert.equal(res.status, 200)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes as unknown as ArrayBuffer)
  const sheet = book.worksheets[0]
  assert.equal(sheet.name, 'Rejestr uchwał')
  assert.equal(sheet.getRow(1).getCell(3).value, 'Tytuł')
  assert.equal(sheet.rowCount - 1, before_ + 2 * perSpace)
  const titles = new Set<string>()
  sheet.eachRow((row, n) => {
    const title = String(row.getCell(3).value)
    if (n > 1 && title.startsWith(polish)) titles.add(title)
  })
  assert.equal(titles.size, 2 * perSpace)
  assert.ok(delay.busyMs <= maxDelayMs, heldFor(delay))
})

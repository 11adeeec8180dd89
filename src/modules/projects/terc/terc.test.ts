// The TERC register: the administrator imports the file GUS publishes; every row is checked first
// and a file with problems is refused whole, each problem named by its row; a good file replaces the
// register. The demo holds an excerpt (each voivodeship and its capitals).
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import iconv from 'iconv-lite'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { signedIn } from '../../../../test/support/client.ts'
import { probeEventLoop } from '../../../../test/support/event-loop.ts'
import { plain } from '../../../../test/support/html.ts'
import { readTerc } from './read.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db
const demo = readFileSync(join(import.meta.dirname, 'demo-terc.csv'), 'utf8')
const rows = (csv: string) =>
  csv
    .trim()
    .split('\n')
    .map((l) => l.split(';'))
const header = 'WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA'

test('a TERC file’s units: a voivodeship, a powiat and a gmina with its kind, each code as GUS writes it', () => {
  const read = readTerc(rows(demo))
  assert.ok(read.ok)
  assert.deepEqual(read.problems, [])
  assert.equal(read.stateOn, '2025-01-01')
  const krakow = read.units.filter((u) => u.code.startsWith('1261'))
  assert.deepEqual(
    krakow.map((u) => [u.code, u.powiat, u.gmina, u.kind, u.kind_name]),
    [
      ['1261', '61', null, null, 'miasto na prawach powiatu'],
      ['1261011', '61', '01', '1', 'gmina miejska'],
    ],
  )
})

test('each wrong row is named by its row and column; a file without the columns is no TERC file', () => {
  const read = readTerc(
    rows(
      [
        header,
        '12;;;;MAŁOPOLSKIE;województwo;2025-01-01',
        '13;;;;NIEISTNIEJĄCE;województwo;2025-01-01',
        '12;61;;;Kraków;miasto na prawach powiatu;2025-01-01',
        '12;61;01;;Kraków;gmina miejska;2025-01-01',
        '12;;02;1;Bez powiatu;gmina wiejska;2025-01-01',
        '12;61;;;Kraków;miasto na prawach powiatu;2025-01-01',
        '12;62;03;2;Sierota;gmina wiejska;1.01.2025',
        '12;63;04;2;Sierota;gmina wiejska;2025-01-01',
      ].join('\n'),
    ),
  )
  assert.ok(read.ok)
  assert.deepEqual(
    read.problems.map((p) => `${p.row} ${p.column} ${p.problem} ${p.value}`),
    [
      '3 WOJ voivodeship 13',
      '5 RODZ kind ',
      '6 GMI format 02',
      '7 NAZWA twice Kraków',
      '8 STAN_NA day 1.01.2025',
      '9 POW parent 1263042',
    ],
  )
  const notTerc = readTerc([['Kod', 'Nazwa']])
  assert.equal(notTerc.ok, false)
})

test('the administrator sees the register’s date and counts, and imports a newer file that replaces it', async () => {
  const admin = await signedIn(h.app, 'admin@demo.siatka.test')
  const page = plain((await admin.get('/projects/regions')).body)
  assert.match(page, /Rejestr TERC według stanu na 1 stycznia 2025/)
  assert.match(
    page,
    /kujawsko-pomorskie<\/td><td class="govuk-table__cell">04<\/td><td class="govuk-table__cell">PL61<\/td><td class="govuk-table__cell">PL613 bydgosko-toruński, PL616 grudziądzki, PL617 inowrocławski, PL618 świecki, PL619 włocławski<\/td><td[^>]*>2<\/td><td[^>]*>2</,
  )

  // The next year's file: Kraków's powiat gets a rural gmina beside the city (a made-up change).
  const next = `${demo.replaceAll('2025-01-01', '2026-01-01').trim()}\n12;61;02;2;Nowa Gmina;gmina wiejska;2026-01-01\n`
  const sent = await admin.upload(
    '/projects/regions',
    {},
    {
      file: { name: 'TERC_Urzedowy_2026-01-01.csv', type: 'text/csv', bytes: Buffer.from(`\ufeff${next}`) },
    },
  )
  assert.equal(sent.statusCode, 303)
  const after = plain((await admin.get('/projects/regions')).body)
  assert.match(after, /Zaimportowano rejestr TERC według stanu na 1 stycznia 2026: 63 jednostki\./)
  assert.match(
    after,
    /małopolskie<\/td><td class="govuk-table__cell">12<\/td><td class="govuk-table__cell">PL21<\/td><td class="govuk-table__cell">PL213 Miasto Kraków, [^<]*PL21A oświęcimski<\/td><td[^>]*>1<\/td><td[^>]*>2</,
  )
  assert.ok(
    await db().selectFrom('teryt_units').select('code').where('code', '=', '1261022').executeTakeFirst(),
  )

  // A file in Windows-1250, as older exports are, reads the same.
  const cp1250 = await admin.upload(
    '/projects/regions',
    {},
    {
      file: { name: 'terc.csv', type: 'text/csv', bytes: iconv.encode(demo, 'win1250') },
    },
  )
  assert.equal(cp1250.statusCode, 303)
  const lodz = await db()
    .selectFrom('teryt_units')
    .select('name')
    .where('code', '=', '1061011')
    .executeTakeFirstOrThrow()
  assert.equal(lodz.name, 'Łódź')
})

test('a file with problems is refused whole with its rows named; one missing a voivodeship, or not a CSV, too', async () => {
  const admin = await signedIn(h.app, 'admin@demo.siatka.test')
  const before_ = (await db().selectFrom('teryt_units').select('code').execute()).length
  const bad = `${demo.trim()}\n12;61;99;7;;gmina wiejska;2025-01-01\n`
  const refused = await admin.upload(
    '/projects/regions',
    {},
    {
      file: { name: 'terc.csv', type: 'text/csv', bytes: Buffer.from(bad) },
    },
  )
  assert.equal(refused.statusCode, 422)
  const html = plain(refused.body)
  assert.match(html, /Błędy w pliku: 1\. Niczego nie zapisano/)
  assert.match(
    html,
    />64<\/td><td class="govuk-table__cell">NAZWA<\/td><td class="govuk-table__cell">brak wartości</,
  )
  assert.equal((await db().selectFrom('teryt_units').select('code').execute()).length, before_)

  const withoutSilesia = demo
    .split('\n')
    .filter((l) => !l.startsWith('24;'))
    .join('\n')
  const partial = await admin.upload(
    '/projects/regions',
    {},
    {
      file: { name: 'terc.csv', type: 'text/csv', bytes: Buffer.from(withoutSilesia) },
    },
  )
  assert.equal(partial.statusCode, 422)
  assert.match(plain(partial.body), /id="field-file-error"[\s\S]*?W pliku brak któregoś z 16 województw/)
  const xml = await admin.upload(
    '/projects/regions',
    {},
    {
      file: { name: 'TERC.xml', type: 'text/xml', bytes: Buffer.from('<teryt/>') },
    },
  )
  assert.equal(xml.statusCode, 422)
  assert.match(plain(xml.body), /Wybierz plik CSV z rejestrem TERC/)
})

test('a whole register of 2,800 units is imported without holding the event loop', async () => {
  const lines = [header]
  for (const woj of [
    '02',
    '04',
    '06',
    '08',
    '10',
    '12',
    '14',
    '16',
    '18',
    '20',
    '22',
    '24',
    '26',
    '28',
    '30',
    '32',
  ]) {
    lines.push(`${woj};;;;WOJEWÓDZTWO ${woj};województwo;2026-01-01`)
    for (let p = 1; p <= 24; p++) {
      const pow = String(p).padStart(2, '0')
      lines.push(`${woj};${pow};;;powiat ${pow};powiat;2026-01-01`)
      for (let g = 1; g <= 6; g++)
        lines.push(`${woj};${pow};0${g};${(g % 3) + 1};gmina ${g};gmina;2026-01-01`)
    }
  }
  const admin = await signedIn(h.app, 'admin@demo.siatka.test')
  await admin.get('/projects/regions')
  const probe = probeEventLoop()
  const sent = await admin.upload(
    '/projects/regions',
    {},
    {
      file: { name: 'terc.csv', type: 'text/csv', bytes: Buffer.from(lines.join('\n')) },
    },
  )
  const delay = probe.stop()
  assert.equal(sent.statusCode, 303)
  assert.equal((await db().selectFrom('teryt_units').select('code').execute()).length, lines.length - 1)
  assert.ok(delay.busyMs <= 50, `the event loop was held ${Math.round(delay.busyMs)} ms`)
})

test('only the administrator imports the register', async () => {
  for (const email of ['koordynator@demo.siatka.test', 'iz@demo.siatka.test', 'czlonek@demo.siatka.test']) {
    const person = await signedIn(h.app, email)
    assert.equal((await person.get('/projects/regions')).statusCode, 403, email)
  }
})

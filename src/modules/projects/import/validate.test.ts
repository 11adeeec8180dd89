import assert from 'node:assert/strict'
import { test } from 'node:test'
import iconv from 'iconv-lite'
import { csvSeparator, decodeCsv } from './read.ts'
import { checkRows, dayOf, groszeOf, type Lookups } from './validate.ts'

const lookups: Lookups = {
  measures: [
    { id: 'm-power-29', programme_code: 'POWER', code: '2.9' },
    { id: 'm-pokl-54', programme_code: 'PO KL', code: '5.4' },
  ],
  themes: [{ id: 'th-es', name_pl: 'Ekonomia społeczna', name_en: 'Social economy' }],
  organisations: [
    { id: 'o-fir', name: 'Fundacja Idea Rozwoju', nip: '5842710460' },
    { id: 'o-stop', name: 'Stowarzyszenie Trenerów Organizacji Pozarządowych', nip: null },
  ],
}
const header = [
  'Tytuł',
  'Program',
  'Działanie',
  'Początek',
  'Koniec',
  'Lider',
  'NIP lidera',
  'Partnerzy',
  'Wartość (zł)',
  'Wkład Funduszy Europejskich (zł)',
  'Tematy',
  'Województwa',
  'Opublikowany',
]
const good = [
  'Spójna integracja',
  'POWER',
  '2.9',
  '2017-03-01',
  '29.02.2020',
  'Nowa Fundacja',
  '',
  'Fundacja Idea Rozwoju; Stowarzyszenie Trenerów Organizacji Pozarządowych',
  '6 791 950,00',
  '5724255,46',
  'Ekonomia społeczna',
  'mazowieckie; Śląskie',
  'tak',
]

test('a day is read from an ISO or a Polish date, or a date cell; a day that does not exist is none', () => {
  assert.equal(dayOf('2017-03-01'), '2017-03-01')
  assert.equal(dayOf('1.3.2017'), '2017-03-01')
  assert.equal(dayOf(new Date('2020-02-29T00:00:00Z')), '2020-02-29')
  assert.equal(dayOf('30.02.2020'), null)
  assert.equal(dayOf('marzec'), null)
})

test('an amount is read from a number cell in złoty or typed text, exactly', () => {
  assert.equal(groszeOf(6791950), 679_195_000)
  assert.equal(groszeOf(5724255.46), 572_425_546)
  assert.equal(groszeOf('6 791 950,00 zł'), 679_195_000)
  assert.equal(groszeOf('-5'), null)
  assert.equal(groszeOf(-5), null)
  // A number cell with a third decimal is no amount, as typed text is not.
  assert.equal(groszeOf(1234.565), null)
})

test('a good row becomes a project; names find Siatka’s organisations, themes and voivodeships', async () => {
  const checked = await checkRows([header, good, ['', '', ''], []], lookups, '2026-12-06')
  assert.ok(checked.ok)
  assert.deepEqual(checked.problems, [])
  assert.equal(checked.rows, 1, 'empty rows are skipped')
  const [p] = checked.projects
  assert.ok(p)
  assert.equal(p.programmeId, 'm-power-29')
  assert.equal(p.endsOn, '2020-02-29')
  assert.equal(p.status, 'closed', 'with no status, the period decides')
  assert.deepEqual(p.lead, { name: 'Nowa Fundacja', nip: null })
  assert.deepEqual(p.partners, [{ id: 'o-fir' }, { id: 'o-stop' }])
  assert.equal(p.total, 679_195_000)
  assert.equal(p.eu, 572_425_546)
  assert.equal(p.eligible, 679_195_000, 'eligible costs default to the value')
  assert.deepEqual(p.themes, ['th-es'])
  assert.deepEqual(p.regions, ['14', '24'])
  assert.equal(p.isPublic, true)
})

test('each problem is named by its row, its column’s header and what the cell held', async () => {
  const bad = [...good]
  bad[2] = '9.9' // no such measure
  bad[4] = '2016-12-31' // before the start
  bad[6] = '5842710461' // a wrong check digit
  bad[9] = '7 000 000,00' // above the value
  bad[11] = 'Mazowsze'
  bad[8] = '0' // a project of no value
  const checked = await checkRows([header, good, bad], lookups, '2026-12-06')
  assert.ok(checked.ok)
  assert.equal(checked.projects.length, 1)
  assert.deepEqual(
    checked.problems.map((p) => [p.row, p.column, p.value, p.message]),
    [
      [3, 'Działanie', '9.9', 'projects.import.errors.unknownMeasure'],
      [3, 'Koniec', '2016-12-31', 'projects.errors.endBeforeStart'],
      [3, 'NIP lidera', '5842710461', 'projects.import.errors.nip'],
      [3, 'Wartość (zł)', '0', 'projects.errors.valueZero'],
      [3, 'Wkład Funduszy Europejskich (zł)', '7 000 000,00', 'projects.errors.euAboveValue'],
      [3, 'Województwa', 'Mazowsze', 'projects.import.errors.unknownRegion'],
    ],
  )
})

test('English headers in another order are read; a file without required columns says which', async () => {
  const english = [
    'Title',
    'Measure',
    'Programme',
    'Start',
    'End',
    'Lead partner',
    'Value (PLN)',
    'EU Funds contribution (PLN)',
    'Status',
  ]
  const checked = await checkRows(
    [
      english,
      [
        'A',
        '5.4',
        'PO KL',
        '2010-01-01',
        '2011-12-31',
        'Fundacja Idea Rozwoju',
        '100000',
        '85000',
        'Settled',
      ],
    ],
    lookups,
    '2026-12-06',
  )
  assert.ok(checked.ok)
  assert.equal(checked.projects[0]?.status, 'settled')
  assert.deepEqual(checked.projects[0]?.lead, { id: 'o-fir' })
  const missing = await checkRows([['Tytuł', 'Lider']], lookups, '2026-12-06')
  assert.deepEqual(missing, {
    ok: false,
    missing: ['programme', 'measure', 'startsOn', 'endsOn', 'totalValue', 'euContribution'],
  })
})

test('a CSV is read as UTF-8 with or without a BOM, else as Windows-1250; its separator is guessed', () => {
  const text = 'Tytuł;Lider\nŁódzkie partnerstwo;Fundacja Źródło\n'
  assert.equal(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])), text)
  assert.equal(decodeCsv(Buffer.from(text)), text)
  assert.equal(decodeCsv(iconv.encode(text, 'win1250')), text)
  assert.equal(csvSeparator(text), ';')
  assert.equal(csvSeparator('Title,Lead\nA,B'), ',')
  assert.equal(csvSeparator('Title\tLead'), '\t')
})

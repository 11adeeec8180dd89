import assert from 'node:assert/strict'
import { test } from 'node:test'
import { basisPoints, formatBasisPoints, formatGrosze, groszeForInput, parseZloty } from './money.ts'

const plain = (s: string) => s.replace(/\u00a0/g, ' ')

test('grosze are shown as złoty without any division that could round', () => {
  assert.equal(plain(formatGrosze(679_195_000, 'pl')), '6 791 950,00 zł')
  assert.equal(plain(formatGrosze(572_425_546, 'pl')), '5 724 255,46 zł')
  assert.equal(plain(formatGrosze(500_000, 'pl')), '5 000,00 zł')
  assert.equal(plain(formatGrosze(5, 'pl')), '0,05 zł')
  assert.equal(formatGrosze(572_425_546, 'en'), 'PLN 5,724,255.46')
  // Past what a double holds to the grosz when divided: still exact.
  assert.equal(plain(formatGrosze(9_007_199_254_740_991, 'pl')), '90 071 992 547 409,91 zł')
  assert.throws(() => formatGrosze(1.5, 'pl'), RangeError)
})

test('the co-financing rate is computed in integers, rounded half up', () => {
  // SIRES (seed 004): 5 724 255,46 zł of 6 791 950,00 zł.
  assert.equal(basisPoints(572_425_546, 679_195_000), 8428)
  assert.equal(formatBasisPoints(8428, 'pl'), '84,28%')
  assert.equal(formatBasisPoints(8428, 'en'), '84.28%')
  assert.equal(basisPoints(1, 3), 3333)
  assert.equal(basisPoints(2, 3), 6667)
  assert.equal(basisPoints(85, 100), 8500)
  assert.equal(basisPoints(0, 0), null)
  // Below the baseline: -1/12 is -8.33 %, -1/200 is -0.50 %, shown with its sign.
  assert.equal(basisPoints(-1, 12), -833)
  assert.equal(basisPoints(-1, 200), -50)
  assert.equal(formatBasisPoints(-50, 'pl'), '-0,50%')
  assert.equal(formatBasisPoints(-833, 'en'), '-8.33%')
  assert.equal(basisPoints(100_000_000_000_00, 100_000_000_000_00), 10_000)
})

test('an amount is read as people type it, to whole grosze', () => {
  assert.equal(parseZloty('6 791 950,00 zł'), 679_195_000)
  assert.equal(parseZloty('6\u00a0791\u00a0950,00\u00a0zł'), 679_195_000)
  assert.equal(parseZloty('5724255,46'), 572_425_546)
  assert.equal(parseZloty('PLN 6,791,950.00'), 679_195_000)
  assert.equal(parseZloty('6.791.950,50'), 679_195_050)
  assert.equal(parseZloty('1.200.000'), 120_000_000)
  assert.equal(parseZloty('12.5'), 1250)
  assert.equal(parseZloty('1200'), 120_000)
  assert.equal(parseZloty('0,07'), 7)
  // Binary floating point would make 0.1 + 0.2 of these; integers cannot.
  assert.equal(parseZloty('0,29'), 29)
  assert.equal(parseZloty('100000000000'), 10_000_000_000_000)
})

test('what is not an amount is refused, not guessed', () => {
  for (const bad of [
    '',
    'abc',
    '-5',
    '1,234,5',
    '12,345',
    '1 2,3,4',
    '1,005',
    '12.345.6',
    '100000000000,01',
    '1e5',
  ])
    assert.equal(parseZloty(bad), null, bad)
})

test('an amount shown for editing reads back to itself', () => {
  for (const g of [0, 7, 679_195_000, 572_425_546])
    for (const lang of ['pl', 'en'] as const) assert.equal(parseZloty(groszeForInput(g, lang)), g)
  assert.equal(groszeForInput(679_195_000, 'pl'), '6 791 950,00')
})

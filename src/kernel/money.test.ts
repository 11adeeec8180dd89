import assert from 'node:assert/strict'
import { test } from 'node:test'
import { basisPoints, formatBasisPoints, formatGrosze } from './money.ts'

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

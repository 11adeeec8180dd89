import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isValidNip, isValidRegon } from './identifiers.ts'

test('a NIP with a correct checksum is accepted, with or without dashes', () => {
  assert.equal(isValidNip('5252248481'), true)
  assert.equal(isValidNip('525-224-84-81'), true)
  assert.equal(isValidNip('526-000-12-46'), true)
})

test('a NIP with a wrong digit, wrong length or letters is refused', () => {
  assert.equal(isValidNip('5252248482'), false)
  assert.equal(isValidNip('525224848'), false)
  assert.equal(isValidNip('52522484811'), false)
  assert.equal(isValidNip('52522484a1'), false)
  assert.equal(isValidNip(''), false)
})

test('a NIP whose checksum comes out as 10 can never be valid', () => {
  // 1234567890: weights give 10 mod 11 for these nine digits followed by anything.
  for (let last = 0; last <= 9; last++) {
    const nip = `123456789${last}`
    const sum = [6, 5, 7, 2, 3, 4, 5, 6, 7].reduce((a, w, i) => a + w * Number(nip[i]), 0)
    if (sum % 11 === 10) assert.equal(isValidNip(nip), false)
  }
})

test('nine- and fourteen-digit REGON numbers are checked by their checksum', () => {
  assert.equal(isValidRegon('140902180'), true)
  assert.equal(isValidRegon('140902181'), false)
  assert.equal(isValidRegon('12345678512347'), true)
  assert.equal(isValidRegon('12345678512348'), false)
  assert.equal(isValidRegon('1409021'), false)
  assert.equal(isValidRegon('14090218x'), false)
})

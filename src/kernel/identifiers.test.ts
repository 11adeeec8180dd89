import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  isValidNip,
  isValidRegon,
  makePesel,
  maskPesel,
  peselBirthDate,
  peselProblem,
  peselSex,
} from './identifiers.ts'

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

test('a PESEL with its check digit is accepted and tells the day of birth and the sex', () => {
  // The example the Ministry of Digital Affairs gives: a man born on 14 May 1944.
  assert.equal(peselProblem('44051401359'), null)
  assert.equal(peselProblem('440514 01359'), null)
  assert.equal(peselBirthDate('44051401359'), '1944-05-14')
  assert.equal(peselSex('44051401359'), 'M')
  assert.equal(maskPesel('44051401359'), '440514*****')
  // Born in 2003: the month is raised by 20; an even tenth digit is a woman.
  const pesel = makePesel('2003-12-31', 'K', 417)
  assert.equal(pesel.slice(0, 6), '033231')
  assert.equal(peselProblem(pesel), null)
  assert.equal(peselBirthDate(pesel), '2003-12-31')
  assert.equal(peselSex(pesel), 'K')
  assert.equal(peselBirthDate(makePesel('1899-01-02', 'M', 3)), '1899-01-02')
})

test('a PESEL with a wrong digit, a wrong length or no such day is refused with the reason', () => {
  assert.equal(peselProblem('44051401358'), 'checksum')
  assert.equal(peselProblem('44051401395'), 'checksum', 'two digits swapped')
  assert.equal(peselProblem('4405140135'), 'format')
  assert.equal(peselProblem('4405140135X'), 'format')
  assert.equal(peselProblem(''), 'format')
  // 31 February 1990 and month 13 have a right check digit but no day.
  const feb31 = '9002310000'
  const check = (ten: string) =>
    (10 - ([1, 3, 7, 9, 1, 3, 7, 9, 1, 3].reduce((a, w, i) => a + w * Number(ten[i]), 0) % 10)) % 10
  assert.equal(peselProblem(`${feb31}${check(feb31)}`), 'date')
  const month13 = '9013010000'
  assert.equal(peselProblem(`${month13}${check(month13)}`), 'date')
})

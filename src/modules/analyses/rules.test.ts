import assert from 'node:assert/strict'
import { test } from 'node:test'
import { formatMoney, isLate, moneyInput, nextStatus, orderProblem, parseMoney } from './rules.ts'

test('amounts are read as a person in Poland types them, with or without spaces, grosze and “zł”', () => {
  const grosze = (text: string) => {
    const r = parseMoney(text)
    assert.ok(r.ok, `${text} is an amount`)
    return r.grosze
  }
  assert.equal(grosze('12500'), 1_250_000)
  assert.equal(grosze('12 500'), 1_250_000)
  assert.equal(grosze('12 500,50'), 1_250_050)
  assert.equal(grosze('12500.50'), 1_250_050)
  assert.equal(grosze('12500,5'), 1_250_050)
  assert.equal(grosze(' 12 500 zł '), 1_250_000)
  assert.equal(grosze('12\u00a0500,00 PLN'), 1_250_000)
  assert.equal(grosze('1 250 000'), 125_000_000)
  assert.equal(grosze('0,01'), 1)
})

test('nonsense, negative, zero and ambiguous amounts are refused, each with its reason', () => {
  const key = (text: string) => {
    const r = parseMoney(text)
    assert.ok(!r.ok, `${text} is refused`)
    return r.key
  }
  assert.equal(key(''), 'errors.required')
  assert.equal(key('  zł'), 'errors.required')
  assert.equal(key('-500'), 'analyses.errors.budgetPositive')
  assert.equal(key('−500'), 'analyses.errors.budgetPositive')
  assert.equal(key('0'), 'analyses.errors.budgetPositive')
  assert.equal(key('0,00'), 'analyses.errors.budgetPositive')
  assert.equal(key('dużo'), 'analyses.errors.budgetFormat')
  assert.equal(key('12.500'), 'analyses.errors.budgetFormat')
  assert.equal(key('12,500'), 'analyses.errors.budgetFormat')
  assert.equal(key('12 50'), 'analyses.errors.budgetFormat')
  assert.equal(key('1,2,3'), 'analyses.errors.budgetFormat')
  assert.equal(key('12500,505'), 'analyses.errors.budgetFormat')
  assert.equal(key('1e5'), 'analyses.errors.budgetFormat')
  assert.equal(key('5000000000'), 'analyses.errors.budgetTooLarge')
  assert.equal(key('99999999999999999999'), 'analyses.errors.budgetTooLarge')
})

test('money is shown in the reader’s language and given back to a form as typed digits', () => {
  assert.equal(formatMoney(1_250_050, 'pl').replace(/\s/g, ' '), '12 500,50 zł')
  assert.equal(formatMoney(1_250_050, 'en').replace(/\s/g, ' '), 'PLN 12,500.50')
  assert.equal(moneyInput(1_250_050), '12500,50')
  assert.equal(moneyInput(1_250_000), '12500')
  assert.equal(moneyInput(5), '0,05')
})

test('an order goes ordered → delivered → accepted, or back to the expert for changes, and ends there', () => {
  assert.equal(nextStatus('ordered', 'deliver'), 'delivered')
  assert.equal(nextStatus('delivered', 'accept'), 'accepted')
  assert.equal(nextStatus('delivered', 'requestChanges'), 'changes_requested')
  assert.equal(nextStatus('changes_requested', 'deliver'), 'delivered')
  // Nothing is accepted before it is delivered, and a delivery awaits its review.
  assert.equal(nextStatus('ordered', 'accept'), null)
  assert.equal(nextStatus('changes_requested', 'accept'), null)
  assert.equal(nextStatus('delivered', 'deliver'), null)
  // Cancelling is possible until acceptance; an accepted or cancelled order takes nothing more.
  assert.equal(nextStatus('ordered', 'cancel'), 'cancelled')
  assert.equal(nextStatus('delivered', 'cancel'), 'cancelled')
  assert.equal(nextStatus('changes_requested', 'cancel'), 'cancelled')
  for (const event of ['deliver', 'accept', 'requestChanges', 'cancel'] as const) {
    assert.equal(nextStatus('accepted', event), null)
    assert.equal(nextStatus('cancelled', event), null)
  }
})

test('an order is late when its deadline has passed and the expert still owes a delivery', () => {
  const today = '2026-11-28'
  assert.equal(isLate({ status: 'ordered', deadline: '2026-11-27' }, today), true)
  assert.equal(isLate({ status: 'changes_requested', deadline: '2026-11-27' }, today), true)
  assert.equal(isLate({ status: 'ordered', deadline: today }, today), false)
  assert.equal(isLate({ status: 'delivered', deadline: '2026-11-01' }, today), false)
  assert.equal(isLate({ status: 'accepted', deadline: '2026-11-01' }, today), false)
  assert.equal(isLate({ status: 'cancelled', deadline: '2026-11-01' }, today), false)
})

test('a new order’s deadline may be today but not in the past', () => {
  assert.equal(orderProblem({ deadline: '2026-11-28' }, '2026-11-28'), null)
  assert.deepEqual(orderProblem({ deadline: '2026-11-27' }, '2026-11-28'), {
    key: 'analyses.errors.deadlinePast',
    field: 'deadline',
  })
})

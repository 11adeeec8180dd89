import assert from 'node:assert/strict'
import { test } from 'node:test'
import { daysUntil, requestProblem, translationState } from './translation-rules.ts'

test('an open request is late from the day after its deadline; a delivered or cancelled one never is', () => {
  assert.equal(translationState({ status: 'requested', deadline: '2026-11-27' }, '2026-11-27'), 'requested')
  assert.equal(translationState({ status: 'in_progress', deadline: '2026-11-26' }, '2026-11-27'), 'late')
  assert.equal(translationState({ status: 'delivered', deadline: '2026-11-01' }, '2026-11-27'), 'delivered')
  assert.equal(translationState({ status: 'cancelled', deadline: '2026-11-01' }, '2026-11-27'), 'cancelled')
  assert.equal(daysUntil('2026-11-30', '2026-11-27'), 3)
  // Across the change to winter time the count stays whole.
  assert.equal(daysUntil('2026-10-20', '2026-10-30'), -10)
})

test('a request needs a source language the material has, another target, and a deadline not past', () => {
  const ok = { sourceLanguage: 'pl', targetLanguage: 'en', deadline: '2026-12-01' } as const
  assert.equal(requestProblem(ok, ['pl'], '2026-11-27'), null)
  assert.equal(requestProblem({ ...ok, deadline: '2026-11-27' }, ['pl'], '2026-11-27'), null)
  assert.equal(requestProblem({ ...ok, deadline: '2026-11-26' }, ['pl'], '2026-11-27')?.field, 'deadline')
  assert.equal(requestProblem({ ...ok, targetLanguage: 'pl' }, ['pl'], '2026-11-27')?.field, 'targetLanguage')
  assert.equal(requestProblem(ok, ['de'], '2026-11-27')?.field, 'sourceLanguage')
})

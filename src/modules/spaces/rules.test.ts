import assert from 'node:assert/strict'
import { test } from 'node:test'
import { addDays, addMonths, monthGrid, today } from '../../kernel/dates.ts'
import {
  changesNothing,
  compareCompositions,
  compositionProblem,
  effectiveDayProblem,
  guestPeriodProblem,
  isAwaitingDecision,
  isCurrent,
  isEditable,
  type Seat,
} from './rules.ts'

const entry = (
  personId: string,
  role: Parameters<typeof compositionProblem>[0][number]['role'] = 'member',
) => ({
  personId,
  role,
})

test('a composition with nobody in it cannot be sent', () => {
  assert.equal(compositionProblem([]), 'spaces.composition.errors.empty')
})

test('a person proposed twice is refused', () => {
  assert.equal(
    compositionProblem([entry('a', 'chair'), entry('b'), entry('a', 'expert')]),
    'spaces.composition.errors.duplicate',
  )
})

test('a body needs exactly one chair, chosen among its proposed members', () => {
  assert.equal(compositionProblem([entry('a'), entry('b')]), 'spaces.composition.errors.noChair')
  assert.equal(
    compositionProblem([entry('a', 'chair'), entry('b', 'chair')]),
    'spaces.composition.errors.twoChairs',
  )
  assert.equal(
    compositionProblem([entry('a', 'chair'), entry('b', 'vice_chair'), entry('c', 'deputy')]),
    null,
  )
})

test('a guest is invited for a time, not appointed by a composition', () => {
  assert.equal(
    compositionProblem([entry('a', 'chair'), entry('b', 'guest')]),
    'spaces.composition.errors.role',
  )
})

test('a proposal is edited while a draft or returned, decided only while it waits, and only once', () => {
  assert.equal(isEditable('draft'), true)
  assert.equal(isEditable('returned'), true)
  assert.equal(isEditable('submitted'), false)
  assert.equal(isEditable('approved'), false)
  assert.equal(isAwaitingDecision('submitted'), true)
  assert.equal(isAwaitingDecision('approved'), false)
  assert.equal(isAwaitingDecision('returned'), false)
})

test('a new composition cannot take effect before the one it replaces', () => {
  assert.equal(effectiveDayProblem('2026-03-01', '2026-04-01'), 'spaces.composition.errors.beforePrevious')
  assert.equal(effectiveDayProblem('2026-04-01', '2026-04-01'), null)
  assert.equal(effectiveDayProblem('2026-04-01', null), null)
})

test("a guest's end date cannot come before the start or be over already", () => {
  assert.deepEqual(guestPeriodProblem('2026-05-10', '2026-05-09', '2026-05-01'), {
    key: 'spaces.guests.errors.endBeforeStart',
    field: 'endsOn',
  })
  assert.deepEqual(guestPeriodProblem('2026-01-01', '2026-04-30', '2026-05-01'), {
    key: 'spaces.guests.errors.endInPast',
    field: 'endsOn',
  })
  assert.equal(guestPeriodProblem('2026-05-01', '2026-05-01', '2026-05-01'), null)
})

test('a membership counts from its first to its last day, both included', () => {
  const m = { starts_on: '2026-01-10', ends_on: '2026-01-20' }
  assert.equal(isCurrent(m, '2026-01-09'), false)
  assert.equal(isCurrent(m, '2026-01-10'), true)
  assert.equal(isCurrent(m, '2026-01-20'), true)
  assert.equal(isCurrent(m, '2026-01-21'), false)
  assert.equal(isCurrent({ starts_on: '2026-01-10', ends_on: null }, '2030-01-01'), true)
})

test("today is Warsaw's day: 23:30 UTC on 31 December is already the new year in Poland", () => {
  assert.equal(today(new Date('2026-12-31T23:30:00Z')), '2027-01-01')
  assert.equal(today(new Date('2026-07-15T21:59:00Z')), '2026-07-15')
  assert.equal(today(new Date('2026-07-15T22:00:00Z')), '2026-07-16')
})

test('days and months add across month and year ends', () => {
  assert.equal(addDays('2026-02-28', 1), '2026-03-01')
  assert.equal(addDays('2026-03-01', -1), '2026-02-28')
  assert.equal(addMonths('2026-12', 1), '2027-01')
  assert.equal(addMonths('2026-01', -1), '2025-12')
})

test('a month is laid out in weeks from Monday to Sunday', () => {
  // November 2026 begins on a Sunday.
  const weeks = monthGrid('2026-11')
  assert.equal(weeks[0].filter(Boolean).length, 1)
  assert.equal(weeks[0][6], '2026-11-01')
  assert.equal(weeks.at(-1)?.[0], '2026-11-30')
  assert.ok(weeks.every((w) => w.length === 7))
})

const seat = (person_id: string, o: Partial<Seat> = {}): Seat => ({
  person_id,
  role: 'member',
  represents: 'ngo',
  organisation_id: null,
  deputy_for: null,
  ...o,
})

test('a new composition against the one it replaces: who joins, whose seat changes and how, who leaves, who stays', () => {
  const before = [
    seat('chair', { role: 'chair' }),
    seat('stays'),
    seat('promoted'),
    seat('moves', { organisation_id: 'org-a' }),
    seat('leaves', { represents: 'region' }),
    seat('deputy', { role: 'deputy', deputy_for: 'leaves' }),
  ]
  const after = [
    seat('chair', { role: 'chair' }),
    seat('promoted', { role: 'vice_chair' }),
    seat('stays'),
    seat('moves', { organisation_id: 'org-b', represents: 'science' }),
    seat('deputy', { role: 'deputy', deputy_for: null }),
    seat('new'),
  ]
  const c = compareCompositions(before, after)
  assert.deepEqual(
    c.added.map((s) => s.person_id),
    ['new'],
  )
  assert.deepEqual(
    c.changed.map((x) => [x.after.person_id, x.fields]),
    [
      ['promoted', ['role']],
      ['moves', ['represents', 'organisation']],
      ['deputy', ['deputyFor']],
    ],
  )
  assert.equal(c.changed[0].before.role, 'member', 'the seat as it was is kept beside the new one')
  assert.deepEqual(
    c.removed.map((s) => s.person_id),
    ['leaves'],
  )
  assert.deepEqual(
    c.unchanged.map((s) => s.person_id),
    ['chair', 'stays'],
  )
  assert.equal(changesNothing(c), false)
})

test('without a composition before, everyone joins; the same composition again changes nothing', () => {
  const people = [seat('a', { role: 'chair' }), seat('b')]
  const first = compareCompositions([], people)
  assert.equal(first.added.length, 2)
  assert.equal(first.unchanged.length + first.changed.length + first.removed.length, 0)
  const again = compareCompositions(
    people,
    people.map((s) => ({ ...s })),
  )
  assert.equal(again.unchanged.length, 2)
  assert.equal(changesNothing(again), true)
})

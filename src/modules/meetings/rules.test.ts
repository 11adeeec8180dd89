import assert from 'node:assert/strict'
import { test } from 'node:test'
import { warsawDayAndTime, warsawInstant } from '../../kernel/dates.ts'
import { meetingTimesProblem, moved, placeProblem, toRoman } from './rules.ts'

test('meetings are numbered in Roman numerals', () => {
  assert.deepEqual([1, 3, 4, 9, 14, 40, 1990].map(toRoman), ['I', 'III', 'IV', 'IX', 'XIV', 'XL', 'MCMXC'])
})

test('a time on a Warsaw clock is kept in UTC, summer and winter, and read back the same', () => {
  assert.equal(warsawInstant('2026-07-15', '10:30').toISOString(), '2026-07-15T08:30:00.000Z')
  assert.equal(warsawInstant('2026-12-15', '10:30').toISOString(), '2026-12-15T09:30:00.000Z')
  // The night the clocks go back (25 October 2026): 12:00 is already winter time.
  assert.equal(warsawInstant('2026-10-25', '12:00').toISOString(), '2026-10-25T11:00:00.000Z')
  assert.deepEqual(warsawDayAndTime(new Date('2026-07-15T08:30:00Z')), { day: '2026-07-15', time: '10:30' })
})

test('a meeting cannot be in the past, end before it starts, or ask for answers after it starts', () => {
  const now = new Date('2026-05-01T10:00:00Z')
  const at = (iso: string) => new Date(iso)
  const ok = {
    startsAt: at('2026-05-10T08:00:00Z'),
    endsAt: at('2026-05-10T12:00:00Z'),
    confirmBy: at('2026-05-05T22:00:00Z'),
  }
  assert.equal(meetingTimesProblem(ok, now), null)
  assert.equal(
    meetingTimesProblem({ ...ok, startsAt: at('2026-04-30T08:00:00Z') }, now)?.key,
    'meetings.errors.inThePast',
  )
  assert.equal(meetingTimesProblem({ ...ok, endsAt: at('2026-05-10T07:00:00Z') }, now)?.field, 'endTime')
  assert.equal(meetingTimesProblem({ ...ok, confirmBy: at('2026-05-11T00:00:00Z') }, now)?.field, 'confirmBy')
})

test('a meeting needs a place, an online link or both', () => {
  assert.equal(placeProblem('', '')?.field, 'place')
  assert.equal(placeProblem('ul. Wspólna 2/4, Warszawa', ''), null)
  assert.equal(placeProblem('', 'https://meet.example.pl/kst'), null)
})

test('agenda items move one place up or down, never past either end', () => {
  assert.deepEqual(moved(['a', 'b', 'c'], 'b', 'up'), ['b', 'a', 'c'])
  assert.deepEqual(moved(['a', 'b', 'c'], 'b', 'down'), ['a', 'c', 'b'])
  assert.deepEqual(moved(['a', 'b', 'c'], 'a', 'up'), ['a', 'b', 'c'])
  assert.deepEqual(moved(['a', 'b', 'c'], 'c', 'down'), ['a', 'b', 'c'])
})

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { answersOpen, presenceOpen, quorum } from '../rules.ts'

const seats = (present: number, absent: number, byDeputy = 0) => [
  ...Array.from({ length: present }, () => ({ present: true, deputyPresent: false })),
  ...Array.from({ length: byDeputy }, () => ({ present: false, deputyPresent: true })),
  ...Array.from({ length: absent }, () => ({ present: false, deputyPresent: false })),
]

test('a quorum is the rules’ percentage of the members with a vote, rounded up', () => {
  assert.deepEqual(quorum(seats(8, 4), 50), { members: 12, present: 8, required: 6, reached: true })
  assert.deepEqual(quorum(seats(3, 4), 50), { members: 7, present: 3, required: 4, reached: false })
  assert.equal(quorum(seats(4, 3), 50).reached, true, 'odd numbers: 4 of 7 is enough at 50 %')
  assert.equal(quorum(seats(2, 1), 51).required, 2)
  assert.equal(quorum(seats(1, 2), 34).required, 2, '34 % of 3 is 1.02, so 2')
  assert.equal(quorum(seats(7, 3), 70).required, 7, 'an exact product needs no rounding')
})

test('at 100 % everyone must be there; a body without members has no quorum', () => {
  assert.equal(quorum(seats(9, 1), 100).reached, false)
  assert.equal(quorum(seats(10, 0), 100).reached, true)
  assert.deepEqual(quorum([], 50), { members: 0, present: 0, required: 0, reached: false })
})

test('a deputy present in place of a member counts for that member, once', () => {
  assert.deepEqual(quorum(seats(2, 2, 2), 50), { members: 6, present: 4, required: 3, reached: true })
  // The member came and so did their deputy: one seat, counted once.
  assert.equal(quorum([{ present: true, deputyPresent: true }, ...seats(0, 1)], 100).present, 1)
})

test('answers are taken until confirm_by, never for a cancelled meeting; presence from the meeting’s day', () => {
  const due = new Date('2026-05-05T21:59:00Z')
  assert.equal(answersOpen({ status: 'planned', confirm_by: due }, new Date('2026-05-05T21:59:00Z')), true)
  assert.equal(answersOpen({ status: 'planned', confirm_by: due }, new Date('2026-05-05T22:00:00Z')), false)
  assert.equal(answersOpen({ status: 'cancelled', confirm_by: due }, new Date('2026-05-01T10:00:00Z')), false)
  assert.equal(presenceOpen({ status: 'planned' }, '2026-05-10', '2026-05-09'), false)
  assert.equal(presenceOpen({ status: 'planned' }, '2026-05-10', '2026-05-10'), true)
  assert.equal(presenceOpen({ status: 'planned' }, '2026-05-10', '2026-06-01'), true)
  assert.equal(presenceOpen({ status: 'cancelled' }, '2026-05-10', '2026-05-10'), false)
})

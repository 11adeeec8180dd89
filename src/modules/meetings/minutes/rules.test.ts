import assert from 'node:assert/strict'
import { test } from 'node:test'
import { paragraphs } from './document.ts'
import {
  approvalProblem,
  commentsByProblem,
  commentsOpen,
  decisionNumber,
  dueProblem,
  removableDecision,
  startProblem,
  voteProblem,
} from './rules.ts'

test('a decision is adopted by more votes for than against, never by more votes than voters present', () => {
  assert.equal(voteProblem({ for: 3, against: 2, abstaining: 5 }, 10), null)
  assert.equal(voteProblem({ for: 2, against: 2, abstaining: 0 }, 10)?.key, 'minutes.errors.notAdopted')
  assert.equal(voteProblem({ for: 0, against: 0, abstaining: 0 }, null)?.key, 'minutes.errors.notAdopted')
  assert.equal(voteProblem({ for: 6, against: 2, abstaining: 3 }, 10)?.key, 'minutes.errors.tooManyVotes')
  assert.equal(
    voteProblem({ for: 60, against: 2, abstaining: 3 }, null),
    null,
    'no presence recorded: no ceiling',
  )
  assert.equal(decisionNumber({ number: 3, year: 2026 }), '3/2026')
})

test('minutes start with the meeting; comments run to the end of their day; approval needs the period over and every answer', () => {
  const now = new Date('2026-11-27T12:00:00Z')
  assert.equal(
    startProblem({ status: 'planned', starts_at: new Date('2026-11-27T13:00:00Z') }, now)?.key,
    'minutes.errors.notYet',
  )
  assert.equal(
    startProblem({ status: 'cancelled', starts_at: new Date('2026-11-01') }, now)?.key,
    'minutes.errors.cancelled',
  )
  assert.equal(startProblem({ status: 'planned', starts_at: new Date('2026-11-27T09:00:00Z') }, now), null)

  const out = { status: 'consultation' as const, comments_by: '2026-11-30' }
  assert.equal(commentsOpen(out, '2026-11-30'), true)
  assert.equal(commentsOpen(out, '2026-12-01'), false)
  assert.equal(commentsOpen({ status: 'draft', comments_by: null }, '2026-11-01'), false)

  assert.equal(approvalProblem(out, 0, '2026-11-30')?.key, 'minutes.errors.commentsStillOpen')
  assert.equal(approvalProblem(out, 1, '2026-12-01')?.key, 'minutes.errors.unanswered')
  assert.equal(approvalProblem(out, 0, '2026-12-01'), null)
  assert.equal(
    approvalProblem({ status: 'approved', comments_by: null }, 0, '2026-12-01')?.key,
    'minutes.errors.alreadyApproved',
  )
  assert.equal(
    approvalProblem({ status: 'draft', comments_by: null }, 0, '2026-12-01')?.key,
    'minutes.errors.notSent',
  )

  assert.equal(commentsByProblem('2026-11-26', '2026-11-27', '2027-02-27')?.field, 'commentsBy')
  assert.equal(
    commentsByProblem('2027-03-01', '2026-11-27', '2027-02-27')?.key,
    'minutes.errors.commentsByFar',
  )
  assert.equal(commentsByProblem('2026-11-27', '2026-11-27', '2027-02-27'), null)
})

test('action items are due from the meeting day; only the last number is withdrawn; paragraphs split on blank lines', () => {
  assert.equal(dueProblem('2026-11-26', '2026-11-27')?.field, 'dueOn')
  assert.equal(dueProblem('2026-11-27', '2026-11-27'), null)
  assert.equal(removableDecision(4, 4), true)
  assert.equal(removableDecision(3, 4), false)
  assert.deepEqual(paragraphs('Pierwszy.\n\n  \nDrugi\nciąg dalszy.\r\n\r\nTrzeci. '), [
    'Pierwszy.',
    'Drugi\nciąg dalszy.',
    'Trzeci.',
  ])
  assert.deepEqual(paragraphs('   '), [])
})

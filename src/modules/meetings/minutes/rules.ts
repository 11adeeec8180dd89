// The rules of minutes, decisions and action items (issue 5, items 7–9), free of the database.
import type { MinutesStatus } from './tables.ts'

/**
 * The most a meeting's minutes hold of each list (issue 10, item 3). The minutes page and the
 * document read each list whole, so each is bounded, and the one past the bound is refused beside
 * its field rather than cut silently; far above a real meeting (the bench's richest: 5 decisions, 6
 * action items). The summaries are one per agenda item (`maxAgendaItems`).
 */
export const minutesBounds = { decisions: 100, actions: 200, revisions: 20, comments: 1000 } as const

/** A broken rule: the message's key and the field it stands beside. */
export type Problem = { key: string; field: string } | null

/** "3/2026": a decision's number in its space's register. */
export const decisionNumber = (d: { number: number; year: number }) => `${d.number}/${d.year}`

export interface Votes {
  for: number
  against: number
  abstaining: number
}

/**
 * A decision is a resolution the body adopted: more for than against (a simple majority of the
 * votes cast). A vote that failed goes in the item's summary, not in the register. When presence was
 * recorded, no more votes than members with a vote (or their deputies) present.
 */
export function voteProblem(votes: Votes, presentVoters: number | null): Problem {
  if (votes.for <= votes.against) return { key: 'minutes.errors.notAdopted', field: 'votesFor' }
  if (presentVoters !== null && votes.for + votes.against + votes.abstaining > presentVoters)
    return { key: 'minutes.errors.tooManyVotes', field: 'votesFor' }
  return null
}

/** Minutes are started once the meeting has begun, never for a cancelled one. */
export function startProblem(m: { status: string; starts_at: Date }, now: Date): Problem {
  if (m.status === 'cancelled') return { key: 'minutes.errors.cancelled', field: '_form' }
  if (m.starts_at.getTime() > now.getTime()) return { key: 'minutes.errors.notYet', field: '_form' }
  return null
}

/** The secretary edits the texts, decisions and action items until the chair approves. */
export const editable = (status: MinutesStatus) => status !== 'approved'

/** Members comment while the draft is out to them, until the end of the deadline day. */
export const commentsOpen = (m: { status: MinutesStatus; comments_by: string | null }, today: string) =>
  m.status === 'consultation' && m.comments_by !== null && today <= m.comments_by

/** The deadline for comments: from today, at most three months on. */
export function commentsByProblem(day: string, today: string, latest: string): Problem {
  if (day < today) return { key: 'minutes.errors.commentsByPast', field: 'commentsBy' }
  if (day > latest) return { key: 'minutes.errors.commentsByFar', field: 'commentsBy' }
  return null
}

/**
 * The chair approves minutes that went out for comments, once the comment period is over and the
 * secretary has answered every comment.
 */
export function approvalProblem(
  m: { status: MinutesStatus; comments_by: string | null },
  unanswered: number,
  today: string,
): Problem {
  if (m.status === 'approved') return { key: 'minutes.errors.alreadyApproved', field: '_form' }
  if (m.status === 'draft') return { key: 'minutes.errors.notSent', field: '_form' }
  if (m.comments_by !== null && today <= m.comments_by)
    return { key: 'minutes.errors.commentsStillOpen', field: '_form' }
  if (unanswered > 0) return { key: 'minutes.errors.unanswered', field: '_form' }
  return null
}

/** An action item is due on or after the meeting's day. */
export const dueProblem = (dueOn: string, meetingDay: string): Problem =>
  dueOn < meetingDay ? { key: 'minutes.errors.dueBeforeMeeting', field: 'dueOn' } : null

/**
 * Only the last number of a space's year may be withdrawn (a mistaken entry), so the register has no
 * gaps; an earlier decision is corrected instead.
 */
export const removableDecision = (number: number, lastNumber: number) => number === lastNumber

/** An action item is reminded of once, this many days before it is due. */
export const actionReminderDays = 3

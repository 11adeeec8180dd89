// The minutes' record of what was decided and who does what: decisions with their vote, action items.
import { sql } from 'kysely'
import { audit } from '../../../kernel/audit.ts'
import { RuleError } from '../../../kernel/errors.ts'
import type { Actor } from '../../../kernel/policy.ts'
import { notify } from '../../notifications/service.ts'
import type { Space } from '../../spaces/service.ts'
import { meetingDay } from '../attendance/service.ts'
import type { Db } from '../db.ts'
import type { Meeting } from '../service.ts'
import { check, itemOf, lockEditable, type Minutes, namedIn, refuseLocked } from './editing.ts'
import * as q from './queries.ts'
import { decisionNumber, dueProblem, minutesBounds, removableDecision, voteProblem } from './rules.ts'

export interface DecisionInput {
  agendaItemId: string
  title: string
  body: string
  votesFor: number
  votesAgainst: number
  votesAbstaining: number
}

/**
 * Records a decision taken at the meeting: it gets the next number of the space's register for the
 * meeting's year. Numbers are given one at a time (a lock per space and year), so none repeats.
 */
export async function addDecision(
  db: Db,
  actor: Actor,
  meeting: Meeting,
  minutes: Minutes,
  input: DecisionInput,
  presentVoters: number | null,
): Promise<string> {
  refuseLocked(minutes)
  itemOf(meeting, input.agendaItemId)
  check(
    voteProblem(
      { for: input.votesFor, against: input.votesAgainst, abstaining: input.votesAbstaining },
      presentVoters,
    ),
  )
  return db.transaction().execute(async (trx) => {
    await lockEditable(trx, minutes.id)
    if ((await q.countDecisions(trx, meeting.id)) >= minutesBounds.decisions)
      throw new RuleError('minutes.errors.tooManyDecisions', 'title')
    await sql`select pg_advisory_xact_lock(hashtext(${`decisions:${meeting.space_id}:${meeting.year}`}))`.execute(
      trx,
    )
    const number = (await q.lastDecisionNumber(trx, meeting.space_id, meeting.year)) + 1
    const row = await trx
      .insertInto('decisions')
      .values({
        space_id: meeting.space_id,
        meeting_id: meeting.id,
        agenda_item_id: input.agendaItemId,
        year: meeting.year,
        number,
        title: input.title,
        body: input.body,
        votes_for: input.votesFor,
        votes_against: input.votesAgainst,
        votes_abstaining: input.votesAbstaining,
        created_by: actor.id,
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, actor, {
      action: 'decisions.recorded',
      subjectType: 'decision',
      subjectId: row.id,
      details: { number: decisionNumber({ number, year: meeting.year }) },
    })
    return row.id
  })
}

/** Corrects a decision's text or vote while the minutes are not approved; its number stays. */
export async function updateDecision(
  db: Db,
  actor: Actor,
  meeting: Meeting,
  minutes: Minutes,
  decisionId: string,
  input: DecisionInput,
  presentVoters: number | null,
) {
  refuseLocked(minutes)
  itemOf(meeting, input.agendaItemId)
  check(
    voteProblem(
      { for: input.votesFor, against: input.votesAgainst, abstaining: input.votesAbstaining },
      presentVoters,
    ),
  )
  await db.transaction().execute(async (trx) => {
    await lockEditable(trx, minutes.id)
    const forwarded = await trx
      .selectFrom('decision_forwards')
      .select('id')
      .where('decision_id', '=', decisionId)
      .executeTakeFirst()
    if (forwarded) throw new RuleError('minutes.errors.decisionForwardedEdit')
    const done = await trx
      .updateTable('decisions')
      .set({
        agenda_item_id: input.agendaItemId,
        title: input.title,
        body: input.body,
        votes_for: input.votesFor,
        votes_against: input.votesAgainst,
        votes_abstaining: input.votesAbstaining,
        updated_at: new Date(),
      })
      .where('id', '=', decisionId)
      .where('meeting_id', '=', meeting.id)
      .executeTakeFirst()
    if (Number(done.numUpdatedRows) === 0) throw new RuleError('minutes.errors.decisionGone')
    await audit(trx, actor, { action: 'decisions.corrected', subjectType: 'decision', subjectId: decisionId })
  })
}

/** Withdraws a mistaken entry: only the register's last number of that year, so it keeps no gaps. */
export async function removeDecision(
  db: Db,
  actor: Actor,
  meeting: Meeting,
  minutes: Minutes,
  decisionId: string,
) {
  refuseLocked(minutes)
  await db.transaction().execute(async (trx) => {
    await lockEditable(trx, minutes.id)
    await sql`select pg_advisory_xact_lock(hashtext(${`decisions:${meeting.space_id}:${meeting.year}`}))`.execute(
      trx,
    )
    const d = await trx
      .selectFrom('decisions')
      .select(['number', 'year', 'created_at'])
      .where('id', '=', decisionId)
      .where('meeting_id', '=', meeting.id)
      .executeTakeFirst()
    if (!d) throw new RuleError('minutes.errors.decisionGone')
    if (!removableDecision(d.number, await q.lastDecisionNumber(trx, meeting.space_id, d.year)))
      throw new RuleError('minutes.errors.notLastDecision')
    // In a correction, a decision an approved revision holds stays: its number is in the archive.
    const approved = await q.lastApproval(trx, minutes.id)
    if (approved && d.created_at <= approved) throw new RuleError('minutes.errors.decisionApproved')
    const forwarded = await trx
      .selectFrom('decision_forwards')
      .select('id')
      .where('decision_id', '=', decisionId)
      .executeTakeFirst()
    if (forwarded) throw new RuleError('minutes.errors.decisionForwarded')
    await trx.deleteFrom('decisions').where('id', '=', decisionId).execute()
    await audit(trx, actor, {
      action: 'decisions.withdrawn',
      subjectType: 'decision',
      subjectId: decisionId,
      details: { number: decisionNumber(d) },
    })
  })
}

export interface ActionInput {
  agendaItemId: string
  title: string
  ownerId: string
  dueOn: string
}

/** An action item given out at the meeting: its owner (anyone with a seat that day, or the secretary) is told. */
export async function addAction(
  db: Db,
  actor: Actor,
  space: Space,
  meeting: Meeting,
  minutes: Minutes,
  input: ActionInput,
): Promise<string> {
  refuseLocked(minutes)
  itemOf(meeting, input.agendaItemId)
  const day = meetingDay(meeting)
  check(dueProblem(input.dueOn, day))
  const owners = await q.listOwnerChoices(db, meeting.space_id, day)
  if (!owners.some((o) => o.id === input.ownerId)) throw new RuleError('minutes.errors.owner', 'ownerId')
  return db.transaction().execute(async (trx) => {
    await lockEditable(trx, minutes.id)
    if ((await q.countActions(trx, meeting.id)) >= minutesBounds.actions)
      throw new RuleError('minutes.errors.tooManyActions', 'title')
    const row = await trx
      .insertInto('action_items')
      .values({
        space_id: meeting.space_id,
        meeting_id: meeting.id,
        agenda_item_id: input.agendaItemId,
        title: input.title,
        owner_id: input.ownerId,
        due_on: input.dueOn,
        created_by: actor.id,
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await notify(trx, [input.ownerId], {
      kind: 'actionAssigned',
      params: {
        title: input.title,
        ...namedIn(space, meeting),
        dueDay: input.dueOn,
      },
      link: '/actions',
    })
    await audit(trx, actor, { action: 'actions.assigned', subjectType: 'action_item', subjectId: row.id })
    return row.id
  })
}

export async function removeAction(
  db: Db,
  actor: Actor,
  meeting: Meeting,
  minutes: Minutes,
  actionId: string,
) {
  refuseLocked(minutes)
  await db.transaction().execute(async (trx) => {
    await lockEditable(trx, minutes.id)
    const done = await trx
      .deleteFrom('action_items')
      .where('id', '=', actionId)
      .where('meeting_id', '=', meeting.id)
      .executeTakeFirst()
    if (Number(done.numDeletedRows) === 0) throw new RuleError('minutes.errors.actionGone')
    await audit(trx, actor, { action: 'actions.removed', subjectType: 'action_item', subjectId: actionId })
  })
}

/** A notification's meeting and space, in both languages (the reader's is chosen when it is shown). */

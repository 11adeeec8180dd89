import { audit } from '../../../kernel/audit.ts'
import { addDays, today } from '../../../kernel/dates.ts'
import { RuleError } from '../../../kernel/errors.ts'
import type { Actor } from '../../../kernel/policy.ts'
import { notify } from '../../notifications/service.ts'
import { currentMemberIds, type Space } from '../../spaces/service.ts'
import type { Db } from '../db.ts'
import type { Meeting } from '../service.ts'
import { minutesContent, minutesDocument } from './content.ts'
import { check, itemOf, lockEditable, type Minutes, memberLink, namedIn, refuseLocked } from './editing.ts'
import * as q from './queries.ts'
import { queueRevisionFiles } from './revision-files.ts'
import { approvalProblem, commentsByProblem, commentsOpen, minutesBounds } from './rules.ts'

/** Sends the draft to the members for comments until a day; they are told. */
export async function sendForComments(
  db: Db,
  actor: Actor,
  space: Space,
  meeting: Meeting,
  minutes: Minutes,
  commentsBy: string,
  now = new Date(),
) {
  if (minutes.status !== 'draft') throw new RuleError('minutes.errors.alreadySent', 'commentsBy')
  const day = today(now)
  check(commentsByProblem(commentsBy, day, addDays(day, 92)))
  await db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('minutes')
      .set({ status: 'consultation', comments_by: commentsBy, sent_at: now, updated_at: now })
      .where('id', '=', minutes.id)
      .where('status', '=', 'draft')
      .executeTakeFirst()
    if (Number(done.numUpdatedRows) === 0) throw new RuleError('minutes.errors.alreadySent', 'commentsBy')
    const members = await currentMemberIds(trx, meeting.space_id, day)
    await notify(trx, members, {
      kind: 'minutesForComments',
      params: {
        ...namedIn(space, meeting),
        untilDay: commentsBy,
      },
      link: memberLink(meeting),
    })
    await audit(trx, actor, {
      action: 'minutes.sent-for-comments',
      subjectType: 'minutes',
      subjectId: minutes.id,
      details: { commentsBy },
    })
  })
}

/** A member's comment on the draft, on the whole or on one agenda item, until the deadline. */
export async function addComment(
  db: Db,
  actor: Actor,
  space: Space,
  meeting: Meeting,
  minutes: Minutes,
  input: { agendaItemId: string | null; body: string },
  now = new Date(),
) {
  if (!commentsOpen(minutes, today(now))) throw new RuleError('minutes.errors.commentsClosed', 'body')
  if (input.agendaItemId) itemOf(meeting, input.agendaItemId)
  await db.transaction().execute(async (trx) => {
    const locked = await q.lockMinutes(trx, minutes.id)
    if (!commentsOpen(locked, today(now))) throw new RuleError('minutes.errors.commentsClosed', 'body')
    if ((await q.countComments(trx, minutes.id)) >= minutesBounds.comments)
      throw new RuleError('minutes.errors.tooManyComments', 'body')
    const row = await trx
      .insertInto('minutes_comments')
      .values({
        minutes_id: minutes.id,
        revision: locked.revision,
        agenda_item_id: input.agendaItemId,
        person_id: actor.id,
        body: input.body,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (space.secretary_id && space.secretary_id !== actor.id)
      await notify(trx, [space.secretary_id], {
        kind: 'minutesComment',
        params: { person: actor.name, space_pl: space.name_pl, space_en: space.name_en },
        link: `${memberLink(meeting)}#comments`,
      })
    await audit(trx, actor, {
      action: 'minutes.commented',
      subjectType: 'minutes_comment',
      subjectId: row.id,
    })
  })
}

/** The secretary's answer to a comment (it may be changed until the approval). */
export async function answerComment(
  db: Db,
  actor: Actor,
  meeting: Meeting,
  minutes: Minutes,
  input: { commentId: string; answer: string },
) {
  refuseLocked(minutes)
  await db.transaction().execute(async (trx) => {
    const locked = await lockEditable(trx, minutes.id)
    const c = await trx
      .updateTable('minutes_comments')
      .set({ answer: input.answer, answered_by: actor.id, answered_at: new Date() })
      .where('id', '=', input.commentId)
      .where('minutes_id', '=', minutes.id)
      // Comments on an earlier, approved revision keep the answers they had.
      .where('revision', '=', locked.revision)
      .returning(['person_id'])
      .executeTakeFirst()
    if (!c) throw new RuleError('minutes.errors.commentGone', 'answer')
    await notify(trx, [c.person_id], {
      kind: 'minutesAnswer',
      params: { person: actor.name },
      link: `${memberLink(meeting)}#comments`,
    })
    await audit(trx, actor, {
      action: 'minutes.comment-answered',
      subjectType: 'minutes_comment',
      subjectId: input.commentId,
    })
  })
}

/**
 * The chair approves: the document as it stands is frozen as the next revision and the minutes are
 * locked. The row is locked first, so two approvals at once give one revision and one message.
 */
export async function approveMinutes(
  db: Db,
  actor: Actor,
  space: Space & { access: { role: string | null } },
  meeting: Meeting,
  minutes: Minutes,
  /** The revision the chair's page showed: a later one (a correction opened meanwhile) is not approved unseen. */
  seen: number | null,
  now = new Date(),
) {
  await db.transaction().execute(async (trx) => {
    const locked = await q.lockMinutes(trx, minutes.id)
    const unanswered = await q.countUnanswered(trx, minutes.id, locked.revision)
    check(approvalProblem(locked, unanswered, today(now)))
    if (seen !== null && seen !== locked.revision) throw new RuleError('minutes.errors.revisionChanged')
    // Read under the lock, so what is frozen is what is there at this moment.
    const content = await minutesContent(trx, meeting, minutes)
    const fresh = {
      ...minutes,
      ...locked,
      approved_at: now,
      approved_by: actor.id,
      approved_by_name: actor.name,
    }
    const seat = space.access.role
    const document = minutesDocument(
      space,
      meeting,
      { ...fresh, status: 'approved' },
      content,
      seat === 'chair' || seat === 'vice_chair' ? seat : null,
    )
    await trx
      .insertInto('minutes_revisions')
      .values({
        minutes_id: minutes.id,
        revision: locked.revision,
        document: JSON.stringify(document),
        approved_by: actor.id,
        approved_at: now,
      })
      .execute()
    await trx
      .updateTable('minutes')
      .set({ status: 'approved', approved_at: now, approved_by: actor.id, updated_at: now })
      .where('id', '=', minutes.id)
      .execute()
    // The register shows this text from now on (until the next correction is approved).
    await trx
      .updateTable('decisions')
      .set((eb) => ({
        approved_title: eb.ref('title'),
        approved_body: eb.ref('body'),
        approved_votes_for: eb.ref('votes_for'),
        approved_votes_against: eb.ref('votes_against'),
        approved_votes_abstaining: eb.ref('votes_abstaining'),
      }))
      .where('meeting_id', '=', meeting.id)
      .execute()
    // Its PDF/A, DOCX and ODT are made once, after this commits, by jobs: not on this request.
    await queueRevisionFiles(trx, minutes.id, locked.revision)
    const members = await currentMemberIds(trx, meeting.space_id, today(now))
    await notify(
      trx,
      members.filter((id) => id !== actor.id),
      {
        kind: 'minutesApproved',
        params: {
          ...namedIn(space, meeting),
        },
        link: memberLink(meeting),
      },
    )
    await audit(trx, actor, {
      action: 'minutes.approved',
      subjectType: 'minutes',
      subjectId: minutes.id,
      details: { revision: locked.revision },
    })
  })
}

/**
 * A correction of approved minutes: the next revision opens as a draft (the approved one stays as it
 * was, downloadable), to go through comments and approval again. The reason is kept in the audit log.
 */
export async function openCorrection(db: Db, actor: Actor, minutes: Minutes, reason: string) {
  await db.transaction().execute(async (trx) => {
    const locked = await q.lockMinutes(trx, minutes.id)
    if (locked.status !== 'approved') throw new RuleError('minutes.errors.notApproved', 'reason')
    if (locked.revision >= minutesBounds.revisions)
      throw new RuleError('minutes.errors.tooManyRevisions', 'reason')
    await trx
      .updateTable('minutes')
      .set({
        status: 'draft',
        revision: locked.revision + 1,
        version: locked.version + 1,
        comments_by: null,
        sent_at: null,
        approved_at: null,
        approved_by: null,
        updated_by: actor.id,
        updated_at: new Date(),
      })
      .where('id', '=', minutes.id)
      .execute()
    await audit(trx, actor, {
      action: 'minutes.correction-opened',
      subjectType: 'minutes',
      subjectId: minutes.id,
      details: { revision: locked.revision + 1, reason },
    })
  })
}

/** An approved revision's frozen document. */

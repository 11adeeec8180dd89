// Minutes of a meeting (issue 5, item 7; seed 000: "sporządzanie protokołów"): the secretary drafts
// them from the agenda and the presence records, with the decisions taken (and their vote) and the
// action items given out; the draft goes to the members for comments by a day, the secretary answers
// each comment, the chair approves, and the approved text is frozen as a numbered revision.
import { sql } from 'kysely'
import { audit } from '../../../kernel/audit.ts'
import { addDays, today } from '../../../kernel/dates.ts'
import type { Db } from '../../../kernel/db.ts'
import { RuleError } from '../../../kernel/errors.ts'
import { translator } from '../../../kernel/i18n.ts'
import type { Actor } from '../../../kernel/policy.ts'
import { notify } from '../../notifications/service.ts'
import { currentMemberIds, type Space } from '../../spaces/service.ts'
import { isThere, meetingDay, presenceList } from '../attendance/service.ts'
import type { Presence } from '../attendance/tables.ts'
import type { Meeting } from '../service.ts'
import { meetingName } from '../views/meeting-name.ts'
import type { MinutesAttendee, MinutesDocument } from './document.ts'
import * as q from './queries.ts'
import { queueRevisionFiles } from './revision-files.ts'
import {
  approvalProblem,
  commentsByProblem,
  commentsOpen,
  decisionNumber,
  dueProblem,
  editable,
  minutesBounds,
  type Problem,
  removableDecision,
  startProblem,
  voteProblem,
} from './rules.ts'

export type Minutes = q.MinutesRow

const check = (p: Problem) => {
  if (p) throw new RuleError(p.key, p.field)
}

const refuseLocked = (m: Minutes) =>
  check(editable(m.status) ? null : { key: 'minutes.errors.locked', field: '_form' })

/**
 * Inside a transaction: the minutes' row locked, so saves, decisions, comments and the approval go one
 * at a time, and checked to be still open for changes (an approval may have come in between).
 */
async function lockEditable(trx: Db, minutesId: string) {
  const now = await q.lockMinutes(trx, minutesId)
  if (!editable(now.status)) throw new RuleError('minutes.errors.locked')
  return now
}

/** The field of an agenda item's summary in the minutes form. */
export const summaryField = (agendaItemId: string) => `summary-${agendaItemId}`

export async function findMinutes(db: Db, meeting: Meeting): Promise<Minutes | undefined> {
  return q.findMinutes(db, meeting.id)
}

/** Opens the minutes of a meeting that has begun; a second start finds the first. */
export async function startMinutes(db: Db, actor: Actor, meeting: Meeting, now = new Date()): Promise<void> {
  check(startProblem(meeting, now))
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('minutes')
      .values({ meeting_id: meeting.id, created_by: actor.id, updated_by: actor.id, updated_at: new Date() })
      .onConflict((oc) => oc.column('meeting_id').doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!row) return
    await audit(trx, actor, { action: 'minutes.started', subjectType: 'meeting', subjectId: meeting.id })
  })
}

/** Everything the minutes page and the document are made of, in parallel. */
export async function minutesContent(db: Db, meeting: Meeting, minutes: Minutes) {
  const [entries, decisions, actions, comments, revisions, lines] = await Promise.all([
    q.listEntries(db, minutes.id),
    q.listDecisions(db, meeting.id),
    q.listActions(db, meeting.id),
    q.listComments(db, minutes.id),
    q.listRevisions(db, minutes.id),
    presenceList(db, meeting),
  ])
  const attendees: MinutesAttendee[] = lines.flatMap((l) =>
    l.presence
      ? [{ name: l.name, organisation: l.organisation, presence: l.presence, deputyFor: l.inPlaceOf }]
      : [],
  )
  return {
    summaries: new Map(entries.map((e) => [e.agenda_item_id, e.summary])),
    decisions,
    actions,
    comments,
    revisions,
    attendees,
    presentVoters: countPresentVoters(lines),
  }
}

/** Members with a vote (or their deputies) present: the most votes a decision may have; null before presence is recorded. */
function countPresentVoters(lines: readonly { presence: Presence | null }[]): number | null {
  return lines.some((l) => l.presence !== null) ? lines.filter((l) => isThere(l.presence)).length : null
}

export const presentVoters = async (db: Db, meeting: Meeting) =>
  countPresentVoters(await presenceList(db, meeting))
export type MinutesContent = Awaited<ReturnType<typeof minutesContent>>

/** The minutes as one document (the page, an approved revision, the exports). */
export function minutesDocument(
  space: Pick<Space, 'name_pl'>,
  meeting: Meeting,
  minutes: Minutes,
  c: MinutesContent,
): MinutesDocument {
  return {
    spaceName: space.name_pl,
    meeting: {
      kind: meeting.kind,
      number: meeting.number,
      year: meeting.year,
      startsAt: meeting.starts_at.toISOString(),
      endsAt: meeting.ends_at.toISOString(),
      place: meeting.place,
      onlineUrl: meeting.online_url,
    },
    revision: minutes.revision,
    status: minutes.status,
    approvedAt: minutes.approved_at?.toISOString() ?? null,
    approvedBy: minutes.approved_by_name,
    attendees: c.attendees,
    opening: minutes.opening,
    items: meeting.agenda.map((a) => ({
      position: a.position,
      title: a.title,
      presenter: a.presenter,
      kind: a.kind,
      summary: c.summaries.get(a.id) ?? '',
      decisions: c.decisions
        .filter((d) => d.agenda_item_id === a.id)
        .map((d) => ({
          number: decisionNumber(d),
          title: d.title,
          body: d.body,
          votes: { for: d.votes_for, against: d.votes_against, abstaining: d.votes_abstaining },
        })),
      actions: c.actions
        .filter((x) => x.agenda_item_id === a.id)
        .map((x) => ({ title: x.title, owner: x.owner_name, dueOn: x.due_on })),
    })),
    closing: minutes.closing,
  }
}

export interface MinutesTexts {
  opening: string
  closing: string
  summaries: Record<string, string>
}

const maxText = 50_000

/**
 * Saves the texts, if the page they were written on showed the current version; otherwise nothing
 * is saved and what is there now comes back, to be shown beside what the person typed.
 */
export async function saveTexts(
  db: Db,
  actor: Actor,
  meeting: Meeting,
  minutes: Minutes,
  input: MinutesTexts & { version: number },
): Promise<{ saved: true } | { saved: false; theirs: MinutesTexts; version: number; by: string | null }> {
  for (const [id, text] of Object.entries(input.summaries))
    if (text.length > maxText) throw new RuleError('errors.tooLong', summaryField(id))
  for (const field of ['opening', 'closing'] as const)
    if (input[field].length > maxText) throw new RuleError('errors.tooLong', field)
  const items = new Set(meeting.agenda.map((a) => a.id))
  const rows = Object.entries(input.summaries)
    .filter(([id]) => items.has(id))
    .map(([agenda_item_id, summary]) => ({ minutes_id: minutes.id, agenda_item_id, summary }))
  return db.transaction().execute(async (trx) => {
    const now = await q.lockMinutes(trx, minutes.id)
    refuseLocked({ ...minutes, status: now.status })
    if (now.version !== input.version) {
      const entries = await q.listEntries(trx, minutes.id)
      const by = await q.findMinutes(trx, meeting.id)
      return {
        saved: false as const,
        theirs: {
          opening: now.opening,
          closing: now.closing,
          summaries: Object.fromEntries(entries.map((e) => [e.agenda_item_id, e.summary])),
        },
        version: now.version,
        by: by?.updated_by_name ?? null,
      }
    }
    await trx
      .updateTable('minutes')
      .set({
        opening: input.opening,
        closing: input.closing,
        version: now.version + 1,
        updated_by: actor.id,
        updated_at: new Date(),
      })
      .where('id', '=', minutes.id)
      .execute()
    if (rows.length > 0)
      await trx
        .insertInto('minutes_entries')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['minutes_id', 'agenda_item_id']).doUpdateSet({ summary: sql`excluded.summary` }),
        )
        .execute()
    await audit(trx, actor, {
      action: 'minutes.saved',
      subjectType: 'minutes',
      subjectId: minutes.id,
      details: { version: now.version + 1 },
    })
    return { saved: true as const }
  })
}

const itemOf = (meeting: Meeting, agendaItemId: string) => {
  if (!meeting.agenda.some((a) => a.id === agendaItemId))
    throw new RuleError('minutes.errors.agendaItem', 'agendaItemId')
}

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
function namedIn(space: Pick<Space, 'name_pl' | 'name_en'>, meeting: Meeting) {
  return {
    meeting_pl: meetingName(translator('pl'), meeting),
    meeting_en: meetingName(translator('en'), meeting),
    space_pl: space.name_pl,
    space_en: space.name_en,
  }
}

const memberLink = (meeting: Meeting) => `/spaces/${meeting.space_id}/meetings/${meeting.id}/minutes`

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
  space: Space,
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
    const document = minutesDocument(space, meeting, { ...fresh, status: 'approved' }, content)
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
export const approvedRevision = (db: Db, minutes: Minutes, revision: number) =>
  q.findRevision(db, minutes.id, revision)

// Meetings of a space (seed 000: "przygotowanie i obsługa posiedzeń"): convening and the agenda.
import { sql } from 'kysely'
import { audit } from '../../kernel/audit.ts'
import { type Day, warsawDayAndTime, warsawInstant } from '../../kernel/dates.ts'
import { NotFoundError, RuleError, sqlState } from '../../kernel/errors.ts'
import type { Actor } from '../../kernel/policy.ts'
import type { Space } from '../spaces/service.ts'
import type { Db } from './db.ts'
import { deliverNotice, noticeTerms, type Site } from './notices/service.ts'
import * as q from './queries.ts'
import {
  changedFacts,
  dayOffProblem,
  maxAgendaItems,
  meetingTimesProblem,
  moved,
  placeProblem,
} from './rules.ts'
import type { MeetingForm } from './schemas.ts'
import type { AgendaKind } from './tables.ts'
import { hostProblem } from './visits/rules.ts'

export type Meeting = q.MeetingRow

export async function requireMeeting(db: Db, spaceId: string, id: string): Promise<Meeting> {
  const meeting = await q.findMeeting(db, id)
  if (!meeting || meeting.space_id !== spaceId) throw new NotFoundError()
  return meeting
}

/**
 * Convenes a meeting: entered on a Warsaw clock, kept in UTC, numbered in its space and year. Two
 * meetings convened at once meet the unique number and the second is asked to try again.
 */
export async function conveneMeeting(
  db: Db,
  actor: Actor,
  spaceId: string,
  input: MeetingForm,
  now = new Date(),
) {
  const values = meetingValues(input, now)
  const year = Number(input.day.slice(0, 4))
  try {
    return await db.transaction().execute(async (trx) => {
      const number = await q.nextMeetingNumber(trx, spaceId, year)
      const meeting = await trx
        .insertInto('meetings')
        .values({
          ...values,
          space_id: spaceId,
          year,
          number,
          created_by: actor.id,
          updated_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await audit(trx, actor, {
        action: 'meetings.convened',
        subjectType: 'meeting',
        subjectId: meeting.id,
        details: { spaceId, year, number, startsAt: values.starts_at.toISOString() },
      })
      return meeting.id
    })
  } catch (err) {
    if (sqlState(err) === '23505') throw new RuleError('meetings.errors.numberTaken')
    throw err
  }
}

/** A meeting can change, be told of or be cancelled while it is planned and has not started. */
/** A meeting still ahead and not cancelled: its facts and agenda may change. */
export const isAhead = (meeting: Pick<Meeting, 'status' | 'starts_at'>, now = new Date()) =>
  meeting.status !== 'cancelled' && meeting.starts_at.getTime() > now.getTime()

function checkOpen(meeting: Meeting, key: string, now = new Date()) {
  if (!isAhead(meeting, now)) throw new RuleError(key)
}

/**
 * The times and place a form gives, checked as when convening; a day off needs the person's word
 * unless it is the day the meeting already has (`keptDay`).
 */
function meetingValues(input: MeetingForm, now: Date, keptDay?: Day) {
  const startsAt = warsawInstant(input.day, input.startTime)
  const endsAt = warsawInstant(input.day, input.endTime)
  // Answers are due by the end of the chosen day.
  const confirmBy = warsawInstant(input.confirmBy, '23:59')
  const problem =
    meetingTimesProblem({ startsAt, endsAt, confirmBy }, now) ??
    placeProblem(input.place, input.onlineUrl) ??
    hostProblem(input.kind, input.hostName) ??
    dayOffProblem(input.day, input.dayOffConfirmed, keptDay)
  if (problem) throw new RuleError(problem.key, problem.field)
  // Only a study visit has a host: a meeting keeps none, whatever the form sent.
  const visit = input.kind === 'study_visit'
  return {
    kind: input.kind,
    subject: input.subject,
    starts_at: startsAt,
    ends_at: endsAt,
    place: input.place,
    online_url: input.onlineUrl,
    confirm_by: confirmBy,
    host_name: visit ? input.hostName : '',
    host_region: visit ? input.hostRegion : '',
    host_town: visit ? input.hostTown : '',
  }
}

/**
 * Sends the notice of a meeting to its space's members and the managing authority. After the
 * rules' notice period it needs a reason; it goes once (a later change sends an update).
 */
export async function sendNotice(
  db: Db,
  actor: Actor,
  space: Space,
  meeting: Meeting,
  input: { lateReason: string | null },
  site: Site,
  now = new Date(),
) {
  checkOpen(meeting, 'meetings.notices.closed', now)
  if (meeting.notice_sent_at) throw new RuleError('meetings.notices.alreadySent')
  const terms = noticeTerms(meeting)
  if (terms.notice === 'missed' && !input.lateReason)
    throw new RuleError('meetings.notices.lateReasonRequired', 'lateReason')
  await db.transaction().execute(async (trx) => {
    // Two secretaries sending at once: the second finds it sent.
    const marked = await trx
      .updateTable('meetings')
      .set({ notice_sent_at: now, updated_at: now })
      .where('id', '=', meeting.id)
      .where('notice_sent_at', 'is', null)
      .executeTakeFirst()
    if (Number(marked.numUpdatedRows) !== 1) throw new RuleError('meetings.notices.alreadySent')
    await deliverNotice(
      trx,
      actor,
      meeting,
      space,
      'request',
      { lateReason: terms.notice === 'missed' ? input.lateReason : null },
      site,
    )
  })
}

/**
 * Changes a meeting's time, place, subject or attendance deadline. Once the notice is out, the
 * change raises the SEQUENCE and sends every recipient an update: never silently. `version` is
 * the SEQUENCE the person's form showed; a change made meanwhile refuses the save.
 */
export async function changeMeeting(
  db: Db,
  actor: Actor,
  space: Space,
  meeting: Meeting,
  input: MeetingForm & { version: number },
  site: Site,
  now = new Date(),
): Promise<'unchanged' | 'saved' | 'sent'> {
  checkOpen(meeting, 'meetings.errors.closed', now)
  if (input.version !== meeting.sequence) throw new RuleError('meetings.errors.changedMeanwhile')
  const values = meetingValues(input, now, warsawDayAndTime(meeting.starts_at).day)
  const changes = changedFacts(meeting, values)
  if (changes.length === 0) return 'unchanged'
  const tell = meeting.notice_sent_at !== null
  const year = Number(input.day.slice(0, 4))
  try {
    await db.transaction().execute(async (trx) => {
      // A meeting moved into another year takes the next number of that year.
      const number = year === meeting.year ? meeting.number : await q.nextMeetingNumber(trx, space.id, year)
      const r = await trx
        .updateTable('meetings')
        .set({ ...values, year, number, sequence: meeting.sequence + (tell ? 1 : 0), updated_at: now })
        .where('id', '=', meeting.id)
        .where('sequence', '=', meeting.sequence)
        .where('status', '=', 'planned')
        .executeTakeFirst()
      if (Number(r.numUpdatedRows) !== 1) throw new RuleError('meetings.errors.changedMeanwhile')
      await audit(trx, actor, {
        action: 'meetings.changed',
        subjectType: 'meeting',
        subjectId: meeting.id,
        details: { changes, startsAt: values.starts_at.toISOString(), told: tell },
      })
      if (tell) {
        const changed = await q.findMeeting(trx, meeting.id)
        if (changed) await deliverNotice(trx, actor, changed, space, 'update', { changes }, site)
      }
    })
  } catch (err) {
    if (sqlState(err) === '23505') throw new RuleError('meetings.errors.numberTaken')
    throw err
  }
  return tell ? 'sent' : 'saved'
}

/** Cancels a meeting with a reason; those who had the notice get METHOD:CANCEL. */
export async function cancelMeeting(
  db: Db,
  actor: Actor,
  space: Space,
  meeting: Meeting,
  reason: string,
  site: Site,
  now = new Date(),
): Promise<'cancelled' | 'sent'> {
  checkOpen(meeting, 'meetings.errors.closed', now)
  const tell = meeting.notice_sent_at !== null
  await db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('meetings')
      .set({
        status: 'cancelled',
        cancelled_at: now,
        cancel_reason: reason,
        sequence: meeting.sequence + (tell ? 1 : 0),
        updated_at: now,
      })
      .where('id', '=', meeting.id)
      .where('status', '=', 'planned')
      .executeTakeFirst()
    if (Number(r.numUpdatedRows) !== 1) throw new RuleError('meetings.errors.closed')
    await audit(trx, actor, {
      action: 'meetings.cancelled',
      subjectType: 'meeting',
      subjectId: meeting.id,
      details: { reason, told: tell },
    })
    if (tell) {
      const cancelled = await q.findMeeting(trx, meeting.id)
      if (cancelled) await deliverNotice(trx, actor, cancelled, space, 'cancel', {}, site)
    }
  })
  return tell ? 'sent' : 'cancelled'
}

/** Items are added, moved and removed until the meeting starts. */
function checkAgendaOpen(meeting: Meeting, now = new Date()) {
  checkOpen(meeting, 'meetings.errors.agendaClosed', now)
}

type AgendaInput = { title: string; presenter: string; minutes: number; kind: AgendaKind }

export async function addAgendaItem(db: Db, actor: Actor, meeting: Meeting, input: AgendaInput) {
  checkAgendaOpen(meeting)
  await db.transaction().execute((trx) => insertAgendaItem(trx, actor, meeting, input))
}

/**
 * Inside the caller's transaction, once it has checked the agenda is open: the item goes last. The
 * meeting's row is locked, so two additions at once cannot pass the agenda's bound; past it the
 * item is refused beside `field`.
 */
export async function insertAgendaItem(
  trx: Db,
  actor: Actor,
  meeting: Meeting,
  input: AgendaInput,
  field = 'title',
): Promise<string> {
  await trx.selectFrom('meetings').select('id').where('id', '=', meeting.id).forUpdate().execute()
  const last = await trx
    .selectFrom('agenda_items')
    .select((eb) => [eb.fn.max('position').as('p'), eb.fn.countAll<string>().as('n')])
    .where('meeting_id', '=', meeting.id)
    .executeTakeFirst()
  if (Number(last?.n ?? 0) >= maxAgendaItems) throw new RuleError('meetings.errors.agendaFull', field)
  const row = await trx
    .insertInto('agenda_items')
    .values({ meeting_id: meeting.id, position: Number(last?.p ?? 0) + 1, ...input })
    .returning('id')
    .executeTakeFirstOrThrow()
  await audit(trx, actor, {
    action: 'meetings.agenda-item-added',
    subjectType: 'meeting',
    subjectId: meeting.id,
    details: { title: input.title },
  })
  return row.id
}

/** Moves an item one place; positions are rewritten in one statement. */
export async function moveAgendaItem(
  db: Db,
  actor: Actor,
  meeting: Meeting,
  itemId: string,
  direction: 'up' | 'down',
) {
  checkAgendaOpen(meeting)
  const order = moved(
    meeting.agenda.map((a) => a.id),
    itemId,
    direction,
  )
  if (!meeting.agenda.some((a) => a.id === itemId)) throw new NotFoundError()
  await db.transaction().execute(async (trx) => {
    await sql`update agenda_items set position = o.position
      from unnest(${order}::uuid[], ${order.map((_, i) => i + 1)}::int[]) as o(id, position)
      where agenda_items.id = o.id and agenda_items.meeting_id = ${meeting.id}`.execute(trx)
    await audit(trx, actor, {
      action: 'meetings.agenda-item-moved',
      subjectType: 'meeting',
      subjectId: meeting.id,
      details: { itemId, direction },
    })
  })
}

export async function removeAgendaItem(db: Db, actor: Actor, meeting: Meeting, itemId: string) {
  checkAgendaOpen(meeting)
  await db.transaction().execute(async (trx) => {
    const r = await trx
      .deleteFrom('agenda_items')
      .where('id', '=', itemId)
      .where('meeting_id', '=', meeting.id)
      .returning('title')
      .executeTakeFirst()
    if (!r) throw new NotFoundError()
    await audit(trx, actor, {
      action: 'meetings.agenda-item-removed',
      subjectType: 'meeting',
      subjectId: meeting.id,
      details: { title: r.title },
    })
  })
}

export { listMeetings, rulesOf } from './queries.ts'

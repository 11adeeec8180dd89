// Meetings of a space (seed 000: "przygotowanie i obsługa posiedzeń"): convening and the agenda.
import { sql } from 'kysely'
import { audit } from '../../kernel/audit.ts'
import { warsawInstant } from '../../kernel/dates.ts'
import type { Db } from '../../kernel/db.ts'
import { NotFoundError, RuleError, sqlState } from '../../kernel/errors.ts'
import type { Actor } from '../../kernel/policy.ts'
import * as q from './queries.ts'
import { meetingTimesProblem, moved, placeProblem } from './rules.ts'
import type { MeetingForm } from './schemas.ts'
import type { AgendaKind } from './tables.ts'

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
  const startsAt = warsawInstant(input.day, input.startTime)
  const endsAt = warsawInstant(input.day, input.endTime)
  // Answers are due by the end of the chosen day.
  const confirmBy = warsawInstant(input.confirmBy, '23:59')
  const problem =
    meetingTimesProblem({ startsAt, endsAt, confirmBy }, now) ?? placeProblem(input.place, input.onlineUrl)
  if (problem) throw new RuleError(problem.key, problem.field)
  const year = Number(input.day.slice(0, 4))
  try {
    return await db.transaction().execute(async (trx) => {
      const number = await q.nextMeetingNumber(trx, spaceId, year)
      const meeting = await trx
        .insertInto('meetings')
        .values({
          space_id: spaceId,
          kind: input.kind,
          year,
          number,
          subject: input.subject,
          starts_at: startsAt,
          ends_at: endsAt,
          place: input.place,
          online_url: input.onlineUrl,
          confirm_by: confirmBy,
          created_by: actor.id,
          updated_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await audit(trx, actor, {
        action: 'meetings.convened',
        subjectType: 'meeting',
        subjectId: meeting.id,
        details: { spaceId, year, number, startsAt: startsAt.toISOString() },
      })
      return meeting.id
    })
  } catch (err) {
    if (sqlState(err) === '23505') throw new RuleError('meetings.errors.numberTaken')
    throw err
  }
}

/** Items are added, moved and removed until the meeting starts. */
function checkAgendaOpen(meeting: Meeting, now = new Date()) {
  if (meeting.status === 'cancelled' || meeting.starts_at.getTime() <= now.getTime())
    throw new RuleError('meetings.errors.agendaClosed')
}

export async function addAgendaItem(
  db: Db,
  actor: Actor,
  meeting: Meeting,
  input: { title: string; presenter: string; minutes: number; kind: AgendaKind },
) {
  checkAgendaOpen(meeting)
  await db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('agenda_items')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('meeting_id', '=', meeting.id)
      .executeTakeFirst()
    await trx
      .insertInto('agenda_items')
      .values({ meeting_id: meeting.id, position: Number(last?.p ?? 0) + 1, ...input })
      .execute()
    await audit(trx, actor, {
      action: 'meetings.agenda-item-added',
      subjectType: 'meeting',
      subjectId: meeting.id,
      details: { title: input.title },
    })
  })
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

export { listMeetings } from './queries.ts'

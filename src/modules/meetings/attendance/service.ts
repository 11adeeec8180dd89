import { audit } from '../../../kernel/audit.ts'
import { addDays, startOfWarsawDay, today, warsawDayAndTime } from '../../../kernel/dates.ts'
import { ForbiddenError, RuleError, sqlState } from '../../../kernel/errors.ts'
import { translator } from '../../../kernel/i18n.ts'
import type { JobQueue } from '../../../kernel/jobs.ts'
import type { Actor, SpaceRole } from '../../../kernel/policy.ts'
import { notifyEach } from '../../notifications/service.ts'
import type { Db, Pool } from '../db.ts'
import { rulesOf } from '../queries.ts'
import { answersOpen, presenceOpen, type Quorum, quorum } from '../rules.ts'
import type { Meeting } from '../service.ts'
import { meetingName } from '../views/meeting-name.ts'
import * as q from './queries.ts'
import type { Answer, Presence } from './tables.ts'

/** A meeting's day in Warsaw: memberships and presence count by it. */
export const meetingDay = (m: { starts_at: Date }) => warsawDayAndTime(m.starts_at).day

/** Present, in person or online. */
export const isThere = (p: Presence | null) => p === 'in_person' || p === 'online'

/** One line of the presence form and of the list for signing: a member, or a deputy a member sends. */
export interface ListLine {
  personId: string
  name: string
  organisation: string | null
  role: SpaceRole
  /** For a deputy: the member they stand in for. */
  inPlaceOf: string | null
  presence: Presence | null
}

/** Members first, each followed by the deputy they send. */
export function listLines(rows: readonly q.ExpectedRow[]): ListLine[] {
  return rows.flatMap((r) => [
    {
      personId: r.person_id,
      name: r.name,
      organisation: r.organisation_name,
      role: r.role,
      inPlaceOf: null,
      presence: r.presence,
    },
    ...(r.answer === 'deputy' && r.deputy_id
      ? [
          {
            personId: r.deputy_id,
            name: r.deputy_name ?? '',
            organisation: r.deputy_organisation_name,
            role: 'deputy' as const,
            inPlaceOf: r.name,
            presence: r.deputy_presence,
          },
        ]
      : []),
  ])
}

/** Who is expected, once each (a person holds one seat with a vote at a time). */
export async function expected(db: Db, meeting: Meeting) {
  const rows = (await q.listExpected(db, meeting, meetingDay(meeting))) as q.ExpectedRow[]
  const seen = new Set<string>()
  return rows.filter((r) => !seen.has(r.person_id) && seen.add(r.person_id))
}

export interface Attendance {
  /** Answers are still taken. */
  open: boolean
  /** The person asking is expected and answers for themselves here. */
  mine: {
    answer: Answer | null
    deputyId: string | null
    deputyName: string | null
    answeredAt: Date | null
  } | null
  deputyChoices: { id: string; name: string }[]
  /** What the secretary sees: every answer, and from the meeting's day the presence and quorum. */
  secretary: {
    rows: q.ExpectedRow[]
    counts: Record<Answer | 'none', number>
    presenceOpen: boolean
    lines: ListLine[]
    quorum: Quorum | null
  } | null
}

/** What the meeting page shows this person about attendance. */
export async function attendanceFor(
  db: Db,
  actor: Actor,
  meeting: Meeting,
  may: { convene: boolean },
  now = new Date(),
): Promise<Attendance> {
  const day = meetingDay(meeting)
  const open = answersOpen(meeting, now)
  const rows = await expected(db, meeting)
  const own = rows.find((r) => r.person_id === actor.id)
  const deputyChoices = own && open ? await q.listDeputyChoices(db, meeting.space_id, day, actor.id) : []
  let secretary: Attendance['secretary'] = null
  if (may.convene) {
    const counts = { yes: 0, no: 0, deputy: 0, none: 0 }
    for (const r of rows) counts[r.answer ?? 'none']++
    const recorded = rows.some((r) => r.presence !== null)
    const { quorumPercent } = rulesOf(meeting)
    secretary = {
      rows,
      counts,
      presenceOpen: presenceOpen(meeting, day, today(now)),
      lines: listLines(rows),
      quorum: recorded
        ? quorum(
            rows.map((r) => ({
              present: isThere(r.presence),
              deputyPresent: r.answer === 'deputy' && isThere(r.deputy_presence),
            })),
            quorumPercent,
          )
        : null,
    }
  }
  return {
    open,
    mine: own
      ? {
          answer: own.answer,
          deputyId: own.deputy_id,
          deputyName: own.deputy_name,
          answeredAt: own.answered_at,
        }
      : null,
    deputyChoices,
    secretary,
  }
}

/**
 * A member answers for themselves (the person is the actor): coming, not coming, or sending one of
 * the space's deputies who stands in for them or for any member. Changed freely until confirm_by.
 */
export async function answerAttendance(
  db: Db,
  actor: Actor,
  meeting: Meeting,
  input: { answer: Answer; deputyId: string | null },
  now = new Date(),
) {
  const day = meetingDay(meeting)
  const rows = await expected(db, meeting)
  if (!rows.some((r) => r.person_id === actor.id)) throw new ForbiddenError()
  if (meeting.status === 'cancelled') throw new RuleError('attendance.errors.cancelled')
  if (!answersOpen(meeting, now)) throw new RuleError('attendance.errors.closed')
  const deputyId = input.answer === 'deputy' ? input.deputyId : null
  if (input.answer === 'deputy') {
    if (!deputyId) throw new RuleError('attendance.errors.deputyMissing', 'deputyId')
    const choices = await q.listDeputyChoices(db, meeting.space_id, day, actor.id)
    if (!choices.some((c) => c.id === deputyId))
      throw new RuleError('attendance.errors.notDeputy', 'deputyId')
  }
  try {
    await db.transaction().execute(async (trx) => {
      await q.saveAnswer(trx, {
        meetingId: meeting.id,
        personId: actor.id,
        answer: input.answer,
        deputyId,
        at: now,
      })
      await audit(trx, actor, {
        action: 'meetings.attendance-answered',
        subjectType: 'meeting',
        subjectId: meeting.id,
        details: { answer: input.answer, ...(deputyId ? { deputyId } : {}) },
      })
    })
  } catch (err) {
    // Another member named the same deputy a moment earlier: a deputy stands in for one member.
    if (sqlState(err) === '23505') throw new RuleError('attendance.errors.deputyTaken', 'deputyId')
    throw err
  }
}

/** The field of a person's presence in the presence form. */
export const presenceField = (personId: string) => `presence-${personId}`

/**
 * The secretary records who was there, from the meeting's day on: everyone on the list (members and
 * the deputies they sent) in one statement.
 */
export async function recordPresence(
  db: Db,
  actor: Actor,
  meeting: Meeting,
  input: Record<string, Presence>,
  now = new Date(),
) {
  const day = meetingDay(meeting)
  if (!presenceOpen(meeting, day, today(now))) throw new RuleError('attendance.errors.presenceNotYet')
  const lines = listLines(await expected(db, meeting))
  const rows = lines.flatMap((l) => {
    const presence = input[presenceField(l.personId)]
    return presence ? [{ personId: l.personId, presence }] : []
  })
  await db.transaction().execute(async (trx) => {
    await q.savePresence(trx, meeting.id, rows, actor.id, now)
    await audit(trx, actor, {
      action: 'meetings.presence-recorded',
      subjectType: 'meeting',
      subjectId: meeting.id,
      details: {
        inPerson: rows.filter((r) => r.presence === 'in_person').length,
        online: rows.filter((r) => r.presence === 'online').length,
        absent: rows.filter((r) => r.presence === 'absent').length,
      },
    })
  })
}

/** The people on the presence form, for its schema. */
export async function presenceList(db: Db, meeting: Meeting): Promise<ListLine[]> {
  return listLines(await expected(db, meeting))
}

/**
 * Reminds, once, every member with a vote who has not answered for a meeting whose answers are due
 * within two days (by the end of the day after tomorrow, Warsaw time): one statement finds and marks
 * them all, one more notifies them all.
 */
export async function sendAttendanceReminders(db: Pool, now = new Date()): Promise<number> {
  const dueBefore = startOfWarsawDay(addDays(today(now), 3))
  const pl = translator('pl')
  const en = translator('en')
  return db.transaction().execute(async (trx) => {
    const due = await q.takeDueReminders(trx, now, dueBefore)
    await notifyEach(
      trx,
      due.map((d) => ({
        personId: d.person_id,
        kind: 'attendanceReminder' as const,
        params: {
          meeting_pl: meetingName(pl, d),
          meeting_en: meetingName(en, d),
          space_pl: d.name_pl,
          space_en: d.name_en,
          untilDay: warsawDayAndTime(d.confirm_by).day,
        },
        link: `/spaces/${d.space_id}/meetings/${d.meeting_id}#attendance`,
      })),
    )
    return due.length
  })
}

export function attendanceQueues(db: Pool): JobQueue[] {
  // Before the 07:00 digest, so those who read one find the reminder in it the same morning.
  return [
    {
      name: 'meetings.attendance-reminders',
      cron: '30 6 * * *',
      handler: () => sendAttendanceReminders(db).then(() => {}),
    },
  ]
}

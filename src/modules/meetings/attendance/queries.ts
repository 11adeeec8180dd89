// Attendance's tables. People's and organisations' names and the space's memberships are joined
// read-only, to show who is expected in one round trip (DESIGN.md).
import { sql } from 'kysely'
import { votingRoles } from '../../../kernel/policy.ts'
import { currentOn, membershipRows, spaceRows } from '../../spaces/index.ts'
import type { Db } from '../db.ts'
import type { Answer, Presence } from './tables.ts'

/**
 * Who is expected at a meeting: the space's members with a vote on its day, chair first, each with
 * their answer, the deputy they send, and what the secretary recorded for both. Three tables are
 * joined and the rest are looked up per row (each by its key): with all eight joined, PostgreSQL
 * spent 6–13 ms planning the join order on PGlite for 2 ms of execution (BENCHMARKS.md).
 */
export function listExpected(db: Db, meeting: { id: string; space_id: string }, day: string) {
  return db
    .selectFrom(membershipRows(db).as('m'))
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .leftJoin('meeting_answers as a', (j) =>
      j.onRef('a.person_id', '=', 'm.person_id').on('a.meeting_id', '=', meeting.id),
    )
    .select(['m.person_id', 'm.role', 'p.name'])
    .select((eb) =>
      eb
        .selectFrom('organisations as o')
        .select('o.name')
        .whereRef('o.id', '=', 'm.organisation_id')
        .as('organisation_name'),
    )
    .select(['a.answer', 'a.answered_at', 'a.deputy_id'])
    .select((eb) => [
      eb.selectFrom('people as d').select('d.name').whereRef('d.id', '=', 'a.deputy_id').as('deputy_name'),
      eb
        .selectFrom('people as d')
        .innerJoin('organisations as dor', 'dor.id', 'd.organisation_id')
        .select('dor.name')
        .whereRef('d.id', '=', 'a.deputy_id')
        .as('deputy_organisation_name'),
      eb
        .selectFrom('meeting_presence as pr')
        .select('pr.presence')
        .where('pr.meeting_id', '=', meeting.id)
        .whereRef('pr.person_id', '=', 'm.person_id')
        .as('presence'),
      eb
        .selectFrom('meeting_presence as dpr')
        .select('dpr.presence')
        .where('dpr.meeting_id', '=', meeting.id)
        .whereRef('dpr.person_id', '=', 'a.deputy_id')
        .as('deputy_presence'),
    ])
    .where('m.space_id', '=', meeting.space_id)
    .where('m.role', 'in', votingRoles)
    .where(currentOn(day))
    .orderBy(sql`array_position(array['chair','vice_chair','member']::text[], m.role)`)
    .orderBy(sql`siatka_fold(p.name)`)
    .orderBy('m.person_id')
    .limit(2000)
    .execute()
}
export type ExpectedRow = Awaited<ReturnType<typeof listExpected>>[number] & {
  answer: Answer | null
  presence: Presence | null
  deputy_presence: Presence | null
}

/**
 * The deputies a member may send: the space's deputies on the meeting's day who stand in for this
 * member or for no one in particular.
 */
export function listDeputyChoices(db: Db, spaceId: string, day: string, memberId: string) {
  return db
    .selectFrom(membershipRows(db).as('m'))
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['p.id', 'p.name'])
    .where('m.space_id', '=', spaceId)
    .where('m.role', '=', 'deputy')
    .where(currentOn(day))
    .where((eb) => eb.or([eb('m.deputy_for', 'is', null), eb('m.deputy_for', '=', memberId)]))
    .where('p.is_active', '=', true)
    .orderBy(sql`siatka_fold(p.name)`)
    .orderBy('p.id')
    .limit(500)
    .execute()
}

/** A member's answer, replacing the one they gave before. */
export async function saveAnswer(
  db: Db,
  row: { meetingId: string; personId: string; answer: Answer; deputyId: string | null; at: Date },
) {
  const values = { answer: row.answer, deputy_id: row.deputyId, answered_at: row.at }
  await db
    .insertInto('meeting_answers')
    .values({ meeting_id: row.meetingId, person_id: row.personId, ...values })
    .onConflict((oc) => oc.columns(['meeting_id', 'person_id']).doUpdateSet(values))
    .execute()
}

/** The presence of everyone on the list, saved in one statement. */
export async function savePresence(
  db: Db,
  meetingId: string,
  rows: readonly { personId: string; presence: Presence }[],
  recordedBy: string,
  at: Date,
) {
  if (rows.length === 0) return
  await db
    .insertInto('meeting_presence')
    .values(
      rows.map((r) => ({
        meeting_id: meetingId,
        person_id: r.personId,
        presence: r.presence,
        recorded_by: recordedBy,
        recorded_at: at,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['meeting_id', 'person_id']).doUpdateSet((eb) => ({
        presence: eb.ref('excluded.presence'),
        recorded_by: eb.ref('excluded.recorded_by'),
        recorded_at: eb.ref('excluded.recorded_at'),
      })),
    )
    .execute()
}

export interface DueReminder {
  person_id: string
  meeting_id: string
  space_id: string
  kind: 'meeting' | 'study_visit'
  number: number
  year: number
  confirm_by: Date
  name_pl: string
  name_en: string
}

/**
 * Finds the members with a vote who have not answered for planned meetings whose answers are due
 * after `now` and before `dueBefore`, and marks them reminded, in one statement: a person already
 * reminded is skipped (the key says no), so two runs never remind anyone twice.
 */
export async function takeDueReminders(db: Db, now: Date, dueBefore: Date): Promise<DueReminder[]> {
  const meetingDay = sql`(mt.starts_at at time zone 'Europe/Warsaw')::date`
  const { rows } = await sql<DueReminder>`
    with due as (
      insert into attendance_reminders (meeting_id, person_id)
      select distinct mt.id, m.person_id
      from meetings mt
      join ${membershipRows(db)} m on m.space_id = mt.space_id
      join people p on p.id = m.person_id and p.is_active
      where mt.status = 'planned'
        and mt.notice_sent_at is not null
        and mt.confirm_by > ${now}::timestamptz
        and mt.confirm_by < ${dueBefore}::timestamptz
        and m.role in ('chair', 'vice_chair', 'member')
        and m.starts_on <= ${meetingDay}
        and (m.ends_on is null or m.ends_on >= ${meetingDay})
        and not exists (
          select 1 from meeting_answers a where a.meeting_id = mt.id and a.person_id = m.person_id
        )
      on conflict do nothing
      returning meeting_id, person_id
    )
    select due.person_id, mt.id as meeting_id, mt.space_id, mt.kind, mt.number, mt.year, mt.confirm_by,
      s.name_pl, s.name_en
    from due
    join meetings mt on mt.id = due.meeting_id
    join ${spaceRows(db)} s on s.id = mt.space_id
    order by mt.id, due.person_id`.execute(db)
  return rows
}

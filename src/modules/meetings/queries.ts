import { sql } from 'kysely'
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres'
import type { Page } from '../../kernel/pagination.ts'
import { defaultMeetingRules, type MeetingRules, ruleRows } from '../spaces/index.ts'
import type { Db } from './db.ts'
import { maxAgendaItems } from './rules.ts'

/** A meeting's (aliased m) day on the Warsaw clock, in SQL (the day its space's rules are read for). */
export const meetingDay = sql<string>`(m.starts_at at time zone 'Europe/Warsaw')::date`

/** A space's meetings, the next ones first, then the past ones newest first. */
export function listMeetings(db: Db, spaceId: string, now: Date, page: Page) {
  return db
    .selectFrom('meetings as m')
    .select([
      'm.id',
      'm.kind',
      'm.year',
      'm.number',
      'm.subject',
      'm.starts_at',
      'm.ends_at',
      'm.place',
      'm.online_url',
      'm.status',
    ])
    .select((eb) =>
      eb
        .selectFrom('agenda_items as a')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('a.meeting_id', '=', 'm.id')
        .as('item_count'),
    )
    .where('m.space_id', '=', spaceId)
    .orderBy(sql`m.starts_at < ${now}`)
    .orderBy(sql`case when m.starts_at >= ${now} then m.starts_at end`)
    .orderBy('m.starts_at', 'desc')
    .orderBy('m.id')
    .limit(page.size + 1)
    .offset(page.offset)
    .execute()
}

/**
 * The space's rules in force on the day of the meeting aliased `m` (null where the space has none
 * yet), as `rulesOf` reads them.
 */
export const rulesOnMeetingDay = (db: Db) =>
  jsonObjectFrom(ruleOnMeetingDay(db).select(['r.notice_days', 'r.materials_days', 'r.quorum_percent'])).as(
    'rules',
  )

const ruleOnMeetingDay = (db: Db) =>
  db
    .selectFrom(ruleRows(db).as('r'))
    .where('r.space_id', '=', sql<string>`m.space_id`)
    .where('r.effective_on', '<=', meetingDay)
    .orderBy('r.effective_on', 'desc')
    .orderBy('r.version', 'desc')
    .limit(1)

/** The day by which the materials of the meeting aliased `m` are due, by the rules in force on its day. */
export const materialsDueInSql = (db: Db) =>
  sql<string>`(${meetingDay} - coalesce((${ruleOnMeetingDay(db).select('r.materials_days')}), ${defaultMeetingRules.materialsDays}))`

/**
 * A meeting with, in one round trip, its agenda in order, the space's rules in force on its day
 * (`rules`: notice and materials periods, quorum; null where the space has none yet) and its
 * minutes' status (null before they are started).
 */
export function findMeeting(db: Db, id: string) {
  return db
    .selectFrom('meetings as m')
    .selectAll('m')
    .select((eb) => [
      rulesOnMeetingDay(db),
      eb
        .selectFrom('minutes as mi')
        .select('mi.status')
        .whereRef('mi.meeting_id', '=', 'm.id')
        .as('minutes_status'),
      jsonArrayFrom(
        eb
          .selectFrom('agenda_items as a')
          .select(['a.id', 'a.position', 'a.title', 'a.presenter', 'a.minutes', 'a.kind'])
          .whereRef('a.meeting_id', '=', 'm.id')
          .orderBy('a.position')
          // Never more: insertAgendaItem refuses the item past it.
          .limit(maxAgendaItems),
      ).as('agenda'),
    ])
    .where('m.id', '=', id)
    .executeTakeFirst()
}
export type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>

/** The rules a meeting was read with (`findMeeting`), or the defaults where its space has none yet. */
export function rulesOf(meeting: Pick<MeetingRow, 'rules'>): MeetingRules {
  const r = meeting.rules
  return r
    ? { noticeDays: r.notice_days, materialsDays: r.materials_days, quorumPercent: r.quorum_percent }
    : defaultMeetingRules
}

export async function nextMeetingNumber(db: Db, spaceId: string, year: number): Promise<number> {
  const row = await db
    .selectFrom('meetings')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('space_id', '=', spaceId)
    .where('year', '=', year)
    .executeTakeFirst()
  return Number(row?.n ?? 0) + 1
}

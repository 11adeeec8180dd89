import { sql } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { Page } from '../../kernel/pagination.ts'
import type { Db } from './db.ts'
import { maxAgendaItems } from './rules.ts'

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

/** A meeting with its agenda in order, in one round trip. */
export function findMeeting(db: Db, id: string) {
  return db
    .selectFrom('meetings as m')
    .selectAll('m')
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('agenda_items as a')
          .select(['a.id', 'a.position', 'a.title', 'a.presenter', 'a.minutes', 'a.kind'])
          .whereRef('a.meeting_id', '=', 'm.id')
          .orderBy('a.position')
          // Never more: insertAgendaItem refuses the item past it.
          .limit(maxAgendaItems),
      ).as('agenda'),
    )
    .where('m.id', '=', id)
    .executeTakeFirst()
}
export type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>

export async function nextMeetingNumber(db: Db, spaceId: string, year: number): Promise<number> {
  const row = await db
    .selectFrom('meetings')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('space_id', '=', spaceId)
    .where('year', '=', year)
    .executeTakeFirst()
  return Number(row?.n ?? 0) + 1
}

// Minutes' tables: the minutes of a meeting, what they say of each agenda item, the decisions and
// action items, comments and approved revisions. People's names are joined read-only.
import { sql } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { Lang } from '../../../kernel/i18n.ts'
import { currentOn, membershipRows, spaceRows } from '../../spaces/index.ts'
import type { Db } from '../db.ts'
import { maxAgendaItems } from '../rules.ts'
import type { MinutesDocument } from './document.ts'
import { minutesBounds } from './rules.ts'
import type { RevisionFormat } from './tables.ts'

export function findMinutes(db: Db, meetingId: string) {
  return db
    .selectFrom('minutes as mi')
    .leftJoin('people as ap', 'ap.id', 'mi.approved_by')
    .leftJoin('people as up', 'up.id', 'mi.updated_by')
    .selectAll('mi')
    .select(['ap.name as approved_by_name', 'up.name as updated_by_name'])
    .where('mi.meeting_id', '=', meetingId)
    .executeTakeFirst()
}
export type MinutesRow = NonNullable<Awaited<ReturnType<typeof findMinutes>>>

/** The row, locked until the transaction ends: approvals and saves of one minutes go one at a time. */
export function lockMinutes(db: Db, id: string) {
  return db.selectFrom('minutes').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow()
}

// What the minutes say, one query each: run alone (`listEntries`, …) or together in one statement
// (`minutesLists`, the minutes page and every approved revision).
const entriesOf = (db: Db, minutesId: string) =>
  db
    .selectFrom('minutes_entries')
    .select(['agenda_item_id', 'summary'])
    .where('minutes_id', '=', minutesId)
    // One summary an agenda item.
    .limit(maxAgendaItems)

const decisionsOf = (db: Db, meetingId: string) =>
  db
    .selectFrom('decisions')
    .select([
      'id',
      'agenda_item_id',
      'year',
      'number',
      'title',
      'body',
      'votes_for',
      'votes_against',
      'votes_abstaining',
    ])
    .where('meeting_id', '=', meetingId)
    .orderBy('number')
    .limit(minutesBounds.decisions)

const actionsOf = (db: Db, meetingId: string) =>
  db
    .selectFrom('action_items as a')
    .innerJoin('people as p', 'p.id', 'a.owner_id')
    .select([
      'a.id',
      'a.agenda_item_id',
      'a.title',
      'a.owner_id',
      'p.name as owner_name',
      'a.due_on',
      'a.status',
    ])
    .where('a.meeting_id', '=', meetingId)
    .orderBy('a.due_on')
    .orderBy('a.created_at')
    .limit(minutesBounds.actions)

const commentsOf = (db: Db, minutesId: string) =>
  db
    .selectFrom('minutes_comments as c')
    .innerJoin('people as p', 'p.id', 'c.person_id')
    .leftJoin('people as s', 's.id', 'c.answered_by')
    .select([
      'c.id',
      'c.revision',
      'c.agenda_item_id',
      'c.person_id',
      'p.name as person_name',
      'c.body',
      'c.created_at',
      'c.answer',
      's.name as answered_by_name',
      'c.answered_at',
    ])
    .where('c.minutes_id', '=', minutesId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .limit(minutesBounds.comments)

const revisionsOf = (db: Db, minutesId: string) =>
  db
    .selectFrom('minutes_revisions as r')
    .innerJoin('people as p', 'p.id', 'r.approved_by')
    .select(['r.revision', 'r.approved_at', 'p.name as approved_by_name'])
    .where('r.minutes_id', '=', minutesId)
    .orderBy('r.revision', 'desc')
    .limit(minutesBounds.revisions)

export const listEntries = (db: Db, minutesId: string) => entriesOf(db, minutesId).execute()
export const listDecisions = (db: Db, meetingId: string) => decisionsOf(db, meetingId).execute()
export type DecisionRow = Awaited<ReturnType<typeof listDecisions>>[number]
export type ActionRow = Awaited<ReturnType<ReturnType<typeof actionsOf>['execute']>>[number]
export type CommentRow = Awaited<ReturnType<ReturnType<typeof commentsOf>['execute']>>[number]

/** A timestamp read through JSON comes as text: back to a Date, as pg gives it. */
const stamp = (v: Date | string) => new Date(v)
const stampOrNull = (v: Date | string | null) => (v === null ? null : new Date(v))

/**
 * Everything the minutes of a meeting say, in one statement: summaries, decisions, action items,
 * comments and approved revisions, each list in the order and within the bound of its own query.
 */
export async function minutesLists(db: Db, meetingId: string, minutesId: string) {
  const row = await db
    .selectNoFrom([
      jsonArrayFrom(entriesOf(db, minutesId)).as('entries'),
      jsonArrayFrom(decisionsOf(db, meetingId)).as('decisions'),
      jsonArrayFrom(actionsOf(db, meetingId)).as('actions'),
      jsonArrayFrom(commentsOf(db, minutesId)).as('comments'),
      jsonArrayFrom(revisionsOf(db, minutesId)).as('revisions'),
    ])
    .executeTakeFirstOrThrow()
  return {
    entries: row.entries,
    decisions: row.decisions,
    actions: row.actions,
    comments: row.comments.map((c) => ({
      ...c,
      created_at: stamp(c.created_at),
      answered_at: stampOrNull(c.answered_at),
    })),
    revisions: row.revisions.map((r) => ({ ...r, approved_at: stamp(r.approved_at) })),
  }
}

export async function countUnanswered(db: Db, minutesId: string, revision: number): Promise<number> {
  const row = await db
    .selectFrom('minutes_comments')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('minutes_id', '=', minutesId)
    .where('revision', '=', revision)
    .where('answer', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function findRevision(db: Db, minutesId: string, revision: number) {
  const row = await db
    .selectFrom('minutes_revisions')
    .select('document')
    .where('minutes_id', '=', minutesId)
    .where('revision', '=', revision)
    .executeTakeFirst()
  return row?.document as MinutesDocument | undefined
}

/** The hash of an approved revision's kept file in a format and language, if it is kept. */
export async function findRevisionFile(
  db: Db,
  f: { minutesId: string; revision: number; format: RevisionFormat; lang: Lang },
): Promise<string | undefined> {
  const row = await db
    .selectFrom('minutes_revision_files')
    .select('file_hash')
    .where('minutes_id', '=', f.minutesId)
    .where('revision', '=', f.revision)
    .where('format', '=', f.format)
    .where('lang', '=', f.lang)
    .executeTakeFirst()
  return row?.file_hash
}

export async function insertRevisionFile(
  db: Db,
  f: { minutesId: string; revision: number; format: RevisionFormat; lang: Lang },
  hash: string,
) {
  await db
    .insertInto('minutes_revision_files')
    .values({
      minutes_id: f.minutesId,
      revision: f.revision,
      format: f.format,
      lang: f.lang,
      file_hash: hash,
    })
    .execute()
}

/** When the minutes were last approved (null before the first approval). */
export async function lastApproval(db: Db, minutesId: string): Promise<Date | null> {
  const row = await db
    .selectFrom('minutes_revisions')
    .select((eb) => eb.fn.max('approved_at').as('at'))
    .where('minutes_id', '=', minutesId)
    .executeTakeFirst()
  return row?.at ? new Date(row.at) : null
}

// How many rows a bounded list of the minutes has, counted under the minutes' lock (minutesBounds).
export async function countDecisions(db: Db, meetingId: string): Promise<number> {
  const row = await db
    .selectFrom('decisions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function countActions(db: Db, meetingId: string): Promise<number> {
  const row = await db
    .selectFrom('action_items')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function countComments(db: Db, minutesId: string): Promise<number> {
  const row = await db
    .selectFrom('minutes_comments')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('minutes_id', '=', minutesId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The last number given in a space's year (0 when none). */
export async function lastDecisionNumber(db: Db, spaceId: string, year: number): Promise<number> {
  const row = await db
    .selectFrom('decisions')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('space_id', '=', spaceId)
    .where('year', '=', year)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

/** Who may own an action item of a meeting: everyone with a seat on its day, and the secretary. */
export function listOwnerChoices(db: Db, spaceId: string, day: string) {
  return db
    .selectFrom('people as p')
    .select(['p.id', 'p.name'])
    .where((eb) =>
      eb.or([
        eb(
          'p.id',
          'in',
          eb
            .selectFrom(membershipRows(db).as('m'))
            .select('m.person_id')
            .where('m.space_id', '=', spaceId)
            .where(currentOn(day)),
        ),
        eb(
          'p.id',
          '=',
          eb.selectFrom(spaceRows(db).as('s')).select('s.secretary_id').where('s.id', '=', spaceId),
        ),
      ]),
    )
    .orderBy(sql`siatka_fold(p.name)`)
    .orderBy('p.id')
    .limit(2000)
    .execute()
}

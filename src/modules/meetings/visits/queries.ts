// Study visits' tables: outside participants and reports. People's names are joined read-only.
import { sql } from 'kysely'
import type { Db } from '../db.ts'
import type { ReportVisibility } from './tables.ts'

/** No visit registers more outside participants than this: the list is shown and exported whole. */
export const maxOutsideParticipants = 500

/** The outside participants of a visit in the order they were registered. */
export function listOutsideParticipants(db: Db, meetingId: string) {
  return db
    .selectFrom('visit_participants as v')
    .leftJoin('people as p', 'p.id', 'v.person_id')
    .select([
      'v.id',
      'v.name',
      'v.organisation',
      'v.email',
      'v.person_id',
      'v.added_at',
      'p.name as person_name',
    ])
    .where('v.meeting_id', '=', meetingId)
    .orderBy('v.added_at')
    .orderBy('v.id')
    .limit(maxOutsideParticipants)
    .execute()
}
export type OutsideRow = Awaited<ReturnType<typeof listOutsideParticipants>>[number]

/** The meeting's row, locked until the transaction ends: two secretaries taking the last place, one wins. */
export function lockVisit(db: Db, meetingId: string) {
  return db
    .selectFrom('meetings')
    .select(['id', 'status', 'ends_at', 'visit_capacity'])
    .where('id', '=', meetingId)
    .forUpdate()
    .executeTakeFirst()
}

export async function countOutsideParticipants(db: Db, meetingId: string): Promise<number> {
  const row = await db
    .selectFrom('visit_participants')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

export function insertParticipant(
  db: Db,
  row: {
    meetingId: string
    name: string
    organisation: string
    email: string | null
    personId: string | null
    addedBy: string
  },
) {
  return db
    .insertInto('visit_participants')
    .values({
      meeting_id: row.meetingId,
      name: row.name,
      organisation: row.organisation,
      email: row.email,
      person_id: row.personId,
      added_by: row.addedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export function deleteParticipant(db: Db, meetingId: string, id: string) {
  return db
    .deleteFrom('visit_participants')
    .where('id', '=', id)
    .where('meeting_id', '=', meetingId)
    .returning(['name'])
    .executeTakeFirst()
}

export async function setCapacity(db: Db, meetingId: string, capacity: number | null, at: Date) {
  await db
    .updateTable('meetings')
    .set({ visit_capacity: capacity, updated_at: at })
    .where('id', '=', meetingId)
    .execute()
}

/** A visit's report with the names of who published it and who edited it last. */
export function findReport(db: Db, meetingId: string) {
  return db
    .selectFrom('visit_reports as r')
    .innerJoin('people as e', 'e.id', 'r.edited_by')
    .leftJoin('people as pb', 'pb.id', 'r.published_by')
    .selectAll('r')
    .select(['e.name as edited_by_name', 'pb.name as published_by_name'])
    .where('r.meeting_id', '=', meetingId)
    .executeTakeFirst()
}
export type ReportRow = NonNullable<Awaited<ReturnType<typeof findReport>>>

export interface ReportText {
  seen: string
  practices: string
  conclusions: string
  visibility: ReportVisibility
}

/** The first save of a report; false when someone else saved one a moment earlier. */
export async function insertReport(
  db: Db,
  meetingId: string,
  text: ReportText,
  by: string,
  at: Date,
  publish: boolean,
): Promise<boolean> {
  const r = await db
    .insertInto('visit_reports')
    .values({
      meeting_id: meetingId,
      ...text,
      version: 1,
      published_at: publish ? at : null,
      published_by: publish ? by : null,
      created_by: by,
      edited_by: by,
      edited_at: at,
    })
    .onConflict((oc) => oc.column('meeting_id').doNothing())
    .returning('meeting_id')
    .executeTakeFirst()
  return r !== undefined
}

/**
 * A later save, only over the version the editor's form showed; false when another save came
 * between. Publishing stamps the first publication only; a published report stays published.
 */
export async function updateReport(
  db: Db,
  meetingId: string,
  version: number,
  text: ReportText,
  by: string,
  at: Date,
  publish: boolean,
): Promise<boolean> {
  const r = await db
    .updateTable('visit_reports')
    .set((eb) => ({
      ...text,
      version: eb('version', '+', 1),
      edited_by: by,
      edited_at: at,
      ...(publish
        ? {
            published_at: sql<Date>`coalesce(published_at, ${at})`,
            published_by: sql<string>`coalesce(published_by, ${by}::uuid)`,
          }
        : {}),
    }))
    .where('meeting_id', '=', meetingId)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

/** A space's reports published to the public, newest visit first. */
export function listPublicReports(db: Db, spaceId: string, limit: number) {
  return db
    .selectFrom('visit_reports as r')
    .innerJoin('meetings as m', 'm.id', 'r.meeting_id')
    .select([
      'm.id',
      'm.kind',
      'm.year',
      'm.number',
      'm.subject',
      'm.starts_at',
      'm.host_name',
      'm.host_region',
      'm.host_town',
    ])
    .where('m.space_id', '=', spaceId)
    .where('m.kind', '=', 'study_visit')
    .where('r.visibility', '=', 'public')
    .where('r.published_at', 'is not', null)
    .orderBy('m.starts_at', 'desc')
    .orderBy('m.id')
    .limit(limit)
    .execute()
}

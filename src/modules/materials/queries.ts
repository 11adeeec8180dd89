import { sql } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { Db } from './db.ts'
import { maxMaterialsPerMeeting } from './rules.ts'
import type { MaterialLanguage } from './tables.ts'

/**
 * A meeting's materials in the order they were added, each with the current file of every language
 * it has (the highest version), in one round trip (the service puts them in agenda order).
 */
export function listMeetingMaterials(db: Db, meetingId: string) {
  return listMaterialsOfMeetings(db, [meetingId], { publicOnly: false })
}

/** The same for several meetings at once (only those made public, with `publicOnly`), with each one's meeting. */
export function listMaterialsOfMeetings(db: Db, meetingIds: string[], o: { publicOnly: boolean }) {
  let q = db
    .selectFrom('materials as m')
    .select(['m.id', 'm.meeting_id', 'm.title', 'm.visibility', 'm.agenda_item_id'])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('material_files as f')
          .distinctOn('f.language')
          .select([
            'f.id',
            'f.language',
            'f.version',
            'f.kind',
            'f.size_bytes',
            'f.uploaded_at',
            'f.file_hash',
          ])
          .whereRef('f.material_id', '=', 'm.id')
          .orderBy('f.language')
          .orderBy('f.version', 'desc'),
      ).as('files'),
    )
    .where('m.meeting_id', 'in', meetingIds)
  if (o.publicOnly) q = q.where('m.visibility', '=', 'public')
  return (
    q
      .orderBy('m.created_at')
      .orderBy('m.id')
      // Bounded by nature: addMaterial refuses a meeting's material past it.
      .limit(maxMaterialsPerMeeting * meetingIds.length)
      .execute()
  )
}

/** One material with every file it ever had, newest version first in each language, and who uploaded it. */
export function findMaterial(db: Db, id: string) {
  return db
    .selectFrom('materials as m')
    .select(['m.id', 'm.space_id', 'm.meeting_id', 'm.agenda_item_id', 'm.title', 'm.visibility'])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('material_files as f')
          .innerJoin('people as p', 'p.id', 'f.uploaded_by')
          .select([
            'f.id',
            'f.language',
            'f.version',
            'f.kind',
            'f.size_bytes',
            'f.uploaded_at',
            'f.original_name',
            // A translation an outside translator delivered is theirs, not the commissioning secretary's.
            (e) => e.fn.coalesce('f.uploaded_by_outside', 'p.name').as('uploaded_by_name'),
          ])
          .whereRef('f.material_id', '=', 'm.id')
          .orderBy('f.language')
          .orderBy('f.version', 'desc'),
      ).as('files'),
    )
    .where('m.id', '=', id)
    .executeTakeFirst()
}

/** One file of one material, with what a download needs to decide and to name it. */
export function findMaterialFile(db: Db, materialId: string, fileId: string) {
  return db
    .selectFrom('material_files as f')
    .innerJoin('materials as m', 'm.id', 'f.material_id')
    .select(['f.file_hash', 'f.language', 'f.version', 'f.kind', 'm.space_id', 'm.title', 'm.visibility'])
    .select((eb) =>
      eb
        .selectFrom('material_files as n')
        .select((e) => e.fn.max('n.version').as('v'))
        .whereRef('n.material_id', '=', 'f.material_id')
        .whereRef('n.language', '=', 'f.language')
        .as('current_version'),
    )
    .where('f.id', '=', fileId)
    .where('f.material_id', '=', materialId)
    .executeTakeFirst()
}

/** The meeting's material of this title, compared without case and Polish letters ("Plan pracy" = "PLAN PRACY"). */
export function findMeetingMaterialTitled(db: Db, meetingId: string, title: string) {
  return db
    .selectFrom('materials')
    .select(['id', 'title'])
    .where('meeting_id', '=', meetingId)
    .where(sql<boolean>`siatka_fold(title) = siatka_fold(${title.trim()})`)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst()
}

export async function countMeetingMaterials(db: Db, meetingId: string): Promise<number> {
  const row = await db
    .selectFrom('materials')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function nextVersion(db: Db, materialId: string, language: MaterialLanguage): Promise<number> {
  const row = await db
    .selectFrom('material_files')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('material_id', '=', materialId)
    .where('language', '=', language)
    .executeTakeFirst()
  return Number(row?.v ?? 0) + 1
}

// Materials of a space's meetings (issue 5): files attached to a meeting or to one agenda item,
// each in language versions that keep every earlier version, visible to members or to the public.
import type { Readable } from 'node:stream'
import yazl from 'yazl'
import { type AuditWho, audit } from '../../kernel/audit.ts'
import type { AnyDb } from '../../kernel/db.ts'
import { NotFoundError, RuleError, sqlState } from '../../kernel/errors.ts'
import type { UploadedFile } from '../../kernel/forms.ts'
import type { Actor } from '../../kernel/policy.ts'
import { fileKinds, type LocalStorage, type StoredFile } from '../../kernel/storage.ts'
import type { Db } from './db.ts'
import * as q from './queries.ts'
import { byLanguage, downloadName, maxMaterialsPerMeeting, maxVersions, zipEntryNames } from './rules.ts'
import type { MaterialForm, VersionForm } from './schemas.ts'
import type { MaterialLanguage, MaterialVisibility } from './tables.ts'

/** What a material may be: office documents in OOXML and ODF, PDF, images (the storage's whole list). */
const allowedKinds = Object.keys(fileKinds) as (keyof typeof fileKinds)[]

/** The little of a meeting materials need: its space and its agenda in order. */
interface MeetingRef {
  id: string
  space_id: string
  agenda: { id: string }[]
}

/** A meeting's materials, the whole meeting's first, then by agenda item in the agenda's order. */
export async function listMeetingMaterials(db: Db, meeting: MeetingRef) {
  const rows = await q.listMeetingMaterials(db, meeting.id)
  const position = new Map(meeting.agenda.map((a, i) => [a.id, i]))
  const place = (m: (typeof rows)[number]) => (m.agenda_item_id ? (position.get(m.agenda_item_id) ?? -1) : -1)
  // Stable: within one item (or the whole meeting) they stay in the order they were added.
  return rows
    .sort((a, b) => place(a) - place(b))
    .map((m) => ({
      ...m,
      // json_agg gives instants as text.
      files: byLanguage(m.files.map((f) => ({ ...f, uploaded_at: new Date(f.uploaded_at) }))),
    }))
}
export type MeetingMaterial = Awaited<ReturnType<typeof listMeetingMaterials>>[number]

/** A material made public, as a visitor sees it: its title and the current file of each language. */
export interface PublicMaterial {
  id: string
  title: string
  files: { id: string; language: MaterialLanguage; kind: string; size_bytes: number }[]
}

/** The materials made public of these meetings, by meeting, in the order they were added. */
export async function listPublicMaterials(
  handle: AnyDb,
  meetingIds: string[],
): Promise<Map<string, PublicMaterial[]>> {
  const db: Db = handle
  const byMeeting = new Map<string, PublicMaterial[]>()
  if (meetingIds.length === 0) return byMeeting
  for (const m of await q.listMaterialsOfMeetings(db, meetingIds, { publicOnly: true })) {
    const files = byLanguage(m.files.map((f) => ({ ...f, uploaded_at: new Date(f.uploaded_at) })))
    const list = byMeeting.get(m.meeting_id ?? '') ?? []
    list.push({ id: m.id, title: m.title, files })
    byMeeting.set(m.meeting_id ?? '', list)
  }
  return byMeeting
}

export async function requireMaterial(db: Db, spaceId: string, id: string) {
  const m = await q.findMaterial(db, id)
  if (!m || m.space_id !== spaceId) throw new NotFoundError()
  return { ...m, files: byLanguage(m.files.map((f) => ({ ...f, uploaded_at: new Date(f.uploaded_at) }))) }
}
export type Material = Awaited<ReturnType<typeof requireMaterial>>

/** Keeps the file (refused beside the field: too large, a kind not accepted, content not matching its name). */
function store(db: Db, storage: LocalStorage, file: UploadedFile) {
  return storage.put(db, { ...file, name: file.filename }, { field: 'file', allowed: allowedKinds })
}

/** What an upload on the meeting page did: a new material, or a new version of one of the same title. */
export type MaterialAdded =
  | { kind: 'material'; id: string }
  | { kind: 'version'; id: string; title: string; version: number }

/**
 * A new material of a meeting, or of one item of its agenda, with its first file. A file sent under
 * the title of a material the meeting has already (without regard to case or Polish letters) is
 * that material's next version in its language, not a second material of the same name.
 */
export async function addMaterial(
  db: Db,
  storage: LocalStorage,
  actor: Actor,
  meeting: MeetingRef,
  input: MaterialForm,
): Promise<MaterialAdded> {
  const same = await q.findMeetingMaterialTitled(db, meeting.id, input.materialTitle)
  if (same) {
    const version = await nextVersionOf(db, actor, same.id, input, await store(db, storage, input.file))
    return { kind: 'version', id: same.id, title: same.title, version }
  }
  if (input.agendaItemId && !meeting.agenda.some((a) => a.id === input.agendaItemId))
    throw new RuleError('materials.errors.agendaItem', 'agendaItemId')
  if ((await q.countMeetingMaterials(db, meeting.id)) >= maxMaterialsPerMeeting)
    throw new RuleError('materials.errors.tooMany')
  // The file is written before the transaction: a refused or failed insert leaves at most an
  // unreferenced file, kept by its hash, and no database lock waits on the disk.
  const stored = await store(db, storage, input.file)
  return db.transaction().execute(async (trx) => {
    const material = await trx
      .insertInto('materials')
      .values({
        space_id: meeting.space_id,
        meeting_id: meeting.id,
        agenda_item_id: input.agendaItemId,
        title: input.materialTitle,
        visibility: input.visibility,
        created_by: actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('material_files')
      .values({
        material_id: material.id,
        language: input.language,
        version: 1,
        file_hash: stored.hash,
        kind: stored.kind,
        mime_type: stored.mimeType,
        size_bytes: stored.sizeBytes,
        original_name: input.file.filename.slice(0, 255),
        uploaded_by: actor.id,
      })
      .execute()
    await audit(trx, actor, {
      action: 'materials.added',
      subjectType: 'material',
      subjectId: material.id,
      details: {
        meetingId: meeting.id,
        agendaItemId: input.agendaItemId,
        title: input.materialTitle,
        visibility: input.visibility,
        language: input.language,
        hash: stored.hash,
      },
    })
    return { kind: 'material' as const, id: material.id }
  })
}

/**
 * A new file of a material: the next version in its language (the earlier ones stay), or the first
 * in a new language. Two uploads of the same version at once: the second is asked to send again.
 */
export async function addVersion(
  db: Db,
  storage: LocalStorage,
  actor: Actor,
  material: Material,
  input: VersionForm,
): Promise<number> {
  const stored = await store(db, storage, input.file)
  return nextVersionOf(db, actor, material.id, input, stored)
}

function nextVersionOf(db: Db, actor: Actor, materialId: string, input: VersionForm, stored: StoredFile) {
  return withVersionRetry(() =>
    db.transaction().execute(async (trx) => {
      const { version } = await insertNextVersion(trx, actor, {
        materialId,
        language: input.language,
        stored,
        originalName: input.file.filename,
        uploadedBy: actor.id,
      })
      return version
    }),
  )
}

/**
 * Inside the caller's transaction: a material of the space alone, with no meeting (an accepted
 * commissioned analysis), its first file an already stored one. Members of the space read it.
 */
export async function addSpaceMaterial(
  handle: AnyDb,
  who: AuditWho,
  m: {
    spaceId: string
    title: string
    language: MaterialLanguage
    stored: StoredFile
    originalName: string
    uploadedBy: string
    createdBy: string
  },
): Promise<string> {
  const trx: Db = handle
  const material = await trx
    .insertInto('materials')
    .values({
      space_id: m.spaceId,
      meeting_id: null,
      agenda_item_id: null,
      title: m.title.slice(0, 300),
      visibility: 'members',
      created_by: m.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await audit(trx, who, {
    action: 'materials.added',
    subjectType: 'material',
    subjectId: material.id,
    details: { spaceId: m.spaceId, title: m.title, visibility: 'members', language: m.language },
  })
  await insertNextVersion(trx, who, {
    materialId: material.id,
    language: m.language,
    stored: m.stored,
    originalName: m.originalName,
    uploadedBy: m.uploadedBy,
  })
  return material.id
}

/** Keeps an uploaded file for a material (translations deliver through here too). */
export const storeMaterialFile = store

/** Two uploads of one version at once: the later one meets the unique key and is asked to send again. */
export async function withVersionRetry<R>(work: () => Promise<R>): Promise<R> {
  try {
    return await work()
  } catch (err) {
    if (sqlState(err) === '23505') throw new RuleError('materials.errors.tryAgain', 'file')
    throw err
  }
}

/**
 * Inside the caller's transaction: the stored file as the material's next version in its language,
 * audited. The one way a file joins a material, so versions stay numbered the same way everywhere.
 */
export async function insertNextVersion(
  trx: Db,
  who: AuditWho,
  v: {
    materialId: string
    language: MaterialLanguage
    stored: StoredFile
    originalName: string
    uploadedBy: string
    uploadedByOutside?: string | null
  },
): Promise<{ id: string; version: number }> {
  const version = await q.nextVersion(trx, v.materialId, v.language)
  if (version > maxVersions) throw new RuleError('materials.errors.tooManyVersions', 'file')
  const row = await trx
    .insertInto('material_files')
    .values({
      material_id: v.materialId,
      language: v.language,
      version,
      file_hash: v.stored.hash,
      kind: v.stored.kind,
      mime_type: v.stored.mimeType,
      size_bytes: v.stored.sizeBytes,
      original_name: v.originalName.slice(0, 255),
      uploaded_by: v.uploadedBy,
      uploaded_by_outside: v.uploadedByOutside ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await audit(trx, who, {
    action: 'materials.version-added',
    subjectType: 'material',
    subjectId: v.materialId,
    details: { language: v.language, version, hash: v.stored.hash },
  })
  return { id: row.id, version }
}

export async function setVisibility(
  db: Db,
  actor: Actor,
  material: Material,
  visibility: MaterialVisibility,
) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('materials').set({ visibility }).where('id', '=', material.id).execute()
    await audit(trx, actor, {
      action: 'materials.visibility-changed',
      subjectType: 'material',
      subjectId: material.id,
      details: { from: material.visibility, to: visibility },
    })
  })
}

/** One file of a material in this space, with the name it is downloaded under. */
export async function requireFile(db: Db, spaceId: string, materialId: string, fileId: string) {
  const f = await q.findMaterialFile(db, materialId, fileId)
  if (!f || f.space_id !== spaceId) throw new NotFoundError()
  const isCurrent = f.version === Number(f.current_version)
  return {
    hash: f.file_hash,
    visibility: f.visibility,
    name: downloadName({
      title: f.title,
      language: f.language,
      kind: f.kind,
      version: isCurrent ? undefined : f.version,
    }),
  }
}

/**
 * The current file of every language of a meeting's materials as one zip, streamed as it is made
 * (files are read one after another, never all held in memory).
 */
export function zipMaterials(
  storage: LocalStorage,
  meeting: MeetingRef,
  materials: MeetingMaterial[],
): Readable {
  const numberOf = new Map(meeting.agenda.map((a, i) => [a.id, i + 1]))
  const files = materials.flatMap((m) =>
    m.files.map((f) => ({
      ...f,
      title: m.title,
      itemNumber: m.agenda_item_id ? (numberOf.get(m.agenda_item_id) ?? null) : null,
    })),
  )
  const names = zipEntryNames(files)
  const zip = new yazl.ZipFile()
  const out = zip.outputStream as Readable
  // A file that cannot be read (gone from the disk) ends the download with an error, never the
  // process: yazl leaves a lazy stream's errors to its caller, and an unheard one would crash.
  zip.on('error', (err) => out.destroy(err))
  files.forEach((f, i) => {
    // Office files and images are compressed already; only a PDF may still shrink.
    zip.addReadStreamLazy(
      names[i],
      { mtime: f.uploaded_at, size: f.size_bytes, compress: f.kind === 'pdf' },
      (cb) =>
        cb(
          null,
          storage.open(f.file_hash).on('error', (err) => out.destroy(err)),
        ),
    )
  })
  zip.end()
  return out
}

/** A title as part of a download's file name (other modules name their files the same way). */
export { fileNamePart } from './rules.ts'

// An approved revision's files (issue 16, item 5): its PDF/A, DOCX and ODT in each language of the
// labels are rendered once, by jobs the approval queues, and kept in the kernel's storage. A
// download sends the kept file, the same bytes every time. One not kept yet (its job still waiting,
// or a revision approved before files were kept) is rendered by the download itself, under the same
// lock as the job's, and kept: a revision's file is never rendered twice.
import { sql } from 'kysely'
import { isLang, type Lang, langs, translator } from '../../../kernel/i18n.ts'
import { enqueueMany, type JobQueue } from '../../../kernel/jobs.ts'
import type { LocalStorage } from '../../../kernel/storage.ts'
import type { Db } from '../db.ts'
import { minutesDocx, minutesOdt, minutesPdf } from './export/export.ts'
import * as q from './queries.ts'
import { type RevisionFormat, revisionFormats } from './tables.ts'

/** The writers, by format; one object, so a test can count how often each ran. */
export const renderers = { pdf: minutesPdf, docx: minutesDocx, odt: minutesOdt }

export const renderQueue = 'minutes.revision-file'

export interface RevisionFile {
  minutesId: string
  revision: number
  format: RevisionFormat
  lang: Lang
}

/** Every file of a revision just approved, queued in the approval's transaction. */
export function queueRevisionFiles(trx: Db, minutesId: string, revision: number): Promise<void> {
  return enqueueMany(
    trx,
    renderQueue,
    langs.flatMap((lang) => revisionFormats.map((format) => ({ minutesId, revision, format, lang }))),
  )
}

/** The kept file's hash, rendered and kept now if it was not; undefined when there is no such revision. */
export async function revisionFile(db: Db, storage: LocalStorage, file: RevisionFile) {
  return (await q.findRevisionFile(db, file)) ?? storeRevisionFile(db, storage, file)
}

/**
 * Renders and keeps one file, unless it is kept already. A lock on the file makes a second caller
 * (the job and a download, two downloads, two app processes) wait for the first and find its file.
 */
export async function storeRevisionFile(db: Db, storage: LocalStorage, file: RevisionFile) {
  const key = `minutes-file:${file.minutesId}:${file.revision}:${file.format}:${file.lang}`
  const store = async (trx: Db) => {
    await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx)
    const kept = await q.findRevisionFile(trx, file)
    if (kept) return kept
    const doc = await q.findRevision(trx, file.minutesId, file.revision)
    if (!doc) return undefined
    const bytes = await renderers[file.format](doc, translator(file.lang), file.lang)
    const stored = await storage.put(
      trx,
      { name: `minutes.${file.format}`, bytes },
      { field: 'file', allowed: [file.format], maxBytes: Number.POSITIVE_INFINITY },
    )
    await q.insertRevisionFile(trx, file, stored.hash)
    return stored.hash
  }
  return db.isTransaction ? store(db) : db.transaction().execute(store)
}

/** Every file of a revision (the demo's, which has no job system running). */
export async function storeRevisionFiles(db: Db, storage: LocalStorage, minutesId: string, revision: number) {
  for (const lang of langs)
    for (const format of revisionFormats)
      await storeRevisionFile(db, storage, { minutesId, revision, format, lang })
}

export function revisionFileQueues(db: Db, storage: LocalStorage): JobQueue[] {
  return [
    {
      name: renderQueue,
      handler: async (data) => {
        const file = data as Partial<RevisionFile>
        if (
          typeof file.minutesId !== 'string' ||
          !Number.isInteger(file.revision) ||
          !revisionFormats.includes(file.format as RevisionFormat) ||
          !isLang(file.lang)
        )
          throw new Error(`Not a revision's file: ${JSON.stringify(data)}`)
        await storeRevisionFile(db, storage, file as RevisionFile)
      },
    },
  ]
}

// An event's documents to download (the programme to print, presentations, materials): whoever runs
// the event adds and removes them (kernel/documents.ts checks and keeps the file); anyone who reads
// the event downloads them.
import { audit } from '../../kernel/audit.ts'
import { type DocumentForm, maxDocuments, storedDocument } from '../../kernel/documents.ts'
import { RuleError } from '../../kernel/errors.ts'
import type { Actor } from '../../kernel/policy.ts'
import type { LocalStorage } from '../../kernel/storage.ts'
import type { Db } from './db.ts'
import { lockedEvent } from './registrations.ts'

/** An event's documents, in the order they were added. */
export function documentsOf(db: Db, eventId: string) {
  return db
    .selectFrom('event_documents')
    .select(['id', 'title', 'kind', 'size_bytes', 'original_name', 'file_hash'])
    .where('event_id', '=', eventId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .limit(maxDocuments)
    .execute()
}

/** A document kept: under the event's lock, so two added at once count each other. */
export async function addDocument(
  db: Db,
  storage: LocalStorage,
  actor: Actor,
  eventId: string,
  f: DocumentForm,
) {
  await db.transaction().execute(async (trx) => {
    await lockedEvent(trx, eventId)
    const file = await storedDocument(trx, storage, f.file, (await documentsOf(trx, eventId)).length)
    const row = await trx
      .insertInto('event_documents')
      .values({ event_id: eventId, title: f.title, ...file, uploaded_by: actor.id })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, actor, {
      action: 'events.document.added',
      subjectType: 'event',
      subjectId: eventId,
      details: { document: row.id, title: f.title },
    })
  })
}

export async function removeDocument(db: Db, actor: Actor, eventId: string, documentId: string) {
  await db.transaction().execute(async (trx) => {
    const gone = await trx
      .deleteFrom('event_documents')
      .where('id', '=', documentId)
      .where('event_id', '=', eventId)
      .returning('title')
      .executeTakeFirst()
    if (!gone) throw new RuleError('errors.choose', 'documentId')
    await audit(trx, actor, {
      action: 'events.document.removed',
      subjectType: 'event',
      subjectId: eventId,
      details: { document: documentId, title: gone.title },
    })
  })
}

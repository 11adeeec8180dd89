// A recruitment's documents to download (its rules, the forms, the declarations): its staff add
// and remove them; anyone who reads the recruitment downloads them.
import { audit } from '../../kernel/audit.ts'
import type { AnyDb } from '../../kernel/db.ts'
import { type DocumentForm, maxDocuments, storedDocument } from '../../kernel/documents.ts'
import { RuleError } from '../../kernel/errors.ts'
import type { Actor } from '../../kernel/policy.ts'
import type { LocalStorage } from '../../kernel/storage.ts'
import type { Db } from './db.ts'

/** A recruitment's documents, in the order they were added. */
export function documentsOf(handle: AnyDb, recruitmentId: string) {
  const db: Db = handle
  return db
    .selectFrom('recruitment_documents')
    .select(['id', 'title', 'kind', 'size_bytes', 'original_name', 'file_hash'])
    .where('recruitment_id', '=', recruitmentId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .limit(maxDocuments)
    .execute()
}
export type RecruitmentDocument = Awaited<ReturnType<typeof documentsOf>>[number]

/** Keeps a document: the file checked and stored first (refused beside the field), then its row. */
export async function addDocument(
  db: Db,
  storage: LocalStorage,
  actor: Actor,
  recruitmentId: string,
  form: DocumentForm,
) {
  return db.transaction().execute(async (trx) => {
    // The recruitment's row locked: two uploads at once count each other.
    await trx.selectFrom('recruitments').select('id').where('id', '=', recruitmentId).forUpdate().execute()
    const kept = await documentsOf(trx, recruitmentId)
    const file = await storedDocument(trx, storage, form.file, kept.length)
    const row = await trx
      .insertInto('recruitment_documents')
      .values({ recruitment_id: recruitmentId, title: form.title, ...file, uploaded_by: actor.id })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, actor, {
      action: 'recruitment.document.added',
      subjectType: 'recruitment',
      subjectId: recruitmentId,
      details: { document: row.id, title: form.title },
    })
  })
}

export async function removeDocument(db: Db, actor: Actor, recruitmentId: string, documentId: string) {
  await db.transaction().execute(async (trx) => {
    const gone = await trx
      .deleteFrom('recruitment_documents')
      .where('id', '=', documentId)
      .where('recruitment_id', '=', recruitmentId)
      .returning('title')
      .executeTakeFirst()
    if (!gone) throw new RuleError('errors.choose', 'documentId')
    await audit(trx, actor, {
      action: 'recruitment.document.removed',
      subjectType: 'recruitment',
      subjectId: recruitmentId,
      details: { document: documentId, title: gone.title },
    })
  })
}

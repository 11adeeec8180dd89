// A recruitment's documents to download (its rules, the forms, the declarations): its staff add
// and remove them; anyone who reads the recruitment downloads them.
import { audit } from '../../kernel/audit.ts'
import type { AnyDb } from '../../kernel/db.ts'
import { RuleError } from '../../kernel/errors.ts'
import type { UploadedFile } from '../../kernel/forms.ts'
import type { Actor } from '../../kernel/policy.ts'
import type { FileKind, LocalStorage } from '../../kernel/storage.ts'
import type { Db } from './db.ts'

/** At most this many documents a recruitment. */
export const maxDocuments = 10
const documentKinds: readonly FileKind[] = ['pdf', 'docx', 'odt', 'xlsx', 'ods']

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
  form: { title: string; file: UploadedFile },
) {
  return db.transaction().execute(async (trx) => {
    // The recruitment's row locked: two uploads at once count each other.
    await trx.selectFrom('recruitments').select('id').where('id', '=', recruitmentId).forUpdate().execute()
    const kept = await documentsOf(trx, recruitmentId)
    if (kept.length >= maxDocuments)
      throw new RuleError('recruitment.documents.tooMany', 'file', { max: maxDocuments })
    const stored = await storage.put(
      trx,
      { ...form.file, name: form.file.filename },
      { field: 'file', allowed: documentKinds },
    )
    const row = await trx
      .insertInto('recruitment_documents')
      .values({
        recruitment_id: recruitmentId,
        title: form.title,
        file_hash: stored.hash,
        kind: stored.kind,
        size_bytes: stored.sizeBytes,
        original_name: form.file.filename.slice(0, 255),
        uploaded_by: actor.id,
      })
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

// Documents to download that a module keeps beside one of its own rows (a recruitment's rules and
// forms, an event's programme and presentations): each module has its table of them (title, the
// stored file, its kind, size and name, who added it); what they share lives here: the kinds
// accepted, how many, the forms, and keeping the file (kernel/storage) before the row is written.
import { z } from 'zod'
import type { AnyDb } from './db.ts'
import { RuleError } from './errors.ts'
import { fileField, requiredText, type UploadedFile } from './forms.ts'
import type { FileKind, LocalStorage } from './storage.ts'

/** At most this many documents a row. */
export const maxDocuments = 10
/** Office documents in both OOXML and ODF (KRI: a public body accepts ODF), and PDF. */
export const documentKinds: readonly FileKind[] = ['pdf', 'docx', 'odt', 'xlsx', 'ods', 'pptx', 'odp']

export const DocumentForm = z.object({ title: requiredText(200), file: fileField() })
export type DocumentForm = z.output<typeof DocumentForm>
export const RemoveDocumentForm = z.object({ documentId: z.uuid({ error: 'errors.choose' }) })

/** A document as its lists show it. */
export interface DocumentRow {
  id: string
  title: string
  kind: string
  size_bytes: number
  original_name: string
  file_hash: string
}

/**
 * The file of a document checked and stored (refused beside the field: a kind not accepted, too
 * large, one more than allowed), and the columns its module's row keeps of it. The caller holds the
 * lock of the row the documents belong to, and says how many it has.
 */
export async function storedDocument(trx: AnyDb, storage: LocalStorage, file: UploadedFile, kept: number) {
  if (kept >= maxDocuments) throw new RuleError('documents.tooMany', 'file', { max: maxDocuments })
  const stored = await storage.put(
    trx,
    { ...file, name: file.filename },
    { field: 'file', allowed: documentKinds },
  )
  return {
    file_hash: stored.hash,
    kind: stored.kind,
    size_bytes: stored.sizeBytes,
    original_name: file.filename.slice(0, 255),
  }
}

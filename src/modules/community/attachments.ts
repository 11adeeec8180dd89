// Files attached to forum posts: a post's author (or a moderator) adds up to five, each up to the
// kernel's 25 MB, of the kinds an office shares (PDF, office documents, images), kept by the kernel's storage, which
// checks each file's type from its bytes. Whoever reads the post downloads them (the routes check).
import { sql } from 'kysely'
import { audit } from '../../kernel/audit.ts'
import { RuleError } from '../../kernel/errors.ts'
import type { UploadedFile } from '../../kernel/forms.ts'
import type { Actor } from '../../kernel/policy.ts'
import type { FileKind, LocalStorage } from '../../kernel/storage.ts'
import type { Db } from './db.ts'

/** At most this many files a post. */
export const attachmentLimit = 5
export const attachmentKinds: readonly FileKind[] = ['pdf', 'docx', 'xlsx', 'odt', 'ods', 'png', 'jpg']

/** The files attached to the posts of a page, in the order they came (one statement for the page). */
export function attachmentsOf(db: Db, postIds: readonly string[]) {
  if (postIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('community_attachments')
    .select(['id', 'post_id', 'original_name', 'size_bytes'])
    .where('post_id', 'in', postIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}
export type Attachment = Awaited<ReturnType<typeof attachmentsOf>>[number]

export function findAttachment(db: Db, id: string) {
  return db
    .selectFrom('community_attachments')
    .select(['id', 'post_id', 'file_hash', 'original_name'])
    .where('id', '=', id)
    .executeTakeFirst()
}

/** Keeps a file and attaches it to the post; refused beside the field past the limit or for a kind not taken. */
export async function attach(
  db: Db,
  storage: LocalStorage,
  actor: Actor,
  postId: string,
  file: UploadedFile,
) {
  await db.transaction().execute(async (trx) => {
    // Counted under a lock on the post, so two uploads at once cannot pass the limit.
    await trx.selectFrom('community_posts').select('id').where('id', '=', postId).forUpdate().execute()
    const { n } = await trx
      .selectFrom('community_attachments')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('post_id', '=', postId)
      .executeTakeFirstOrThrow()
    if (n >= attachmentLimit)
      throw new RuleError('community.attachments.tooMany', 'file', { limit: attachmentLimit })
    const stored = await storage.put(
      trx,
      { ...file, name: file.filename },
      { field: 'file', allowed: attachmentKinds },
    )
    const row = await trx
      .insertInto('community_attachments')
      .values({
        post_id: postId,
        file_hash: stored.hash,
        original_name: file.filename.slice(0, 200),
        size_bytes: stored.sizeBytes,
        added_by: actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, actor, {
      action: 'community.attachment-added',
      subjectType: 'community_post',
      subjectId: postId,
      details: { attachment: row.id, name: file.filename },
    })
  })
}

/** Removes a file from the post (the stored bytes stay: another row may name the same content). */
export async function detach(db: Db, actor: Actor, postId: string, attachmentId: string) {
  await db.transaction().execute(async (trx) => {
    const gone = await trx
      .deleteFrom('community_attachments')
      .where('id', '=', attachmentId)
      .where('post_id', '=', postId)
      .returning('original_name')
      .executeTakeFirst()
    if (!gone) throw new RuleError('errors.choose', 'attachmentId')
    await audit(trx, actor, {
      action: 'community.attachment-removed',
      subjectType: 'community_post',
      subjectId: postId,
      details: { attachment: attachmentId, name: gone.original_name },
    })
  })
}

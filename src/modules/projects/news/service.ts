// A project's news and documents. Its staff and the secretariat write posts (dated, in Markdown) and
// keep documents (files through the kernel's storage, each public or kept inside); each change is
// kept in the project's history. A published project's news and public documents are on its public
// page.
import { sql } from 'kysely'
import { today } from '../../../kernel/dates.ts'
import { RuleError } from '../../../kernel/errors.ts'
import type { Actor } from '../../../kernel/policy.ts'
import type { FileKind, LocalStorage } from '../../../kernel/storage.ts'
import type { Db } from '../db.ts'
import type { ProjectRow } from '../queries.ts'
import { changeList } from '../service.ts'
import type { DocumentForm, NewsForm } from './schemas.ts'

/** Posts on one page of the news. */
export const newsPageSize = 10

/** A project keeps at most this many documents (its page lists them all). */
export const maxDocuments = 100

/** What a project's documents may be: office files in both formats, PDF, images. */
const documentKinds: readonly FileKind[] = ['pdf', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'png', 'jpg']

/** A page of the news, newest first, after the post `after` (keyset); one more tells a next page. */
export function newsPage(db: Db, projectId: string, after: string | null, size = newsPageSize) {
  let q = db
    .selectFrom('project_news as n')
    .select(['n.id', 'n.title', 'n.body', 'n.published_on'])
    .where('n.project_id', '=', projectId)
    .orderBy('n.published_on', 'desc')
    .orderBy('n.id', 'desc')
    .limit(size + 1)
  if (after)
    q = q.where(
      sql<boolean>`(n.published_on, n.id) < (select a.published_on, a.id from project_news a where a.id = ${after} and a.project_id = ${projectId})`,
    )
  return q.execute()
}

export type NewsPost = Awaited<ReturnType<typeof newsPage>>[number]

/** A post may not be dated after today: news report what happened. */
export const newsDayProblem = (form: Pick<NewsForm, 'publishedOn'>, on = today()) =>
  form.publishedOn > on ? 'projects.news.future' : null

export async function addNews(db: Db, actor: Actor, project: ProjectRow, form: NewsForm) {
  const problem = newsDayProblem(form)
  if (problem) throw new RuleError(problem, 'publishedOn')
  await changeList(
    db,
    actor,
    project.id,
    { field: 'news', added: form.title, action: 'projects.news-added' },
    (trx) =>
      trx
        .insertInto('project_news')
        .values({
          project_id: project.id,
          title: form.title,
          body: form.body,
          published_on: form.publishedOn,
          created_by: actor.id,
        })
        .execute(),
  )
}

export async function removeNews(db: Db, actor: Actor, project: ProjectRow, newsId: string) {
  const post = await db
    .selectFrom('project_news')
    .select('title')
    .where('id', '=', newsId)
    .where('project_id', '=', project.id)
    .executeTakeFirst()
  if (!post) throw new RuleError('errors.choose', 'rowId')
  await changeList(
    db,
    actor,
    project.id,
    { field: 'news', removed: post.title, action: 'projects.news-removed' },
    (trx) => trx.deleteFrom('project_news').where('id', '=', newsId).execute(),
  )
}

/** The project's documents, newest first; only the public ones for the public page. */
export function projectDocuments(db: Db, projectId: string, publicOnly: boolean) {
  let q = db
    .selectFrom('project_documents as d')
    .select(['d.id', 'd.title', 'd.kind', 'd.size_bytes', 'd.is_public', 'd.uploaded_at'])
    .where('d.project_id', '=', projectId)
    .orderBy('d.uploaded_at', 'desc')
    .orderBy('d.id')
    .limit(maxDocuments)
  if (publicOnly) q = q.where('d.is_public', '=', true)
  return q.execute()
}

export type ProjectDocument = Awaited<ReturnType<typeof projectDocuments>>[number]

/** One document of the project, to send (a public one only, for the public site). */
export function findDocument(db: Db, projectId: string, documentId: string, publicOnly: boolean) {
  let q = db
    .selectFrom('project_documents')
    .select(['id', 'title', 'file_hash', 'kind', 'original_name'])
    .where('id', '=', documentId)
    .where('project_id', '=', projectId)
  if (publicOnly) q = q.where('is_public', '=', true)
  return q.executeTakeFirst()
}

/** Keeps a document: the file checked and stored first (refused beside the field), then its row. */
export async function addDocument(
  db: Db,
  storage: LocalStorage,
  actor: Actor,
  project: ProjectRow,
  form: DocumentForm,
) {
  const count = await db
    .selectFrom('project_documents')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('project_id', '=', project.id)
    .executeTakeFirstOrThrow()
  if (Number(count.n) >= maxDocuments) throw new RuleError('projects.documents.tooMany', 'file')
  // Refused beside the field: too large, a kind not taken, content not matching its name. An upload
  // not kept is removed by the kernel once the answer is sent.
  const stored = await storage.put(
    db,
    { ...form.file, name: form.file.filename },
    { field: 'file', allowed: documentKinds },
  )
  await changeList(
    db,
    actor,
    project.id,
    { field: 'documents', added: form.title, action: 'projects.document-added' },
    (trx) =>
      trx
        .insertInto('project_documents')
        .values({
          project_id: project.id,
          title: form.title,
          file_hash: stored.hash,
          kind: stored.kind,
          size_bytes: stored.sizeBytes,
          original_name: form.file.filename.slice(0, 255),
          is_public: form.isPublic,
          uploaded_by: actor.id,
        })
        .execute(),
  )
}

export async function removeDocument(db: Db, actor: Actor, project: ProjectRow, documentId: string) {
  const doc = await findDocument(db, project.id, documentId, false)
  if (!doc) throw new RuleError('errors.choose', 'rowId')
  await changeList(
    db,
    actor,
    project.id,
    { field: 'documents', removed: doc.title, action: 'projects.document-removed' },
    (trx) => trx.deleteFrom('project_documents').where('id', '=', documentId).execute(),
  )
}

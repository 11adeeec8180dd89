// A project's news and documents: whoever reads the project reads them inside, its staff and the
// secretariat write and keep them; a published project's news and public documents are open to all.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { today } from '../../../kernel/dates.ts'
import { NotFoundError } from '../../../kernel/errors.ts'
import { typedValues } from '../../../kernel/forms.ts'
import { render, submitForm, viewContext } from '../../../kernel/http.tsx'
import { keysetPageOf } from '../../../kernel/pagination.ts'
import { renderPublic } from '../../../kernel/public-pages.ts'
import type { Db } from '../db.ts'
import { editPost, type FoundProject, projectFor, publishedProject } from '../load.ts'
import type { ProjectRow } from '../queries.ts'
import { RemoveForm } from '../schemas.ts'
import { DocumentForm, DocumentParams, NewsForm, NewsQuery } from './schemas.ts'
import * as news from './service.ts'
import { DocumentsPage, NewsPage, type NewsRefused } from './views/news-page.tsx'

const read = { config: { permission: 'projects.read' } } as const

export async function newsRoutes(app: FastifyInstance) {
  /** A page of posts and the link to the next, for a project. */
  const postsOf = async (req: FastifyRequest, project: ProjectRow, first: boolean) => {
    const query = first ? NewsQuery.parse({}) : NewsQuery.parse(req.query)
    const rows = await news.newsPage(req.db as Db, project.id, query.after)
    const page = keysetPageOf(rows, news.newsPageSize, (last) => last.id)
    return {
      posts: page.rows,
      next: page.next,
      continued: query.after !== null,
    }
  }

  const newsPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    found: FoundProject,
    refused?: Omit<NewsRefused, 'values'>,
  ) =>
    render(
      reply.code(refused ? 422 : 200),
      <NewsPage
        ctx={viewContext(req, reply)}
        project={found.project}
        {...(await postsOf(req, found.project, Boolean(refused)))}
        base={`/projects/${found.project.id}/news`}
        projectHref={`/projects/${found.project.id}`}
        mayEdit={found.mayEdit}
        refused={
          refused
            ? { ...refused, values: typedValues(req.body) }
            : found.mayEdit
              ? { form: 'news', values: { publishedOn: today() }, errors: {} }
              : undefined
        }
      />,
    )

  app.get('/projects/:id/news', read, async (req, reply) =>
    newsPage(req, reply, await projectFor(req, 'project.read')),
  )

  editPost(app, 'news', NewsForm, (req, reply, found) => ({
    act: (form) => news.addNews(req.db as Db, found.actor, found.project, form),
    again: (errors) => newsPage(req, reply, found, { form: 'news', errors }),
    flash: req.t('projects.news.added'),
    to: `/projects/${found.project.id}/news`,
  }))

  editPost(app, 'news/remove', RemoveForm, (req, reply, found) => ({
    act: (form) => news.removeNews(req.db as Db, found.actor, found.project, form.rowId),
    again: (errors) => newsPage(req, reply, found, { form: 'remove', errors }),
    flash: req.t('projects.news.removed'),
    to: `/projects/${found.project.id}/news`,
  }))

  app.get('/funded-projects/:id/news', { config: { permission: 'public' } }, async (req, reply) =>
    renderPublic(
      req,
      reply,
      async () => {
        const project = await publishedProject(req)
        return (
          <NewsPage
            ctx={viewContext(req, reply)}
            project={project}
            {...(await postsOf(req, project, false))}
            base={`/funded-projects/${project.id}/news`}
            projectHref={`/funded-projects/${project.id}`}
            mayEdit={false}
          />
        )
      },
      { data: true },
    ),
  )

  const documentsPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    found: FoundProject,
    refused?: Omit<NewsRefused, 'values'>,
  ) =>
    render(
      reply.code(refused ? 422 : 200),
      <DocumentsPage
        ctx={viewContext(req, reply)}
        project={found.project}
        rows={await news.projectDocuments(req.db as Db, found.project.id, false)}
        mayEdit={found.mayEdit}
        refused={refused ? { ...refused, values: typedValues(req.body) } : undefined}
      />,
    )

  app.get('/projects/:id/documents', read, async (req, reply) =>
    documentsPage(req, reply, await projectFor(req, 'project.read')),
  )

  // The file is read only once the person is known to edit the project.
  app.post(
    '/projects/:id/documents',
    {
      config: { permission: 'projects.read', upload: true },
      preValidation: async (req) => {
        await projectFor(req, 'project.edit')
      },
    },
    async (req, reply) => {
      const found = await projectFor(req, 'project.edit')
      return submitForm(req, reply, DocumentForm, {
        act: (form) => news.addDocument(req.db as Db, app.storage, found.actor, found.project, form),
        again: (errors) => documentsPage(req, reply, found, { form: 'document', errors }),
        flash: req.t('projects.documents.added'),
        to: `/projects/${found.project.id}/documents`,
      })
    },
  )

  editPost(app, 'documents/remove', RemoveForm, (req, reply, found) => ({
    act: (form) => news.removeDocument(req.db as Db, found.actor, found.project, form.rowId),
    again: (errors) => documentsPage(req, reply, found, { form: 'remove', errors }),
    flash: req.t('projects.documents.removed'),
    to: `/projects/${found.project.id}/documents`,
  }))

  /** Sends a document under its own name (the storage checked its type when it came). */
  const send = async (req: FastifyRequest, reply: FastifyReply, project: ProjectRow, publicOnly: boolean) => {
    const { documentId } = DocumentParams.parse(req.params)
    const doc = await news.findDocument(req.db as Db, project.id, documentId, publicOnly)
    if (!doc) throw new NotFoundError()
    return app.storage.send(req.db, reply, doc.file_hash, doc.original_name)
  }

  app.get('/projects/:id/documents/:documentId', read, async (req, reply) =>
    send(req, reply, (await projectFor(req, 'project.read')).project, false),
  )

  app.get(
    '/funded-projects/:id/documents/:documentId',
    { config: { permission: 'public' } },
    async (req, reply) => send(req, reply, await publishedProject(req), true),
  )
}

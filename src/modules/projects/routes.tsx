// The portfolio of funded projects: the list (keyset pages) and a project's page. The secretariat
// and the managing authority read every project; project staff their own (policy: projectCan).

import { buffer } from 'node:stream/consumers'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import { today } from '../../kernel/dates.ts'
import { NotFoundError } from '../../kernel/errors.ts'
import { attachment, sendTable, type TableFormat } from '../../kernel/exports.ts'
import { parseForm, ruleErrors, typedValues } from '../../kernel/forms.ts'
import { render, setFlash, submitForm, viewContext } from '../../kernel/http.tsx'
import { keysetPageOf } from '../../kernel/pagination.ts'
import { authorize, can, readsEveryProject } from '../../kernel/policy.ts'
import { renderPublic } from '../../kernel/public-pages.ts'
import type { FieldErrors } from '../../kernel/views/fields.tsx'
import * as accounts from '../accounts/service.ts'
import type { Db } from './db.ts'
import * as lists from './list-queries.ts'
import { type FoundProject, projectFor } from './load.ts'
import { stripFiles } from './marks/service.ts'
import { newsPage, projectDocuments } from './news/service.ts'
import { projectPosterPdf } from './poster.ts'
import type { ProjectRow } from './queries.ts'
import * as q from './queries.ts'
import { scheduleExcerpt } from './schedule/service.ts'
import { HistoryQuery, ProjectForm, ProjectParams, ProjectsQuery, ReportForm } from './schemas.ts'
import * as projects from './service.ts'
import { reportProgress } from './service.ts'
import { sheetHeaders, sheetRow } from './spreadsheet.ts'
import type { MarkFile } from './views/logo-strip.tsx'
import { ProjectFormPage } from './views/project-form-page.tsx'
import { ProjectHistoryPage } from './views/project-history-page.tsx'
import { ProjectPage } from './views/project-page.tsx'
import { ProjectsPage } from './views/projects-page.tsx'
import { PublicProjectPage, publicNewsExcerpt } from './views/public-project-page.tsx'

/** The activities a public project page shows of its schedule. */
const publicScheduleExcerpt = 5

/** Projects a list page shows. */
export const projectsPageSize = 25

/** A keyset page of the list: the rows shown, and where "more" continues (null on the last page). */
async function listPage(req: FastifyRequest, scope: ListScope, query: ProjectsQuery) {
  const db = req.db as Db
  const [rows, choices] = await Promise.all([
    q.listProjects(db, scope, query, query.after, projectsPageSize),
    lists.filterChoices(db, scope.publicOnly),
  ])
  return {
    ...keysetPageOf(rows, projectsPageSize, (last) => `${q.cursorKey(last, query.sort)}_${last.id}`),
    continued: query.after !== null,
    query,
    choices,
  }
}

type ListScope = Parameters<typeof q.listProjects>[1]

/** Rows a spreadsheet reads from the database at a time. */
const exportPageSize = 500

/** The list as a CSV or XLSX file, in its order and filters, written a page at a time. */
function sendProjects(
  req: FastifyRequest,
  reply: FastifyReply,
  scope: ListScope,
  query: ProjectsQuery,
  format: TableFormat,
) {
  const db = req.db as Db
  async function* pages() {
    let after = null as ProjectsQuery['after']
    for (;;) {
      const rows = await q.listProjects(db, scope, query, after, exportPageSize)
      const page = rows.slice(0, exportPageSize)
      const details = new Map(
        (
          await lists.exportDetails(
            db,
            page.map((r) => r.id),
          )
        ).map((d) => [d.id, d]),
      )
      yield page.map((r) => sheetRow(req.t, format, r, details.get(r.id)))
      const last = page.at(-1)
      if (rows.length <= exportPageSize || !last) return
      after = { key: q.cursorKey(last, query.sort), id: last.id }
    }
  }
  return sendTable(reply.header('cache-control', 'private, no-store'), format, {
    fileName: `${req.t('projects.sheet.file')}-${today()}.${format}`,
    sheetName: req.t('projects.title'),
    headers: sheetHeaders(req.t),
    pages: pages(),
  })
}

export async function projectRoutes(app: FastifyInstance, { config }: { config: Config }) {
  app.get('/projects', { config: { permission: 'projects.read' } }, async (req, reply) => {
    authorize(req.actor, 'projects.read')
    const staffOnly = !readsEveryProject(req.actor)
    const scope = { staffOf: staffOnly ? req.actor.id : null }
    const query = ProjectsQuery.parse(req.query)
    if (query.format) return sendProjects(req, reply, scope, query, query.format)
    const page = await listPage(req, scope, query)
    return render(
      reply,
      <ProjectsPage
        ctx={viewContext(req, reply)}
        kind={staffOnly ? 'staff' : 'portfolio'}
        mayCreate={can(req.actor, 'projects.manage')}
        {...page}
      />,
    )
  })

  // The public site's projects: those published, kept for anonymous visitors until they change
  // (kernel/public-pages.ts).
  app.get('/funded-projects', { config: { permission: 'public' } }, async (req, reply) =>
    renderPublic(
      req,
      reply,
      async () => (
        <ProjectsPage
          ctx={viewContext(req, reply)}
          kind="public"
          mayCreate={false}
          {...(await listPage(
            req,
            { staffOf: null, publicOnly: true },
            { ...ProjectsQuery.parse(req.query), format: null },
          ))}
        />
      ),
      { data: true },
    ),
  )

  app.get('/funded-projects/:id', { config: { permission: 'public' } }, async (req, reply) =>
    renderPublic(
      req,
      reply,
      async () => {
        const { id } = ProjectParams.parse(req.params)
        const project = await q.findProject(req.db as Db, id, null)
        if (!project?.is_public) throw new NotFoundError()
        const db = req.db as Db
        const [schedule, posts, documents, marks] = await Promise.all([
          scheduleExcerpt(db, project.id, today(), publicScheduleExcerpt),
          newsPage(db, project.id, null, publicNewsExcerpt),
          projectDocuments(db, project.id, true),
          stripFiles(db, project),
        ])
        return (
          <PublicProjectPage
            ctx={viewContext(req, reply)}
            project={project}
            schedule={schedule}
            news={posts}
            documents={documents}
            marks={marks}
          />
        )
      },
      { data: true },
    ),
  )

  const projectPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    found: FoundProject,
    errors?: FieldErrors,
  ) =>
    render(
      reply.code(errors ? 422 : 200),
      <ProjectPage
        ctx={viewContext(req, reply)}
        project={found.project}
        mayReport={found.mayReport}
        mayEdit={found.mayEdit}
        report={errors ? { values: typedValues(req.body), errors } : undefined}
      />,
    )

  app.get('/projects/:id', { config: { permission: 'projects.read' } }, async (req, reply) =>
    projectPage(req, reply, await projectFor(req, 'project.read')),
  )

  // The information poster to print and hang where the project is run; its staff print it before
  // the project is published too, so it is inside, for whoever reads the project.
  app.get('/projects/:id/poster.pdf', { config: { permission: 'projects.read' } }, async (req, reply) => {
    const { project } = await projectFor(req, 'project.read')
    const files = await stripFiles(req.db as Db, project)
    const marks = new Map<string, MarkFile & { bytes: Buffer }>()
    for (const [slot, f] of files)
      marks.set(slot, { ...f, bytes: await buffer(app.storage.open(f.file_hash)) })
    const pdf = await projectPosterPdf(
      req.t,
      req.lang,
      project,
      project.is_public ? `${config.baseUrl}/funded-projects/${project.id}` : null,
      marks,
    )
    return reply
      .header('content-type', 'application/pdf')
      .header(
        'content-disposition',
        attachment(`${req.t('projects.poster.file')}-${project.acronym || project.id}.pdf`),
      )
      .header('cache-control', 'private, no-store')
      .send(pdf)
  })

  app.post('/projects/:id/reports', { config: { permission: 'projects.read' } }, async (req, reply) => {
    const found = await projectFor(req, 'project.report')
    return submitForm(req, reply, ReportForm, {
      act: (form) => reportProgress(req.db as Db, found.actor, found.project, form),
      again: (errors) => projectPage(req, reply, found, errors),
      flash: req.t('projects.reported'),
      to: `/projects/${found.project.id}#indicators`,
    })
  })

  // Adding a project and changing its facts: one form, checked whole; a save over a version someone
  // else replaced shows both.
  const choices = async (req: FastifyRequest): Promise<projects.FormChoices> => {
    const db = req.db as Db
    const [programmes, themes, organisations] = await Promise.all([
      q.programmeChoices(db),
      q.themeChoices(db),
      accounts.listOrganisationChoices(req.db),
    ])
    return { programmes, themes, organisations }
  }

  const formPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    project: ProjectRow | undefined,
    extra: { errors?: FieldErrors; conflict?: ProjectRow; form?: ProjectForm } = {},
  ) => {
    const c = await choices(req)
    const refused = extra.errors !== undefined || extra.conflict !== undefined
    const theirs = extra.conflict
    return render(
      reply.code(refused ? (theirs ? 409 : 422) : 200),
      <ProjectFormPage
        ctx={viewContext(req, reply)}
        project={project}
        choices={c}
        values={refused ? typedValues(req.body) : undefined}
        errors={extra.errors}
        conflict={
          theirs && extra.form
            ? { theirs, differences: projects.conflictDifferences(theirs, extra.form, c) }
            : undefined
        }
      />,
    )
  }

  app.get('/projects/new', { config: { permission: 'projects.manage' } }, async (req, reply) => {
    authorize(req.actor, 'projects.manage')
    return formPage(req, reply, undefined)
  })

  app.post('/projects', { config: { permission: 'projects.manage' } }, async (req, reply) => {
    authorize(req.actor, 'projects.manage')
    const actor = req.actor
    return submitForm(req, reply, ProjectForm, {
      act: async (form) => projects.createProject(req.db as Db, actor, form, await choices(req)),
      again: (errors) => formPage(req, reply, undefined, { errors }),
      flash: req.t('projects.form.created'),
      to: (row) => `/projects/${row.id}/parts`,
    })
  })

  app.get('/projects/:id/edit', { config: { permission: 'projects.read' } }, async (req, reply) => {
    const found = await projectFor(req, 'project.edit')
    return formPage(req, reply, found.project)
  })

  app.post('/projects/:id/edit', { config: { permission: 'projects.read' } }, async (req, reply) => {
    const found = await projectFor(req, 'project.edit')
    const form = parseForm(ProjectForm, req.body, req.t, req.lang)
    if (!form.ok) return formPage(req, reply, found.project, { errors: form.errors })
    let outcome: projects.SaveOutcome
    try {
      outcome = await projects.saveProject(
        req.db as Db,
        found.actor,
        found.project,
        form.data,
        await choices(req),
      )
    } catch (err) {
      return formPage(req, reply, found.project, { errors: ruleErrors(err, req.t) })
    }
    if (!outcome.saved)
      return formPage(req, reply, outcome.theirs, { conflict: outcome.theirs, form: form.data })
    setFlash(reply, req.t('projects.form.saved'))
    return reply.redirect(`/projects/${found.project.id}`, 303)
  })

  app.get('/projects/:id/history', { config: { permission: 'projects.read' } }, async (req, reply) => {
    const found = await projectFor(req, 'project.read')
    const { before } = HistoryQuery.parse(req.query)
    const rows = await q.projectRevisions(req.db as Db, found.project.id, before, historyPageSize)
    const page = keysetPageOf(rows, historyPageSize, (last) => `${last.at_key}_${last.id}`)
    return render(
      reply,
      <ProjectHistoryPage
        ctx={viewContext(req, reply)}
        project={found.project}
        revisions={page.rows}
        older={page.next}
        continued={before !== null}
      />,
    )
  })
}

/** Saves a history page shows. */
export const historyPageSize = 30

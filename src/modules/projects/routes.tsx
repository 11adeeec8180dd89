// The portfolio of funded projects: the list (keyset pages) and a project's page. The secretariat
// and the managing authority read every project; project staff their own (policy: projectCan).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { NotFoundError } from '../../kernel/errors.ts'
import { typedValues } from '../../kernel/forms.ts'
import { render, submitForm, viewContext } from '../../kernel/http.tsx'
import {
  authorize,
  authorizeProject,
  type ProjectPermission,
  projectCan,
  readsEveryProject,
} from '../../kernel/policy.ts'
import { renderPublic } from '../../kernel/public-pages.ts'
import type { FieldErrors } from '../../kernel/views/fields.tsx'
import type { Db } from './db.ts'
import * as q from './queries.ts'
import { cursorOf, ProjectParams, ProjectsQuery, ReportForm } from './schemas.ts'
import { reportProgress } from './service.ts'
import { ProjectPage } from './views/project-page.tsx'
import { ProjectsPage } from './views/projects-page.tsx'
import { PublicProjectPage } from './views/public-project-page.tsx'

/** Projects a list page shows. */
export const projectsPageSize = 25

/** A keyset page of the list: the rows shown, and where "more" continues (null on the last page). */
async function listPage(req: FastifyRequest, scope: Parameters<typeof q.listProjects>[1]) {
  const { after } = ProjectsQuery.parse(req.query)
  const rows = await q.listProjects(req.db as Db, scope, after, projectsPageSize)
  const shown = rows.slice(0, projectsPageSize)
  const last = shown.at(-1)
  return {
    rows: shown,
    next: rows.length > projectsPageSize && last ? cursorOf(last) : null,
    continued: after !== null,
  }
}

export async function projectRoutes(app: FastifyInstance) {
  app.get('/projects', { config: { permission: 'projects.read' } }, async (req, reply) => {
    authorize(req.actor, 'projects.read')
    const staffOnly = !readsEveryProject(req.actor)
    const page = await listPage(req, { staffOf: staffOnly ? req.actor.id : null })
    return render(
      reply,
      <ProjectsPage ctx={viewContext(req, reply)} kind={staffOnly ? 'staff' : 'portfolio'} {...page} />,
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
          {...(await listPage(req, { staffOf: null, publicOnly: true }))}
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
        return <PublicProjectPage ctx={viewContext(req, reply)} project={project} />
      },
      { data: true },
    ),
  )

  /** The project named in the address, if the person may do `permission` to it (else 404 or 403). */
  const projectFor = async (req: FastifyRequest, permission: ProjectPermission) => {
    authorize(req.actor, 'projects.read')
    const { id } = ProjectParams.parse(req.params)
    const project = await q.findProject(req.db as Db, id, req.actor.id)
    if (!project) throw new NotFoundError()
    const access = { staff: Boolean(project.is_staff) }
    authorizeProject(req.actor, permission, access)
    return { project, actor: req.actor, mayReport: projectCan(req.actor, 'project.report', access) }
  }

  const projectPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    found: Awaited<ReturnType<typeof projectFor>>,
    errors?: FieldErrors,
  ) =>
    render(
      reply.code(errors ? 422 : 200),
      <ProjectPage
        ctx={viewContext(req, reply)}
        project={found.project}
        mayReport={found.mayReport}
        report={errors ? { values: typedValues(req.body), errors } : undefined}
      />,
    )

  app.get('/projects/:id', { config: { permission: 'projects.read' } }, async (req, reply) =>
    projectPage(req, reply, await projectFor(req, 'project.read')),
  )

  app.post('/projects/:id/reports', { config: { permission: 'projects.read' } }, async (req, reply) => {
    const found = await projectFor(req, 'project.report')
    return submitForm(req, reply, ReportForm, {
      act: (form) => reportProgress(req.db as Db, found.actor, found.project, form),
      again: (errors) => projectPage(req, reply, found, errors),
      flash: req.t('projects.reported'),
      to: `/projects/${found.project.id}#indicators`,
    })
  })
}

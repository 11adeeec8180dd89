// The portfolio of funded projects: the list (keyset pages) and a project's page. The secretariat
// and the managing authority read every project; project staff their own (policy: projectCan).
import type { FastifyInstance } from 'fastify'
import { NotFoundError } from '../../kernel/errors.ts'
import { render, viewContext } from '../../kernel/http.tsx'
import { authorize, authorizeProject, readsEveryProject } from '../../kernel/policy.ts'
import type { Db } from './db.ts'
import * as q from './queries.ts'
import { cursorOf, ProjectParams, ProjectsQuery } from './schemas.ts'
import { ProjectPage } from './views/project-page.tsx'
import { ProjectsPage } from './views/projects-page.tsx'

/** Projects a list page shows. */
export const projectsPageSize = 25

export async function projectRoutes(app: FastifyInstance) {
  app.get('/projects', { config: { permission: 'projects.read' } }, async (req, reply) => {
    authorize(req.actor, 'projects.read')
    const { after } = ProjectsQuery.parse(req.query)
    const staffOnly = !readsEveryProject(req.actor)
    const rows = await q.listProjects(
      req.db as Db,
      { staffOf: staffOnly ? req.actor.id : null },
      after,
      projectsPageSize,
    )
    const shown = rows.slice(0, projectsPageSize)
    const last = shown.at(-1)
    return render(
      reply,
      <ProjectsPage
        ctx={viewContext(req, reply)}
        rows={shown}
        next={rows.length > projectsPageSize && last ? cursorOf(last) : null}
        continued={after !== null}
        staffOnly={staffOnly}
      />,
    )
  })

  app.get('/projects/:id', { config: { permission: 'projects.read' } }, async (req, reply) => {
    authorize(req.actor, 'projects.read')
    const { id } = ProjectParams.parse(req.params)
    const project = await q.findProject(req.db as Db, id, req.actor.id)
    if (!project) throw new NotFoundError()
    authorizeProject(req.actor, 'project.read', { staff: Boolean(project.is_staff) })
    return render(reply, <ProjectPage ctx={viewContext(req, reply)} project={project} />)
  })
}

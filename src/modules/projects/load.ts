// The project a request's address names, loaded once for a route after the policy let the person
// read projects, and refused (404 or 403) unless they may do what the route does to it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodType } from 'zod'
import { NotFoundError } from '../../kernel/errors.ts'
import { submitForm } from '../../kernel/http.tsx'
import { authorize, authorizeProject, type ProjectPermission, projectCan } from '../../kernel/policy.ts'
import type { Db } from './db.ts'
import { findProject } from './queries.ts'
import { ProjectParams } from './schemas.ts'

/** The project named in the address, if the person may do `permission` to it (else 404 or 403). */
export async function projectFor(req: FastifyRequest, permission: ProjectPermission) {
  authorize(req.actor, 'projects.read')
  const { id } = ProjectParams.parse(req.params)
  const project = await findProject(req.db as Db, id, req.actor.id)
  if (!project) throw new NotFoundError()
  const access = { staff: Boolean(project.is_staff) }
  authorizeProject(req.actor, permission, access)
  return {
    project,
    actor: req.actor,
    mayReport: projectCan(req.actor, 'project.report', access),
    mayEdit: projectCan(req.actor, 'project.edit', access),
    mayStaff: projectCan(req.actor, 'project.staff', access),
  }
}

export type FoundProject = Awaited<ReturnType<typeof projectFor>>

/**
 * A form posted about one project by whoever edits it (`/projects/:id/<path>`): the project is read
 * and the person checked first (404, 403), before the form; then the form's steps, which `steps`
 * makes for the project found.
 */
export function editPost<S extends ZodType, R>(
  app: FastifyInstance,
  path: string,
  schema: S,
  steps: (
    req: FastifyRequest,
    reply: FastifyReply,
    found: FoundProject,
  ) => Parameters<typeof submitForm<S, R>>[3],
) {
  app.post(`/projects/:id/${path}`, { config: { permission: 'projects.read' } }, async (req, reply) => {
    const found = await projectFor(req, 'project.edit')
    return submitForm(req, reply, schema, steps(req, reply, found))
  })
}

/** A published project, or 404: what is not published does not exist on the public site. */
export async function publishedProject(req: FastifyRequest) {
  const { id } = ProjectParams.parse(req.params)
  const project = await findProject(req.db as Db, id, null)
  if (!project?.is_public) throw new NotFoundError()
  return project
}

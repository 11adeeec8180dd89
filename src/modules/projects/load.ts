// The project a request's address names, loaded once for a route after the policy let the person
// read projects, and refused (404 or 403) unless they may do what the route does to it.
import type { FastifyRequest } from 'fastify'
import { NotFoundError } from '../../kernel/errors.ts'
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

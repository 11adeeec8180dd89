// Partnership groups' pages (projects.read: whoever reads every project sees every group, project
// staff the groups of their projects and those they coordinate; the secretariat makes and changes
// them), and the form that names a project's steering committee.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { NotFoundError } from '../../../kernel/errors.ts'
import { typedValues } from '../../../kernel/forms.ts'
import { render, submitForm, viewContext } from '../../../kernel/http.tsx'
import { keysetPageOf } from '../../../kernel/pagination.ts'
import { type Actor, authorize, can, readsEveryProject } from '../../../kernel/policy.ts'
import type { FieldErrors } from '../../../kernel/views/fields.tsx'
import type { Db } from '../db.ts'
import { themeChoices } from '../queries.ts'
import { RemoveForm } from '../schemas.ts'
import { GroupForm, GroupParams, GroupProjectForm, GroupsQuery } from './schemas.ts'
import * as groups from './service.ts'
import { type GroupChoices, GroupPage, type GroupRefused, GroupsPage } from './views/groups-page.tsx'

const read = { config: { permission: 'projects.read' } } as const
const manage = { config: { permission: 'projects.manage' } } as const

/** Whose groups the person reads: none to narrow for whoever reads every project, else their own. */
const staffOf = (actor: Actor) => (readsEveryProject(actor) ? null : actor.id)

export async function groupRoutes(app: FastifyInstance) {
  const choices = async (db: Db): Promise<GroupChoices> => {
    const [themes, coordinators] = await Promise.all([themeChoices(db), groups.coordinatorChoices(db)])
    return { themes, coordinators }
  }

  const listPage = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) => {
    authorize(req.actor, 'projects.read')
    const db = req.db as Db
    const query = errors ? GroupsQuery.parse({}) : GroupsQuery.parse(req.query)
    const [rows, formChoices] = await Promise.all([
      groups.groupsPage(db, staffOf(req.actor), query.after),
      can(req.actor, 'projects.manage') ? choices(db) : null,
    ])
    const page = keysetPageOf(rows, groups.groupsPageSize, (last) => last.id)
    return render(
      reply.code(errors ? 422 : 200),
      <GroupsPage
        ctx={viewContext(req, reply)}
        rows={page.rows}
        next={page.next}
        continued={query.after !== null}
        own={staffOf(req.actor) !== null}
        choices={formChoices}
        refused={errors ? { form: 'group', values: typedValues(req.body), errors } : undefined}
      />,
    )
  }

  app.get('/projects/groups', read, (req, reply) => listPage(req, reply))

  app.post('/projects/groups', manage, async (req, reply) => {
    authorize(req.actor, 'projects.manage')
    const actor = req.actor
    return submitForm(req, reply, GroupForm, {
      act: (form) => groups.createGroup(req.db as Db, actor, form),
      again: (errors) => listPage(req, reply, errors),
      flash: req.t('projects.groups.created'),
      to: (id) => `/projects/groups/${id}`,
    })
  })

  /** The group the address names, if the person reads it (else 404). */
  const groupOf = async (req: FastifyRequest) => {
    authorize(req.actor, 'projects.read')
    const { groupId } = GroupParams.parse(req.params)
    const group = await groups.findGroup(req.db as Db, groupId, staffOf(req.actor), req.actor.id)
    if (!group) throw new NotFoundError()
    return group
  }

  const groupPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    group: groups.Group,
    refused?: { form: GroupRefused['form']; errors: FieldErrors },
  ) => {
    authorize(req.actor, 'projects.read')
    const actor = req.actor
    const db = req.db as Db
    const manages = can(actor, 'projects.manage')
    const [formChoices, candidates] = manages
      ? await Promise.all([choices(db), groups.candidateProjects(db, group)])
      : [null, null]
    return render(
      reply.code(refused ? 422 : 200),
      <GroupPage
        ctx={viewContext(req, reply)}
        group={group}
        readsEvery={staffOf(actor) === null}
        manage={formChoices && candidates ? { choices: formChoices, candidates } : null}
        refused={refused ? { ...refused, values: typedValues(req.body) } : undefined}
      />,
    )
  }

  app.get('/projects/groups/:groupId', read, async (req, reply) => groupPage(req, reply, await groupOf(req)))

  /** A secretariat's change to a group: the group read first (404), then the policy (403). */
  const managed = async (req: FastifyRequest) => {
    const group = await groupOf(req)
    authorize(req.actor, 'projects.manage')
    return { group, actor: req.actor }
  }

  app.post('/projects/groups/:groupId', manage, async (req, reply) => {
    const { group, actor } = await managed(req)
    return submitForm(req, reply, GroupForm, {
      act: (form) => groups.saveGroup(req.db as Db, actor, group, form),
      again: (errors) => groupPage(req, reply, group, { form: 'group', errors }),
      flash: req.t('projects.groups.saved'),
      to: `/projects/groups/${group.id}`,
    })
  })

  app.post('/projects/groups/:groupId/projects', manage, async (req, reply) => {
    const { group, actor } = await managed(req)
    return submitForm(req, reply, GroupProjectForm, {
      act: (form) => groups.addGroupProject(req.db as Db, actor, group, form.projectId),
      again: (errors) => groupPage(req, reply, group, { form: 'project', errors }),
      flash: req.t('projects.groups.projectAdded'),
      to: `/projects/groups/${group.id}#projects`,
    })
  })

  app.post('/projects/groups/:groupId/projects/remove', manage, async (req, reply) => {
    const { group, actor } = await managed(req)
    return submitForm(req, reply, RemoveForm, {
      act: (form) => groups.removeGroupProject(req.db as Db, actor, group, form.rowId),
      again: (errors) => groupPage(req, reply, group, { form: 'remove', errors }),
      flash: req.t('projects.groups.projectRemoved'),
      to: `/projects/groups/${group.id}#projects`,
    })
  })
}

// A project's lists on its parts page: partners and cooperating institutions, target groups,
// indicators and contact people (its staff and the secretariat), its steering committee and its
// staff (the secretariat alone).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import { RuleError } from '../../kernel/errors.ts'
import { typedValues } from '../../kernel/forms.ts'
import { render, submitForm, viewContext } from '../../kernel/http.tsx'
import { type MessageKey, translateKey } from '../../kernel/i18n.ts'
import type { ProjectPermission } from '../../kernel/policy.ts'
import type { FieldErrors } from '../../kernel/views/fields.tsx'
import * as accounts from '../accounts/service.ts'
import type { Db } from './db.ts'
import { SteeringForm } from './groups/schemas.ts'
import * as groups from './groups/service.ts'
import { type FoundProject, projectFor } from './load.ts'
import * as projects from './parts-service.ts'
import * as q from './queries.ts'
import { ContactForm, IndicatorForm, PartnerForm, RemoveForm, StaffForm, TargetGroupForm } from './schemas.ts'
import { type PartForm, ProjectPartsPage } from './views/project-parts-page.tsx'

export async function partRoutes(app: FastifyInstance) {
  // The project's lists: partners, target groups, indicators (its staff and the secretariat) and
  // the staff itself (the secretariat alone).
  const partsPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    found: FoundProject,
    refused?: { form: PartForm; errors: FieldErrors },
  ) => {
    const db = req.db as Db
    const [organisations, staff, steering] = await Promise.all([
      accounts.listOrganisationChoices(req.db),
      found.mayStaff ? q.projectStaff(db, found.project.id) : null,
      // The steering committees (spaces the secretariat services, some private): its choice.
      found.mayStaff ? groups.steeringChoices(db) : null,
    ])
    return render(
      reply.code(refused ? 422 : 200),
      <ProjectPartsPage
        ctx={viewContext(req, reply)}
        project={found.project}
        organisations={organisations}
        staff={staff}
        steering={steering}
        refused={refused ? { ...refused, values: typedValues(req.body) } : undefined}
      />,
    )
  }

  app.get('/projects/:id/parts', { config: { permission: 'projects.read' } }, async (req, reply) =>
    partsPage(req, reply, await projectFor(req, 'project.edit')),
  )

  /** One change of a list on the parts page: its form, the change, the message, back to its section. */
  const partRoute = <S extends Parameters<typeof submitForm>[2]>(
    path: string,
    permission: ProjectPermission,
    form: PartForm,
    schema: S,
    section: string,
    flash: MessageKey,
    act: (req: FastifyRequest, found: FoundProject, data: z.output<S>) => Promise<unknown>,
  ) =>
    app.post(`/projects/:id/${path}`, { config: { permission: 'projects.read' } }, async (req, reply) => {
      const found = await projectFor(req, permission)
      return submitForm(req, reply, schema, {
        act: (data) => act(req, found, data),
        again: (errors) => partsPage(req, reply, found, { form, errors }),
        flash: translateKey(req.t, flash),
        to: `/projects/${found.project.id}/parts#${section}`,
      })
    })

  partRoute(
    'partners',
    'project.edit',
    'partner',
    PartnerForm,
    'partners',
    'projects.parts.partnerAdded',
    async (req, f, data) =>
      projects.addPartner(
        req.db as Db,
        f.actor,
        f.project,
        data,
        await accounts.listOrganisationChoices(req.db),
      ),
  )
  partRoute(
    'steering',
    'project.staff',
    'steering',
    SteeringForm,
    'steering',
    'projects.groups.steeringSaved',
    (req, f, data) => groups.setSteering(req.db as Db, f.actor, f.project, data.spaceId),
  )
  partRoute(
    'partners/remove',
    'project.edit',
    'remove',
    RemoveForm,
    'partners',
    'projects.parts.partnerRemoved',
    (req, f, data) => projects.removePartner(req.db as Db, f.actor, f.project, data.rowId),
  )
  partRoute(
    'groups',
    'project.edit',
    'group',
    TargetGroupForm,
    'groups',
    'projects.parts.groupAdded',
    (req, f, data) => projects.addTargetGroup(req.db as Db, f.actor, f.project, data),
  )
  partRoute(
    'groups/remove',
    'project.edit',
    'remove',
    RemoveForm,
    'groups',
    'projects.parts.groupRemoved',
    (req, f, data) => projects.removeTargetGroup(req.db as Db, f.actor, f.project, data.rowId),
  )
  partRoute(
    'indicators',
    'project.edit',
    'indicator',
    IndicatorForm,
    'indicators',
    'projects.parts.indicatorAdded',
    (req, f, data) => projects.addIndicator(req.db as Db, f.actor, f.project, data),
  )
  partRoute(
    'indicators/remove',
    'project.edit',
    'remove',
    RemoveForm,
    'indicators',
    'projects.parts.indicatorRemoved',
    (req, f, data) => projects.removeIndicator(req.db as Db, f.actor, f.project, data.rowId),
  )
  partRoute(
    'contacts',
    'project.edit',
    'contact',
    ContactForm,
    'contacts',
    'projects.parts.contactAdded',
    (req, f, data) => projects.addContact(req.db as Db, f.actor, f.project, data),
  )
  partRoute(
    'contacts/remove',
    'project.edit',
    'remove',
    RemoveForm,
    'contacts',
    'projects.parts.contactRemoved',
    (req, f, data) => projects.removeContact(req.db as Db, f.actor, f.project, data.rowId),
  )
  partRoute(
    'staff',
    'project.staff',
    'staff',
    StaffForm,
    'staff',
    'projects.parts.staffAdded',
    async (req, f, data) => {
      const db = req.db as Db
      const person = (await q.projectStaff(db, f.project.id)).find(
        (s) => s.id === data.personId && !s.on_staff,
      )
      if (!person) throw new RuleError('errors.choose', 'personId')
      return projects.setStaff(db, f.actor, f.project, person, true)
    },
  )
  partRoute(
    'staff/remove',
    'project.staff',
    'remove',
    RemoveForm,
    'staff',
    'projects.parts.staffRemoved',
    async (req, f, data) => {
      const db = req.db as Db
      const person = (await q.projectStaff(db, f.project.id)).find((s) => s.id === data.rowId && s.on_staff)
      if (!person) throw new RuleError('errors.choose')
      return projects.setStaff(db, f.actor, f.project, person, false)
    },
  )
}

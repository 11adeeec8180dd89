import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../../config.ts'
import { parseForm, ruleErrors, typedValues } from '../../../kernel/forms.ts'
import { render, setFlash, viewContext } from '../../../kernel/http.tsx'
import { unescaped } from '../../../kernel/i18n.ts'
import { pageFrom, pageOf } from '../../../kernel/pagination.ts'
import { type Actor, assignableRoles, authorize, can } from '../../../kernel/policy.ts'
import type { FieldErrors } from '../../../kernel/views/fields.tsx'
import { ChangeRole, IdParams, Invite, PeopleQuery } from '../schemas.ts'
import * as accounts from '../service.ts'
import { InvitationsPage } from '../views/invitations-page.tsx'
import { InvitePage } from '../views/invite-page.tsx'
import { PeopleListPage } from '../views/people-list-page.tsx'
import { PersonPage } from '../views/person-page.tsx'

export async function peopleRoutes(app: FastifyInstance, { config }: { config: Config }) {
  app.get('/people', { config: { permission: 'people.read' } }, async (req, reply) => {
    authorize(req.actor, 'people.read')
    const query = PeopleQuery.parse(req.query)
    const page = pageFrom(req.query)
    const { rows, hasNext } = pageOf(await accounts.listPeople(req.db, query, page), page)
    const ctx = viewContext(req, reply)
    return render(
      reply,
      <PeopleListPage
        ctx={ctx}
        rows={rows}
        page={page}
        hasNext={hasNext}
        query={query}
        canInvite={can(req.actor, 'people.invite')}
      />,
    )
  })

  const invitePage = async (req: FastifyRequest, reply: FastifyReply, actor: Actor, errors?: FieldErrors) => {
    const organisations = await accounts.listOrganisationChoices(req.db)
    const values = errors ? typedValues(req.body) : undefined
    const page = (
      <InvitePage
        ctx={viewContext(req, reply)}
        roles={assignableRoles(actor)}
        organisations={organisations}
        values={values}
        errors={errors}
      />
    )
    return render(errors ? reply.code(422) : reply, page)
  }

  app.get('/people/invite', { config: { permission: 'people.invite' } }, async (req, reply) => {
    authorize(req.actor, 'people.invite')
    return invitePage(req, reply, req.actor)
  })

  app.post(
    '/people/invite',
    {
      config: {
        permission: 'people.invite',
        rateLimit: { max: config.rateLimits.invitation, timeWindow: config.rateLimits.windowMs },
      },
    },
    async (req, reply) => {
      authorize(req.actor, 'people.invite')
      const form = parseForm(Invite, req.body, req.t, req.lang)
      if (!form.ok) return invitePage(req, reply, req.actor, form.errors)
      try {
        await accounts.invitePerson(req.db, req.actor, form.data, config.baseUrl, req.lang)
      } catch (err) {
        return invitePage(req, reply, req.actor, ruleErrors(err, req.t))
      }
      // The flash is rendered escaped, so the address goes in as typed.
      setFlash(reply, req.t('accounts.invite.sent', { email: form.data.email, ...unescaped }))
      return reply.redirect('/people', 303)
    },
  )

  app.get('/people/invitations', { config: { permission: 'people.invite' } }, async (req, reply) => {
    authorize(req.actor, 'people.invite')
    const page = pageFrom(req.query)
    const { rows, hasNext } = pageOf(await accounts.listPendingInvitations(req.db, page), page)
    return render(
      reply,
      <InvitationsPage
        ctx={viewContext(req, reply)}
        rows={rows}
        page={page}
        hasNext={hasNext}
        now={new Date()}
      />,
    )
  })

  app.post(
    '/people/invitations/:id/revoke',
    { config: { permission: 'people.invite' } },
    async (req, reply) => {
      const { id } = IdParams.parse(req.params)
      authorize(req.actor, 'people.invite')
      try {
        await accounts.revokeInvitation(req.db, req.actor, id)
        setFlash(reply, req.t('accounts.invitations.revoked'))
      } catch (err) {
        setFlash(reply, ruleErrors(err, req.t)._form)
      }
      return reply.redirect('/people/invitations', 303)
    },
  )

  const personPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    actor: Actor,
    id: string,
    errors?: FieldErrors,
  ) => {
    const person = await accounts.requirePerson(req.db, id)
    const roles = assignableRoles(actor)
    const canManage = can(actor, 'people.manage') && person.id !== actor.id && roles.includes(person.role)
    const roleValue = errors ? String((req.body as { role?: string })?.role ?? '') : undefined
    const page = (
      <PersonPage
        ctx={viewContext(req, reply)}
        person={person}
        roles={roles}
        canManage={canManage}
        roleValue={roleValue}
        errors={errors}
      />
    )
    return render(errors ? reply.code(422) : reply, page)
  }

  app.get('/people/:id', { config: { permission: 'people.read' } }, async (req, reply) => {
    const { id } = IdParams.parse(req.params)
    authorize(req.actor, 'people.read')
    return personPage(req, reply, req.actor, id)
  })

  app.post('/people/:id/role', { config: { permission: 'people.manage' } }, async (req, reply) => {
    const { id } = IdParams.parse(req.params)
    authorize(req.actor, 'people.manage')
    const form = parseForm(ChangeRole, req.body, req.t, req.lang)
    if (!form.ok) return personPage(req, reply, req.actor, id, form.errors)
    try {
      await accounts.changeRole(req.db, req.actor, id, form.data.role)
    } catch (err) {
      return personPage(req, reply, req.actor, id, ruleErrors(err, req.t))
    }
    setFlash(reply, req.t('accounts.people.roleChanged'))
    return reply.redirect(`/people/${id}`, 303)
  })

  for (const action of ['deactivate', 'reactivate'] as const) {
    app.post(`/people/:id/${action}`, { config: { permission: 'people.manage' } }, async (req, reply) => {
      const { id } = IdParams.parse(req.params)
      authorize(req.actor, 'people.manage')
      try {
        await accounts.setActive(req.db, req.actor, id, action === 'reactivate')
      } catch (err) {
        return personPage(req, reply, req.actor, id, ruleErrors(err, req.t))
      }
      setFlash(reply, req.t(`accounts.people.${action}d`))
      return reply.redirect(`/people/${id}`, 303)
    })
  }
}

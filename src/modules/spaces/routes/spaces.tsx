import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../../config.ts'
import { addDays, today } from '../../../kernel/dates.ts'
import { typedValues } from '../../../kernel/forms.ts'
import { render, setFlash, submitForm, viewContext } from '../../../kernel/http.tsx'
import { pageFrom, pageOf } from '../../../kernel/pagination.ts'
import { authorize, can } from '../../../kernel/policy.ts'
import type { FieldErrors } from '../../../kernel/views/fields.tsx'
import * as accounts from '../../accounts/service.ts'
import { GuestForm, ItemParams, SpaceForm, SpacesQuery } from '../schemas.ts'
import * as spaces from '../service.ts'
import { MembersPage } from '../views/members-page.tsx'
import { OverviewPage } from '../views/overview-page.tsx'
import { NewSpacePage, SpaceSettingsPage, spaceFormValues } from '../views/space-form-page.tsx'
import { SpacesListPage } from '../views/spaces-list-page.tsx'
import { inSpace } from './load.ts'

export async function spaceRoutes(app: FastifyInstance, { config }: { config: Pick<Config, 'baseUrl'> }) {
  app.get('/spaces', { config: { permission: 'signedIn' } }, async (req, reply) => {
    authorize(req.actor, 'signedIn')
    const query = SpacesQuery.parse(req.query)
    const page = pageFrom(req.query)
    const { rows, hasNext } = pageOf(await spaces.listSpacesFor(req.db, req.actor, query, page), page)
    return render(
      reply,
      <SpacesListPage
        ctx={viewContext(req, reply)}
        rows={rows}
        page={page}
        hasNext={hasNext}
        query={query}
        canCreate={can(req.actor, 'spaces.create')}
      />,
    )
  })

  const refusedNew = async (req: FastifyRequest, reply: FastifyReply, errors: FieldErrors) =>
    render(
      reply.code(422),
      <NewSpacePage
        ctx={viewContext(req, reply)}
        values={typedValues(req.body)}
        errors={errors}
        secretaries={await accounts.listSecretariat(req.db)}
      />,
    )

  app.get('/spaces/new', { config: { permission: 'spaces.create' } }, async (req, reply) => {
    authorize(req.actor, 'spaces.create')
    return render(
      reply,
      <NewSpacePage ctx={viewContext(req, reply)} secretaries={await accounts.listSecretariat(req.db)} />,
    )
  })

  app.post('/spaces/new', { config: { permission: 'spaces.create' } }, async (req, reply) => {
    authorize(req.actor, 'spaces.create')
    const actor = req.actor
    return submitForm(req, reply, SpaceForm, {
      act: (data) => spaces.createSpace(req.db, actor, data),
      again: (errors) => refusedNew(req, reply, errors),
      flash: req.t('spaces.form.created'),
      to: (id) => `/spaces/${id}`,
    })
  })

  app.get(
    '/spaces/:id',
    { config: { permission: 'signedIn', spacePermission: 'space.read' } },
    async (req, reply) => {
      const { space, may } = inSpace(req)
      const [heads, announcements, upcoming] = await Promise.all([
        spaces.findOverviewHeads(req.db, space, today()),
        spaces.listAnnouncements(req.db, space.id, { number: 1, size: 3, offset: 0 }),
        spaces.listScheduleBetween(req.db, space.id, today(), addDays(today(), 120), 5),
      ])
      return render(
        reply,
        <OverviewPage
          ctx={viewContext(req, reply)}
          space={space}
          may={may}
          myRole={space.access.role}
          secretaryName={heads.secretary_name ?? null}
          chair={heads.chair ?? undefined}
          openProposal={heads.open_proposal ?? undefined}
          announcements={announcements.slice(0, 3)}
          upcoming={upcoming}
        />,
      )
    },
  )

  const refusedSettings = async (req: FastifyRequest, reply: FastifyReply, errors: FieldErrors) => {
    const { space, may } = inSpace(req)
    return render(
      reply.code(422),
      <SpaceSettingsPage
        ctx={viewContext(req, reply)}
        space={space}
        may={may}
        values={typedValues(req.body)}
        errors={errors}
        secretaries={await accounts.listSecretariat(req.db)}
      />,
    )
  }

  app.get(
    '/spaces/:id/settings',
    { config: { permission: 'signedIn', spacePermission: 'space.settings' } },
    async (req, reply) => {
      const { space, may } = inSpace(req)
      return render(
        reply,
        <SpaceSettingsPage
          ctx={viewContext(req, reply)}
          space={space}
          may={may}
          values={spaceFormValues(space)}
          secretaries={await accounts.listSecretariat(req.db)}
        />,
      )
    },
  )

  app.post(
    '/spaces/:id/settings',
    { config: { permission: 'signedIn', spacePermission: 'space.settings' } },
    async (req, reply) => {
      const { space, actor } = inSpace(req)
      return submitForm(req, reply, SpaceForm, {
        act: (data) => spaces.updateSpace(req.db, actor, space, data),
        again: (errors) => refusedSettings(req, reply, errors),
        flash: req.t('spaces.form.saved'),
        to: `/spaces/${space.id}`,
      })
    },
  )

  // The members in office, and on the first page a composition approved to begin later, which
  // explains the day their terms end.
  const membersPage = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) => {
    const { space, may } = inSpace(req)
    const page = pageFrom(req.query, 50)
    const [list, upcoming] = await Promise.all([
      spaces.listMembers(req.db, space.id, page),
      page.number === 1 ? spaces.listUpcomingMembers(req.db, space.id) : [],
    ])
    const { rows, hasNext } = pageOf(list, page)
    return render(
      reply.code(errors ? 422 : 200),
      <MembersPage
        ctx={viewContext(req, reply)}
        space={space}
        may={may}
        rows={rows}
        upcoming={upcoming}
        page={page}
        hasNext={hasNext}
        values={errors ? typedValues(req.body) : undefined}
        errors={errors}
      />,
    )
  }

  app.get(
    '/spaces/:id/members',
    { config: { permission: 'signedIn', spacePermission: 'space.read' } },
    async (req, reply) => membersPage(req, reply),
  )

  app.post(
    '/spaces/:id/guests',
    { config: { permission: 'signedIn', spacePermission: 'space.settings' } },
    async (req, reply) => {
      const { space, actor } = inSpace(req)
      return submitForm(req, reply, GuestForm, {
        act: (data) =>
          spaces.inviteGuest(req.db, actor, space, data, { lang: req.lang, baseUrl: config.baseUrl }),
        again: (errors) => membersPage(req, reply, errors),
        flash: (outcome) =>
          req.t(outcome === 'accountCreated' ? 'spaces.guests.invitedNew' : 'spaces.guests.invited'),
        to: `/spaces/${space.id}/members`,
      })
    },
  )

  app.post(
    '/spaces/:id/guests/:itemId/end',
    { config: { permission: 'signedIn', spacePermission: 'space.settings' } },
    async (req, reply) => {
      const { itemId } = ItemParams.parse(req.params)
      const { space, actor } = inSpace(req)
      await spaces.endGuestAccess(req.db, actor, space, itemId)
      setFlash(reply, req.t('spaces.members.accessEnded'))
      return reply.redirect(`/spaces/${space.id}/members`, 303)
    },
  )
}

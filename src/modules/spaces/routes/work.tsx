// A space's work: the schedule (list and calendar), rules of procedure, announcements.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { NotFoundError } from '../../../kernel/errors.ts'
import { parseForm, ruleErrors, typedValues } from '../../../kernel/forms.ts'
import { render, setFlash, viewContext } from '../../../kernel/http.tsx'
import { pageFrom, pageOf } from '../../../kernel/pagination.ts'
import type { FieldErrors } from '../../../kernel/views/fields.tsx'
import { addDays, addMonths, monthOf, today } from '../rules.ts'
import {
  AnnouncementForm,
  ItemParams,
  MonthQuery,
  RulesAdoptionForm,
  RulesForm,
  ScheduleAdoptionForm,
  ScheduleForm,
} from '../schemas.ts'
import * as spaces from '../service.ts'
import { AnnouncementsPage } from '../views/announcements-page.tsx'
import { NewRulesPage, RulesPage } from '../views/rules-page.tsx'
import { ScheduleCalendarPage, ScheduleItemPage, ScheduleListPage } from '../views/schedule-page.tsx'
import { spaceFor } from './load.ts'

const ScheduleView = z.object({ view: z.enum(['list', 'calendar']).catch('list').default('list') })
const Pinned = z.object({ pinned: z.enum(['yes', 'no']) })

export async function workRoutes(app: FastifyInstance) {
  const scheduleList = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) => {
    const { space, may } = await spaceFor(req, 'space.read')
    const page = pageFrom(req.query, 50)
    const { rows, hasNext } = pageOf(await spaces.listSchedule(req.db, space.id, page), page)
    return render(
      reply.code(errors ? 422 : 200),
      <ScheduleListPage
        ctx={viewContext(req, reply)}
        space={space}
        may={may}
        rows={rows}
        page={page}
        hasNext={hasNext}
        values={errors ? typedValues(req.body) : undefined}
        errors={errors}
      />,
    )
  }

  app.post(
    '/spaces/:id/schedule/adopt',
    { config: { permission: 'signedIn', spacePermission: 'space.settings' } },
    async (req, reply) => {
      const { space, actor } = await spaceFor(req, 'space.settings')
      const form = parseForm(ScheduleAdoptionForm, req.body, req.t, req.lang)
      if (!form.ok) return scheduleList(req, reply, form.errors)
      await spaces.markScheduleAdopted(req.db, actor, space, form.data)
      setFlash(reply, req.t('spaces.schedule.adoptedSaved'))
      return reply.redirect(`/spaces/${space.id}/schedule`, 303)
    },
  )

  app.get(
    '/spaces/:id/schedule',
    { config: { permission: 'signedIn', spacePermission: 'space.read' } },
    async (req, reply) => {
      if (ScheduleView.parse(req.query).view !== 'calendar') return scheduleList(req, reply)
      const { space, may } = await spaceFor(req, 'space.read')
      const month = MonthQuery.parse(req.query).month ?? monthOf(today())
      const last = addDays(`${addMonths(month, 1)}-01`, -1)
      const items = await spaces.listScheduleBetween(req.db, space.id, `${month}-01`, last)
      return render(
        reply,
        <ScheduleCalendarPage
          ctx={viewContext(req, reply)}
          space={space}
          may={may}
          month={month}
          items={items}
        />,
      )
    },
  )

  const itemPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    itemId: string | undefined,
    errors?: FieldErrors,
  ) => {
    const { space, may } = await spaceFor(req, 'space.manage')
    let values = typedValues(req.body)
    if (!errors && itemId) {
      const item = await spaces.findScheduleItem(req.db, space, itemId)
      if (!item) throw new NotFoundError()
      values = { task: item.task, responsible: item.responsible, dueOn: item.due_on, status: item.status }
    }
    return render(
      reply.code(errors ? 422 : 200),
      <ScheduleItemPage
        ctx={viewContext(req, reply)}
        space={space}
        may={may}
        itemId={itemId}
        values={errors || itemId ? values : undefined}
        errors={errors}
      />,
    )
  }

  app.get(
    '/spaces/:id/schedule/new',
    { config: { permission: 'signedIn', spacePermission: 'space.manage' } },
    async (req, reply) => itemPage(req, reply, undefined),
  )

  app.post(
    '/spaces/:id/schedule',
    { config: { permission: 'signedIn', spacePermission: 'space.manage' } },
    async (req, reply) => {
      const { space, actor } = await spaceFor(req, 'space.manage')
      const form = parseForm(ScheduleForm, req.body, req.t, req.lang)
      if (!form.ok) return itemPage(req, reply, undefined, form.errors)
      await spaces.saveScheduleItem(req.db, actor, space, null, form.data)
      setFlash(reply, req.t('spaces.schedule.saved'))
      return reply.redirect(`/spaces/${space.id}/schedule`, 303)
    },
  )

  app.get(
    '/spaces/:id/schedule/:itemId',
    { config: { permission: 'signedIn', spacePermission: 'space.manage' } },
    async (req, reply) => itemPage(req, reply, ItemParams.parse(req.params).itemId),
  )

  app.post(
    '/spaces/:id/schedule/:itemId',
    { config: { permission: 'signedIn', spacePermission: 'space.manage' } },
    async (req, reply) => {
      const { itemId } = ItemParams.parse(req.params)
      const { space, actor } = await spaceFor(req, 'space.manage')
      const form = parseForm(ScheduleForm, req.body, req.t, req.lang)
      if (!form.ok) return itemPage(req, reply, itemId, form.errors)
      await spaces.saveScheduleItem(req.db, actor, space, itemId, form.data)
      setFlash(reply, req.t('spaces.schedule.saved'))
      return reply.redirect(`/spaces/${space.id}/schedule`, 303)
    },
  )

  const rulesPage = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) => {
    const { space, may } = await spaceFor(req, 'space.read')
    const page = pageFrom(req.query, 10)
    const { rows, hasNext } = pageOf(await spaces.listRules(req.db, space.id, page), page)
    return render(
      reply.code(errors ? 422 : 200),
      <RulesPage
        ctx={viewContext(req, reply)}
        space={space}
        may={may}
        rows={rows}
        page={page}
        hasNext={hasNext}
        values={errors ? typedValues(req.body) : undefined}
        errors={errors}
      />,
    )
  }

  app.get(
    '/spaces/:id/rules',
    { config: { permission: 'signedIn', spacePermission: 'space.read' } },
    async (req, reply) => rulesPage(req, reply),
  )

  const rulesForm = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) => {
    const { space, may } = await spaceFor(req, 'space.settings')
    let values = typedValues(req.body)
    if (!errors) {
      // A new version starts from the text in force.
      const [current] = await spaces.listRules(req.db, space.id, { number: 1, size: 1, offset: 0 })
      values = { body: current?.body ?? '', effectiveOn: today() }
    }
    return render(
      reply.code(errors ? 422 : 200),
      <NewRulesPage ctx={viewContext(req, reply)} space={space} may={may} values={values} errors={errors} />,
    )
  }

  app.get(
    '/spaces/:id/rules/new',
    { config: { permission: 'signedIn', spacePermission: 'space.settings' } },
    async (req, reply) => rulesForm(req, reply),
  )

  app.post(
    '/spaces/:id/rules',
    { config: { permission: 'signedIn', spacePermission: 'space.settings' } },
    async (req, reply) => {
      const { space, actor } = await spaceFor(req, 'space.settings')
      const form = parseForm(RulesForm, req.body, req.t, req.lang)
      if (!form.ok) return rulesForm(req, reply, form.errors)
      try {
        await spaces.addRulesVersion(req.db, actor, space, form.data)
      } catch (err) {
        return rulesForm(req, reply, ruleErrors(err, req.t))
      }
      setFlash(reply, req.t('spaces.rules.saved'))
      return reply.redirect(`/spaces/${space.id}/rules`, 303)
    },
  )

  app.post(
    '/spaces/:id/rules/:itemId/adopt',
    { config: { permission: 'signedIn', spacePermission: 'space.settings' } },
    async (req, reply) => {
      const { itemId } = ItemParams.parse(req.params)
      const { space, actor } = await spaceFor(req, 'space.settings')
      const form = parseForm(RulesAdoptionForm, req.body, req.t, req.lang)
      try {
        if (!form.ok) return rulesPage(req, reply, form.errors)
        await spaces.markRulesAdopted(req.db, actor, space, itemId, form.data.adoptedRef)
      } catch (err) {
        return rulesPage(req, reply, ruleErrors(err, req.t))
      }
      setFlash(reply, req.t('spaces.rules.adoptedSaved'))
      return reply.redirect(`/spaces/${space.id}/rules`, 303)
    },
  )

  const announcementsPage = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) => {
    const { space, may } = await spaceFor(req, 'space.read')
    const page = pageFrom(req.query, 20)
    const { rows, hasNext } = pageOf(await spaces.listAnnouncements(req.db, space.id, page), page)
    return render(
      reply.code(errors ? 422 : 200),
      <AnnouncementsPage
        ctx={viewContext(req, reply)}
        space={space}
        may={may}
        rows={rows}
        page={page}
        hasNext={hasNext}
        values={errors ? typedValues(req.body) : undefined}
        errors={errors}
      />,
    )
  }

  app.get(
    '/spaces/:id/announcements',
    { config: { permission: 'signedIn', spacePermission: 'space.read' } },
    async (req, reply) => announcementsPage(req, reply),
  )

  app.post(
    '/spaces/:id/announcements',
    { config: { permission: 'signedIn', spacePermission: 'space.manage' } },
    async (req, reply) => {
      const { space, actor } = await spaceFor(req, 'space.manage')
      const form = parseForm(AnnouncementForm, req.body, req.t, req.lang)
      if (!form.ok) return announcementsPage(req, reply, form.errors)
      await spaces.postAnnouncement(req.db, actor, space, form.data)
      setFlash(reply, req.t('spaces.announcements.posted'))
      return reply.redirect(`/spaces/${space.id}/announcements`, 303)
    },
  )

  app.post(
    '/spaces/:id/announcements/:itemId/pin',
    { config: { permission: 'signedIn', spacePermission: 'space.manage' } },
    async (req, reply) => {
      const { itemId } = ItemParams.parse(req.params)
      const { space, actor } = await spaceFor(req, 'space.manage')
      const { pinned } = Pinned.parse(req.body)
      await spaces.setAnnouncementPinned(req.db, actor, space, itemId, pinned === 'yes')
      setFlash(reply, req.t('spaces.announcements.changed'))
      return reply.redirect(`/spaces/${space.id}/announcements`, 303)
    },
  )
}

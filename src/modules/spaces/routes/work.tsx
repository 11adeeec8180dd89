// A space's work: the schedule (list and calendar), rules of procedure, announcements.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { addDays, addMonths, monthOf, today } from '../../../kernel/dates.ts'
import { NotFoundError } from '../../../kernel/errors.ts'
import { typedValues } from '../../../kernel/forms.ts'
import { render, setFlash, submitForm, viewContext } from '../../../kernel/http.tsx'
import type { FieldErrors } from '../../../kernel/views/fields.tsx'
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
import { inSpace, renderSpaceList } from './load.ts'

const ScheduleView = z.object({ view: z.enum(['list', 'calendar']).catch('list').default('list') })
const Pinned = z.object({ pinned: z.enum(['yes', 'no']) })

export async function workRoutes(app: FastifyInstance) {
  const schedule = { size: 50, load: spaces.listSchedule, view: ScheduleListPage }
  const scheduleList = (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) =>
    renderSpaceList(req, reply, schedule, errors)

  app.post(
    '/spaces/:id/schedule/adopt',
    { config: { permission: 'signedIn', spacePermission: 'space.settings' } },
    async (req, reply) => {
      const { space, actor } = inSpace(req)
      return submitForm(req, reply, ScheduleAdoptionForm, {
        act: (data) => spaces.markScheduleAdopted(req.db, actor, space, data),
        again: (errors) => scheduleList(req, reply, errors),
        flash: req.t('spaces.schedule.adoptedSaved'),
        to: `/spaces/${space.id}/schedule`,
      })
    },
  )

  app.get(
    '/spaces/:id/schedule',
    { config: { permission: 'signedIn', spacePermission: 'space.read' } },
    async (req, reply) => {
      if (ScheduleView.parse(req.query).view !== 'calendar') return scheduleList(req, reply)
      const { space, may } = inSpace(req)
      const month = MonthQuery.parse(req.query).month ?? monthOf(today())
      const last = addDays(`${addMonths(month, 1)}-01`, -1)
      const items = await spaces.listScheduleBetween(req.db, space.id, `${month}-01`, last, 500)
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
    const { space, may } = inSpace(req)
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
      const { space, actor } = inSpace(req)
      return submitForm(req, reply, ScheduleForm, {
        act: (data) => spaces.saveScheduleItem(req.db, actor, space, null, data),
        again: (errors) => itemPage(req, reply, undefined, errors),
        flash: req.t('spaces.schedule.saved'),
        to: `/spaces/${space.id}/schedule`,
      })
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
      const { space, actor } = inSpace(req)
      return submitForm(req, reply, ScheduleForm, {
        act: (data) => spaces.saveScheduleItem(req.db, actor, space, itemId, data),
        again: (errors) => itemPage(req, reply, itemId, errors),
        flash: req.t('spaces.schedule.saved'),
        to: `/spaces/${space.id}/schedule`,
      })
    },
  )

  const rules = { size: 10, load: spaces.listRules, view: RulesPage }
  const rulesPage = (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) =>
    renderSpaceList(req, reply, rules, errors)

  app.get(
    '/spaces/:id/rules',
    { config: { permission: 'signedIn', spacePermission: 'space.read' } },
    async (req, reply) => rulesPage(req, reply),
  )

  const rulesForm = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) => {
    const { space, may } = inSpace(req)
    let values = typedValues(req.body)
    if (!errors) {
      // A new version starts from the text in force.
      const [current] = await spaces.listRules(req.db, space.id, { number: 1, size: 1, offset: 0 })
      values = {
        body: current?.body ?? '',
        effectiveOn: today(),
        noticeDays: current?.notice_days ?? 14,
        materialsDays: current?.materials_days ?? 7,
        quorumPercent: current?.quorum_percent ?? 50,
      }
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
      const { space, actor } = inSpace(req)
      return submitForm(req, reply, RulesForm, {
        act: (data) => spaces.addRulesVersion(req.db, actor, space, data),
        again: (errors) => rulesForm(req, reply, errors),
        flash: req.t('spaces.rules.saved'),
        to: `/spaces/${space.id}/rules`,
      })
    },
  )

  app.post(
    '/spaces/:id/rules/:itemId/adopt',
    { config: { permission: 'signedIn', spacePermission: 'space.settings' } },
    async (req, reply) => {
      const { itemId } = ItemParams.parse(req.params)
      const { space, actor } = inSpace(req)
      return submitForm(req, reply, RulesAdoptionForm, {
        act: (data) => spaces.markRulesAdopted(req.db, actor, space, itemId, data.adoptedRef),
        again: (errors) => rulesPage(req, reply, errors),
        flash: req.t('spaces.rules.adoptedSaved'),
        to: `/spaces/${space.id}/rules`,
      })
    },
  )

  const announcements = { size: 20, load: spaces.listAnnouncements, view: AnnouncementsPage }
  const announcementsPage = (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) =>
    renderSpaceList(req, reply, announcements, errors)

  app.get(
    '/spaces/:id/announcements',
    { config: { permission: 'signedIn', spacePermission: 'space.read' } },
    async (req, reply) => announcementsPage(req, reply),
  )

  app.post(
    '/spaces/:id/announcements',
    { config: { permission: 'signedIn', spacePermission: 'space.manage' } },
    async (req, reply) => {
      const { space, actor } = inSpace(req)
      return submitForm(req, reply, AnnouncementForm, {
        act: (data) => spaces.postAnnouncement(req.db, actor, space, data),
        again: (errors) => announcementsPage(req, reply, errors),
        flash: req.t('spaces.announcements.posted'),
        to: `/spaces/${space.id}/announcements`,
      })
    },
  )

  app.post(
    '/spaces/:id/announcements/:itemId/pin',
    { config: { permission: 'signedIn', spacePermission: 'space.manage' } },
    async (req, reply) => {
      const { itemId } = ItemParams.parse(req.params)
      const { space, actor } = inSpace(req)
      const { pinned } = Pinned.parse(req.body)
      await spaces.setAnnouncementPinned(req.db, actor, space, itemId, pinned === 'yes')
      setFlash(reply, req.t('spaces.announcements.changed'))
      return reply.redirect(`/spaces/${space.id}/announcements`, 303)
    },
  )
}

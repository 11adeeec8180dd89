import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import { addDays, today, warsawDayAndTime } from '../../kernel/dates.ts'
import { NotFoundError } from '../../kernel/errors.ts'
import { typedValues } from '../../kernel/forms.ts'
import { render, submitForm, viewContext } from '../../kernel/http.tsx'
import { pageFrom, pageOf } from '../../kernel/pagination.ts'
import { authorize } from '../../kernel/policy.ts'
import type { FieldErrors } from '../../kernel/views/fields.tsx'
import * as materials from '../materials/service.ts'
import { inSpace } from '../spaces/index.ts'
import * as attendances from './attendance/service.ts'
import { meetingFor } from './load.ts'
import * as notices from './notices/service.ts'
import { CancelPage, NoticePage, ReceivedNoticesPage } from './notices/views/notices.tsx'
import {
  AgendaItemForm,
  CancelForm,
  ChangeMeetingForm,
  MeetingForm,
  MoveForm,
  NoticeForm,
  NoticeParams,
  ReceivedNoticesQuery,
  RemoveForm,
} from './schemas.ts'
import * as meetings from './service.ts'
import { MeetingFormPage } from './views/meeting-form-page.tsx'
import { MeetingPage } from './views/meeting-page.tsx'
import { MeetingsPage } from './views/meetings-page.tsx'
import * as visits from './visits/service.ts'

/**
 * The meeting page; after a refused form on it (an agenda item or the notice: `meeting`; a material
 * from the materials module; an answer or the presence: `attendance`; a study visit's participant
 * or places: `visit`), the same page with 422 and that form's typed values and messages.
 */
export async function renderMeetingPage(
  req: FastifyRequest,
  reply: FastifyReply,
  refused?: { form: 'meeting' | 'material' | 'attendance' | 'visit'; errors: FieldErrors },
) {
  const { space, may, actor, meeting } = await meetingFor(req)
  const [list, sent, attendance, visit] = await Promise.all([
    materials.listMeetingMaterials(req.db, meeting),
    may['space.convene'] ? notices.listNotices(req.db, meeting.id) : [],
    attendances.attendanceFor(req.db, actor, meeting, { convene: may['space.convene'] }),
    visits.visitFor(req.db, space, meeting, { convene: may['space.convene'] }),
  ])
  const typed = refused && { values: typedValues(req.body), errors: refused.errors }
  return render(
    reply.code(refused ? 422 : 200),
    <MeetingPage
      ctx={viewContext(req, reply)}
      space={space}
      may={may}
      meeting={meeting}
      terms={notices.noticeTerms(meeting)}
      notices={sent}
      values={refused?.form === 'meeting' ? typed?.values : undefined}
      errors={refused?.form === 'meeting' ? typed?.errors : undefined}
      materials={list}
      materialForm={refused?.form === 'material' ? typed : undefined}
      attendance={{ data: attendance, ...(refused?.form === 'attendance' ? typed : {}) }}
      minutes={meeting.minutes_status}
      visit={visit ? { data: visit, ...(refused?.form === 'visit' ? typed : {}) } : undefined}
    />,
  )
}

export async function meetingRoutes(app: FastifyInstance, { config }: { config: Config }) {
  // Read when a mail is made: a test server learns its address only once it listens.
  const site = {
    get baseUrl() {
      return config.baseUrl
    },
  }
  app.get(
    '/spaces/:id/meetings',
    { config: { permission: 'signedIn', spacePermission: 'space.read' } },
    async (req, reply) => {
      const { space, may } = inSpace(req)
      const page = pageFrom(req.query)
      const { rows, hasNext } = pageOf(await meetings.listMeetings(req.db, space.id, new Date(), page), page)
      return render(
        reply,
        <MeetingsPage
          ctx={viewContext(req, reply)}
          space={space}
          may={may}
          rows={rows}
          page={page}
          hasNext={hasNext}
        />,
      )
    },
  )

  const formPage = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) => {
    const { space, may } = inSpace(req)
    // A fresh form suggests a day a month ahead, 10:00–14:00, answers a week before.
    const values = errors
      ? typedValues(req.body)
      : {
          kind: 'meeting',
          day: addDays(today(), 30),
          startTime: '10:00',
          endTime: '14:00',
          confirmBy: addDays(today(), 23),
        }
    return render(
      reply.code(errors ? 422 : 200),
      <MeetingFormPage
        ctx={viewContext(req, reply)}
        space={space}
        may={may}
        values={values}
        errors={errors}
      />,
    )
  }

  app.get(
    '/spaces/:id/meetings/new',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => formPage(req, reply),
  )

  app.post(
    '/spaces/:id/meetings/new',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => {
      const { space, actor } = inSpace(req)
      return submitForm(req, reply, MeetingForm, {
        act: (data) => meetings.conveneMeeting(req.db, actor, space.id, data),
        again: (errors) => formPage(req, reply, errors),
        flash: req.t('meetings.convened'),
        to: (id) => `/spaces/${space.id}/meetings/${id}`,
      })
    },
  )

  const meetingPage = (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) =>
    renderMeetingPage(req, reply, errors && { form: 'meeting', errors })

  app.get(
    '/spaces/:id/meetings/:itemId',
    { config: { permission: 'signedIn', spacePermission: 'space.read' } },
    async (req, reply) => meetingPage(req, reply),
  )

  const loaded = (req: FastifyRequest) => meetingFor(req)
  const back = (spaceId: string, meetingId: string) => `/spaces/${spaceId}/meetings/${meetingId}#agenda`

  app.post(
    '/spaces/:id/meetings/:itemId/agenda',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => {
      const { space, actor, meeting } = await loaded(req)
      return submitForm(req, reply, AgendaItemForm, {
        act: (data) => meetings.addAgendaItem(req.db, actor, meeting, data),
        again: (errors) => meetingPage(req, reply, errors),
        flash: req.t('meetings.agenda.added'),
        to: back(space.id, meeting.id),
      })
    },
  )

  // Reordering by buttons, so it works without JavaScript.
  app.post(
    '/spaces/:id/meetings/:itemId/agenda/move',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => {
      const { space, actor, meeting } = await loaded(req)
      return submitForm(req, reply, MoveForm, {
        act: (data) => meetings.moveAgendaItem(req.db, actor, meeting, data.entryId, data.direction),
        again: (errors) => meetingPage(req, reply, errors),
        flash: req.t('meetings.agenda.moved'),
        to: back(space.id, meeting.id),
      })
    },
  )

  app.post(
    '/spaces/:id/meetings/:itemId/agenda/remove',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => {
      const { space, actor, meeting } = await loaded(req)
      return submitForm(req, reply, RemoveForm, {
        act: (data) => meetings.removeAgendaItem(req.db, actor, meeting, data.entryId),
        again: (errors) => meetingPage(req, reply, errors),
        flash: req.t('meetings.agenda.removed'),
        to: back(space.id, meeting.id),
      })
    },
  )

  // Notices: the first one, changes (an update, never silently), cancellation, proof of delivery.
  app.post(
    '/spaces/:id/meetings/:itemId/notice',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => {
      const { space, actor, meeting } = await loaded(req)
      return submitForm(req, reply, NoticeForm, {
        act: (data) => meetings.sendNotice(req.db, actor, space, meeting, data, site),
        again: (errors) => meetingPage(req, reply, errors),
        flash: req.t('meetings.notices.sent'),
        to: `/spaces/${space.id}/meetings/${meeting.id}#notices`,
      })
    },
  )

  const changePage = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) => {
    const { space, may, meeting } = await loaded(req)
    const starts = warsawDayAndTime(meeting.starts_at)
    // After a refused save the typed values stay, with the version the meeting now has: once the
    // person has checked them (a change made meanwhile is the message), saving again goes through.
    const values = errors
      ? { ...typedValues(req.body), version: meeting.sequence }
      : {
          kind: meeting.kind,
          subject: meeting.subject,
          day: starts.day,
          startTime: starts.time,
          endTime: warsawDayAndTime(meeting.ends_at).time,
          place: meeting.place,
          onlineUrl: meeting.online_url,
          confirmBy: warsawDayAndTime(meeting.confirm_by).day,
          hostName: meeting.host_name,
          hostRegion: meeting.host_region,
          hostTown: meeting.host_town,
          version: meeting.sequence,
        }
    return render(
      reply.code(errors ? 422 : 200),
      <MeetingFormPage
        ctx={viewContext(req, reply)}
        space={space}
        may={may}
        values={values}
        errors={errors}
        change={{ meetingId: meeting.id, noticeSent: meeting.notice_sent_at !== null, day: starts.day }}
      />,
    )
  }

  app.get(
    '/spaces/:id/meetings/:itemId/edit',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => changePage(req, reply),
  )

  app.post(
    '/spaces/:id/meetings/:itemId/edit',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => {
      const { space, actor, meeting } = await loaded(req)
      return submitForm(req, reply, ChangeMeetingForm, {
        act: (data) => meetings.changeMeeting(req.db, actor, space, meeting, data, site),
        again: (errors) => changePage(req, reply, errors),
        flash: (outcome) => req.t(outcome === 'sent' ? 'meetings.edit.savedAndSent' : 'meetings.edit.saved'),
        to: `/spaces/${space.id}/meetings/${meeting.id}`,
      })
    },
  )

  const cancelPage = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) => {
    const { space, may, meeting } = await loaded(req)
    return render(
      reply.code(errors ? 422 : 200),
      <CancelPage
        ctx={viewContext(req, reply)}
        space={space}
        may={may}
        meeting={meeting}
        values={errors ? typedValues(req.body) : undefined}
        errors={errors}
      />,
    )
  }

  app.get(
    '/spaces/:id/meetings/:itemId/cancel',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => cancelPage(req, reply),
  )

  app.post(
    '/spaces/:id/meetings/:itemId/cancel',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => {
      const { space, actor, meeting } = await loaded(req)
      return submitForm(req, reply, CancelForm, {
        act: (data) => meetings.cancelMeeting(req.db, actor, space, meeting, data.reason, site),
        again: (errors) => cancelPage(req, reply, errors),
        flash: (outcome) =>
          req.t(outcome === 'sent' ? 'meetings.cancel.doneAndSent' : 'meetings.cancel.done'),
        to: `/spaces/${space.id}/meetings/${meeting.id}`,
      })
    },
  )

  app.get(
    '/spaces/:id/meetings/:itemId/notices/:noticeId',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => {
      const { noticeId } = NoticeParams.parse(req.params)
      const { space, may, meeting } = await loaded(req)
      const notice = await notices.findNotice(req.db, meeting.id, noticeId)
      if (!notice) throw new NotFoundError()
      const page = pageFrom(req.query, 50)
      const { rows, hasNext } = pageOf(await notices.listNoticeRecipients(req.db, notice.id, page), page)
      return render(
        reply,
        <NoticePage
          ctx={viewContext(req, reply)}
          space={space}
          may={may}
          meeting={meeting}
          notice={notice}
          rows={rows}
          page={page}
          hasNext={hasNext}
        />,
      )
    },
  )

  // The managing authority's view of every notice it received (seed 000: "zawiadamianie IZ").
  app.get('/authority/notices', { config: { permission: 'meetings.notices' } }, async (req, reply) => {
    authorize(req.actor, 'meetings.notices')
    const query = ReceivedNoticesQuery.parse(req.query)
    const page = pageFrom(req.query)
    const { rows, hasNext } = pageOf(await notices.listAllNotices(req.db, page, query), page)
    return render(
      reply,
      <ReceivedNoticesPage
        ctx={viewContext(req, reply)}
        rows={rows}
        page={page}
        hasNext={hasNext}
        query={query}
      />,
    )
  })
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { typedValues } from '../../kernel/forms.ts'
import { render, submitForm, viewContext } from '../../kernel/http.tsx'
import { pageFrom, pageOf } from '../../kernel/pagination.ts'
import type { FieldErrors } from '../../kernel/views/fields.tsx'
import { spaceFor } from '../spaces/routes/load.ts'
import { addDays, today } from '../spaces/rules.ts'
import { attendanceFor } from './routes-attendance.tsx'
import { AgendaItemForm, MeetingForm, MeetingParams, MoveForm, RemoveForm } from './schemas.ts'
import * as meetings from './service.ts'
import { MeetingFormPage } from './views/meeting-form-page.tsx'
import { MeetingPage } from './views/meeting-page.tsx'
import { MeetingsPage } from './views/meetings-page.tsx'

export async function meetingRoutes(app: FastifyInstance) {
  app.get(
    '/spaces/:id/meetings',
    { config: { permission: 'signedIn', spacePermission: 'space.read' } },
    async (req, reply) => {
      const { space, may } = await spaceFor(req, 'space.read')
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
    const { space, may } = await spaceFor(req, 'space.convene')
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
      const { space, actor } = await spaceFor(req, 'space.convene')
      return submitForm(req, reply, MeetingForm, {
        act: (data) => meetings.conveneMeeting(req.db, actor, space.id, data),
        again: (errors) => formPage(req, reply, errors),
        flash: req.t('meetings.convened'),
        to: (id) => `/spaces/${space.id}/meetings/${id}`,
      })
    },
  )

  const meetingPage = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) => {
    const { itemId } = MeetingParams.parse(req.params)
    const { space, may, actor } = await spaceFor(req, 'space.read')
    const meeting = await meetings.requireMeeting(req.db, space.id, itemId)
    const attendance = await attendanceFor(req, actor, may, meeting)
    return render(
      reply.code(errors ? 422 : 200),
      <MeetingPage
        ctx={viewContext(req, reply)}
        space={space}
        may={may}
        meeting={meeting}
        values={errors ? typedValues(req.body) : undefined}
        errors={errors}
        attendance={{ data: attendance }}
      />,
    )
  }

  app.get(
    '/spaces/:id/meetings/:itemId',
    { config: { permission: 'signedIn', spacePermission: 'space.read' } },
    async (req, reply) => meetingPage(req, reply),
  )

  const loaded = async (req: FastifyRequest) => {
    const { itemId } = MeetingParams.parse(req.params)
    const { space, actor } = await spaceFor(req, 'space.convene')
    return { space, actor, meeting: await meetings.requireMeeting(req.db, space.id, itemId) }
  }
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
}

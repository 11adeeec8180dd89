import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { warsawDayAndTime } from '../../../kernel/dates.ts'
import { attachment } from '../../../kernel/exports.ts'
import { submitForm } from '../../../kernel/http.tsx'
import { unescaped } from '../../../kernel/i18n.ts'
import { signatureListPdf } from '../../../kernel/pdf.ts'
import type { FieldErrors } from '../../../kernel/views/fields.tsx'
import { nameOf } from '../../spaces/service.ts'
import { meetingFor } from '../load.ts'
import { renderMeetingPage } from '../routes.tsx'
import { meetingName, meetingWhen } from '../views/meeting-name.ts'
import { AnswerForm, presenceForm } from './schemas.ts'
import * as attendance from './service.ts'

/** The meeting page again after a refused attendance form: the choices kept, the message beside them. */
const refused = (req: FastifyRequest, reply: FastifyReply, errors: FieldErrors) =>
  renderMeetingPage(req, reply, { form: 'attendance', errors })

export async function attendanceRoutes(app: FastifyInstance) {
  const back = (spaceId: string, meetingId: string) => `/spaces/${spaceId}/meetings/${meetingId}#attendance`

  // A member answers for themselves: the person is the one signed in, never a field of the form.
  app.post(
    '/spaces/:id/meetings/:itemId/attendance',
    { config: { permission: 'signedIn', spacePermission: 'space.attend' } },
    async (req, reply) => {
      const { space, actor, meeting } = await meetingFor(req)
      return submitForm(req, reply, AnswerForm, {
        act: (data) => attendance.answerAttendance(req.db, actor, meeting, data),
        again: (errors) => refused(req, reply, errors),
        flash: req.t('attendance.saved'),
        to: back(space.id, meeting.id),
      })
    },
  )

  app.post(
    '/spaces/:id/meetings/:itemId/presence',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => {
      const { space, actor, meeting } = await meetingFor(req)
      const lines = await attendance.presenceList(req.db, meeting)
      const schema = presenceForm(lines.map((l) => attendance.presenceField(l.personId)))
      return submitForm(req, reply, schema, {
        act: (data) => attendance.recordPresence(req.db, actor, meeting, data),
        again: (errors) => refused(req, reply, errors),
        flash: req.t('attendance.presence.saved'),
        to: back(space.id, meeting.id),
      })
    },
  )

  // The list for signing, in the reader's language.
  app.get(
    '/spaces/:id/meetings/:itemId/attendance.pdf',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => {
      const { space, meeting } = await meetingFor(req)
      const { t, lang } = req
      const lines = await attendance.presenceList(req.db, meeting)
      const name = meetingName(t, meeting)
      const pdf = await signatureListPdf({
        lang: lang === 'en' ? 'en-GB' : 'pl-PL',
        title: `${t('attendance.pdf.title')}: ${name}`,
        details: [
          [t('attendance.pdf.space'), nameOf(space, lang)],
          [t('attendance.pdf.when'), meetingWhen(meeting, lang)],
          [t('attendance.pdf.place'), [meeting.place, meeting.online_url].filter(Boolean).join(' + ')],
        ],
        number: t('attendance.pdf.number'),
        columns: [
          { header: t('attendance.pdf.name'), width: 140 },
          { header: t('attendance.pdf.organisation'), width: 130 },
          { header: t('attendance.pdf.role'), width: 97 },
        ],
        signature: t('attendance.pdf.signature'),
        rows: lines.map((l) => [
          l.name,
          l.organisation ?? '',
          l.inPlaceOf
            ? t('attendance.pdf.deputyFor', { name: l.inPlaceOf, ...unescaped })
            : t(`spaces.roles.${l.role}`),
        ]),
        pageLabel: (page, pages) => t('attendance.pdf.page', { page, pages }),
      })
      const file = `${t('attendance.pdf.file')}-${meeting.year}-${meeting.number}-${warsawDayAndTime(meeting.starts_at).day}.pdf`
      return reply
        .type('application/pdf')
        .header('content-disposition', attachment(file))
        .header('cache-control', 'private, no-store')
        .send(pdf)
    },
  )
}

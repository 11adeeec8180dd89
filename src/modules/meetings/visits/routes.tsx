import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { warsawDayAndTime } from '../../../kernel/dates.ts'
import { onePage, sendTable } from '../../../kernel/exports.ts'
import { parseForm, ruleErrors, typedValues } from '../../../kernel/forms.ts'
import { render, setFlash, submitForm, viewContext } from '../../../kernel/http.tsx'
import { unescaped } from '../../../kernel/i18n.ts'
import { renderPublic } from '../../../kernel/public-pages.ts'
import type { FieldErrors } from '../../../kernel/views/fields.tsx'
import * as spaces from '../../spaces/service.ts'
import { meetingFor } from '../load.ts'
import { renderMeetingPage } from '../routes.tsx'
import { MeetingParams } from '../schemas.ts'
import { requireMeeting } from '../service.ts'
import { reportProblem } from './rules.ts'
import { CapacityForm, ParticipantForm, RemoveParticipantForm, ReportForm } from './schemas.ts'
import * as visits from './service.ts'
import { VisitPublicPage } from './views/visit-public-page.tsx'
import { VisitReportPage } from './views/visit-report-page.tsx'

/** A page under `…/meetings/:itemId/visit`: the meeting as `meetingFor` gives it, which must be a study visit. */
async function visitFor(req: FastifyRequest) {
  const found = await meetingFor(req)
  visits.requireVisit(found.meeting)
  return found
}

/** The meeting page again after a refused participant or places form: what was typed kept, the message beside it. */
const refused = (req: FastifyRequest, reply: FastifyReply, errors: FieldErrors) =>
  renderMeetingPage(req, reply, { form: 'visit', errors })

export async function visitRoutes(app: FastifyInstance) {
  const back = (spaceId: string, meetingId: string) =>
    `/spaces/${spaceId}/meetings/${meetingId}#visit-participants`

  app.post(
    '/spaces/:id/meetings/:itemId/visit/participants',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => {
      const { space, actor, meeting } = await visitFor(req)
      return submitForm(req, reply, ParticipantForm, {
        act: (data) => visits.addParticipant(req.db, actor, meeting, data),
        again: (errors) => refused(req, reply, errors),
        flash: req.t('visits.participants.added'),
        to: back(space.id, meeting.id),
      })
    },
  )

  app.post(
    '/spaces/:id/meetings/:itemId/visit/participants/remove',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => {
      const { space, actor, meeting } = await visitFor(req)
      return submitForm(req, reply, RemoveParticipantForm, {
        act: (data) => visits.removeParticipant(req.db, actor, meeting, data.entryId),
        again: (errors) => refused(req, reply, errors),
        flash: req.t('visits.participants.removed'),
        to: back(space.id, meeting.id),
      })
    },
  )

  app.post(
    '/spaces/:id/meetings/:itemId/visit/capacity',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => {
      const { space, actor, meeting } = await visitFor(req)
      return submitForm(req, reply, CapacityForm, {
        act: (data) => visits.setCapacity(req.db, actor, meeting, data.capacity),
        again: (errors) => refused(req, reply, errors),
        flash: req.t('visits.places.saved'),
        to: back(space.id, meeting.id),
      })
    },
  )

  // The list for the hosts and the travel: members who come, deputies sent, outside participants.
  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/spaces/:id/meetings/:itemId/visit/participants.${format}`,
      { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
      async (req, reply) => {
        const { meeting } = await visitFor(req)
        const { t } = req
        const lines = await visits.listParticipants(req.db, meeting)
        const headers = [
          t('visits.participants.number'),
          t('visits.participants.name'),
          t('visits.participants.organisation'),
          t('visits.participants.email'),
          t('visits.participants.kind'),
        ]
        const rows = lines.map((l, i) => [
          i + 1,
          l.name,
          l.organisation,
          l.email,
          l.inPlaceOf
            ? t('visits.participants.deputyFor', { name: l.inPlaceOf, ...unescaped })
            : t(`visits.participants.kinds.${l.kind}`),
        ])
        const file = `${t('visits.participants.file')}-${meeting.year}-${meeting.number}-${warsawDayAndTime(meeting.starts_at).day}.${format}`
        // Bounded by the visit's places: one page.
        return sendTable(reply.header('cache-control', 'private, no-store'), format, {
          fileName: file,
          sheetName: t('visits.participants.sheet'),
          headers,
          pages: onePage(rows),
        })
      },
    )
  }

  const reportPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { errors?: FieldErrors; conflict?: visits.ReportRow } = {},
  ) => {
    const { space, may, meeting } = await visitFor(req)
    const report = await visits.findReport(req.db, meeting)
    const refusedForm = extra.errors !== undefined || extra.conflict !== undefined
    return render(
      reply.code(refusedForm ? (extra.conflict ? 409 : 422) : 200),
      <VisitReportPage
        ctx={viewContext(req, reply)}
        space={space}
        may={may}
        meeting={meeting}
        report={report}
        blocked={reportProblem(meeting, new Date())?.key ?? null}
        values={refusedForm ? typedValues(req.body) : undefined}
        errors={extra.errors}
        conflict={extra.conflict}
      />,
    )
  }

  app.get(
    '/spaces/:id/meetings/:itemId/visit/report',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => reportPage(req, reply),
  )

  // Like a composition proposal's note: a save over a version someone else replaced shows both texts.
  app.post(
    '/spaces/:id/meetings/:itemId/visit/report',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => {
      const { space, actor, meeting } = await visitFor(req)
      const form = parseForm(ReportForm, req.body, req.t, req.lang)
      if (!form.ok) return reportPage(req, reply, { errors: form.errors })
      let result: Awaited<ReturnType<typeof visits.saveReport>>
      try {
        result = await visits.saveReport(req.db, actor, meeting, form.data)
      } catch (err) {
        return reportPage(req, reply, { errors: ruleErrors(err, req.t) })
      }
      if (!result.saved) return reportPage(req, reply, { conflict: result.theirs })
      const flash = { draft: 'saved', published: 'published', changed: 'saved' } as const
      setFlash(
        reply,
        result.outcome === 'changed'
          ? req.t('meetings.edit.saved')
          : req.t(`visits.report.${flash[result.outcome]}`),
      )
      return reply.redirect(`/spaces/${space.id}/meetings/${meeting.id}#visit-report`, 303)
    },
  )

  // The report on the network's public pages: published to the public, of a public network.
  app.get('/networks/:id/visits/:itemId', { config: { permission: 'public' } }, async (req, reply) =>
    renderPublic(
      req,
      reply,
      async () => {
        const { id, itemId } = MeetingParams.parse(req.params)
        const space = await spaces.requireSpace(req.db, req.actor, id)
        const meeting = await requireMeeting(req.db, space.id, itemId)
        const report = await visits.requirePublicReport(req.db, space, meeting)
        return (
          <VisitPublicPage ctx={viewContext(req, reply)} space={space} meeting={meeting} report={report} />
        )
      },
      { data: true },
    ),
  )
}

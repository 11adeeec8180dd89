// Minutes of a meeting: the page, the texts form, decisions and action items, comments, approval,
// correction, and downloads of an approved revision (DOCX, ODT, PDF/A).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { today } from '../../../kernel/dates.ts'
import { NotFoundError } from '../../../kernel/errors.ts'
import { parseForm, ruleErrors, typedValues } from '../../../kernel/forms.ts'
import { render, setFlash, submitForm, viewContext } from '../../../kernel/http.tsx'
import type { FieldErrors } from '../../../kernel/views/fields.tsx'
import { meetingDay } from '../attendance/service.ts'
import { DecisionPage } from '../decisions/views/decision-page.tsx'
import { meetingFor } from '../load.ts'
import { minutesFileName } from './export/export.ts'
import * as q from './queries.ts'
import { revisionFile } from './revision-files.ts'
import {
  ActionForm,
  ActionRemoveForm,
  AnswerForm,
  CommentForm,
  CorrectionForm,
  DecisionForm,
  DecisionParams,
  DecisionRemoveForm,
  MinutesTextsForm,
  RevisionParams,
  SendForm,
} from './schemas.ts'
import * as minutes from './service.ts'
import { MinutesEditPage } from './views/minutes-edit-page.tsx'
import { type MinutesForm, MinutesPage } from './views/minutes-page.tsx'

/** The meeting (as `meetingFor` gives it) and its minutes, which must exist. */
async function minutesFor(req: FastifyRequest) {
  const found = await meetingFor(req)
  const row = await minutes.findMinutes(req.db, found.meeting)
  if (!row) throw new NotFoundError()
  return { ...found, minutes: row }
}

async function renderMinutesPage(
  req: FastifyRequest,
  reply: FastifyReply,
  refused?: { form: MinutesForm; errors: FieldErrors },
) {
  const { space, may, meeting } = await meetingFor(req)
  const row = (await minutes.findMinutes(req.db, meeting)) ?? null
  const content = row ? await minutes.minutesContent(req.db, meeting, row) : null
  const ownerChoices =
    row && may['space.convene'] ? await q.listOwnerChoices(req.db, space.id, meetingDay(meeting)) : []
  return render(
    reply.code(refused ? 422 : 200),
    <MinutesPage
      ctx={viewContext(req, reply)}
      space={space}
      may={may}
      meeting={meeting}
      minutes={row}
      content={content}
      ownerChoices={ownerChoices}
      today={today()}
      refused={refused && { ...refused, values: typedValues(req.body) }}
    />,
  )
}

export async function minutesRoutes(app: FastifyInstance) {
  const page = (form: MinutesForm) => (req: FastifyRequest, reply: FastifyReply) => (errors: FieldErrors) =>
    renderMinutesPage(req, reply, { form, errors })
  const base = (spaceId: string, meetingId: string) => `/spaces/${spaceId}/meetings/${meetingId}/minutes`

  app.get(
    '/spaces/:id/meetings/:itemId/minutes',
    { config: { permission: 'signedIn', spacePermission: 'space.read' } },
    async (req, reply) => renderMinutesPage(req, reply),
  )

  app.post(
    '/spaces/:id/meetings/:itemId/minutes/start',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => {
      const { space, actor, meeting } = await meetingFor(req)
      try {
        await minutes.startMinutes(req.db, actor, meeting)
      } catch (err) {
        return page('start')(req, reply)(ruleErrors(err, req.t))
      }
      setFlash(reply, req.t('minutes.started'))
      return reply.redirect(base(space.id, meeting.id), 303)
    },
  )

  // The texts, with the version the form showed: a save over someone else's is refused (409).
  const editPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    refused?: {
      errors?: FieldErrors
      conflict?: { theirs: minutes.MinutesTexts; version: number; by: string | null }
    },
  ) => {
    const { space, may, meeting, minutes: row } = await minutesFor(req)
    let values: Record<string, unknown>
    if (refused) values = typedValues(req.body)
    else {
      const content = await minutes.minutesContent(req.db, meeting, row)
      values = {
        opening: row.opening,
        closing: row.closing,
        ...Object.fromEntries(
          meeting.agenda.map((a) => [minutes.summaryField(a.id), content.summaries.get(a.id) ?? '']),
        ),
      }
    }
    return render(
      reply.code(refused?.conflict ? 409 : refused ? 422 : 200),
      <MinutesEditPage
        ctx={viewContext(req, reply)}
        space={space}
        may={may}
        meeting={meeting}
        values={values}
        version={refused?.conflict?.version ?? row.version}
        errors={refused?.errors}
        conflict={refused?.conflict}
      />,
    )
  }

  app.get(
    '/spaces/:id/meetings/:itemId/minutes/edit',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => editPage(req, reply),
  )

  app.post(
    '/spaces/:id/meetings/:itemId/minutes/edit',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => {
      const { space, actor, meeting, minutes: row } = await minutesFor(req)
      const form = parseForm(MinutesTextsForm, req.body, req.t, req.lang)
      if (!form.ok) {
        // The version is a hidden field: its message goes above the form.
        const { version, ...errors } = form.errors
        return editPage(req, reply, { errors: version ? { ...errors, _form: version } : errors })
      }
      const body = req.body as Record<string, unknown>
      const summaries = Object.fromEntries(
        meeting.agenda.map((a) => {
          const v = body[minutes.summaryField(a.id)]
          return [a.id, typeof v === 'string' ? v.trim() : '']
        }),
      )
      let result: Awaited<ReturnType<typeof minutes.saveTexts>>
      try {
        result = await minutes.saveTexts(req.db, actor, meeting, row, {
          version: form.data.version,
          opening: form.data.opening,
          closing: form.data.closing,
          summaries,
        })
      } catch (err) {
        return editPage(req, reply, { errors: ruleErrors(err, req.t) })
      }
      if (!result.saved) return editPage(req, reply, { conflict: result })
      setFlash(reply, req.t('minutes.edit.saved'))
      return reply.redirect(base(space.id, meeting.id), 303)
    },
  )

  app.post(
    '/spaces/:id/meetings/:itemId/minutes/decisions',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => {
      const { space, actor, meeting, minutes: row } = await minutesFor(req)
      return submitForm(req, reply, DecisionForm, {
        act: async (data) =>
          minutes.addDecision(
            req.db,
            actor,
            meeting,
            row,
            data,
            await minutes.presentVoters(req.db, meeting),
          ),
        again: page('decision')(req, reply),
        flash: req.t('minutes.decisions.added'),
        to: `${base(space.id, meeting.id)}#item-${(req.body as { agendaItemId?: string }).agendaItemId ?? ''}`,
      })
    },
  )

  const decisionPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    decisionId: string,
    refused?: { errors?: FieldErrors; removeError?: string },
  ) => {
    const { space, may, meeting, minutes: row } = await minutesFor(req)
    const decision = (await q.listDecisions(req.db, meeting.id)).find((d) => d.id === decisionId)
    if (!decision || row.status === 'approved') throw new NotFoundError()
    const values = refused?.errors
      ? typedValues(req.body)
      : {
          agendaItemId: decision.agenda_item_id,
          title: decision.title,
          body: decision.body,
          votesFor: String(decision.votes_for),
          votesAgainst: String(decision.votes_against),
          votesAbstaining: String(decision.votes_abstaining),
        }
    return render(
      reply.code(refused ? 422 : 200),
      <DecisionPage
        ctx={viewContext(req, reply)}
        space={space}
        may={may}
        meeting={meeting}
        decision={decision}
        values={values}
        errors={refused?.errors}
        removeError={refused?.removeError}
      />,
    )
  }

  app.get(
    '/spaces/:id/meetings/:itemId/minutes/decisions/:decisionId',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => decisionPage(req, reply, DecisionParams.parse(req.params).decisionId),
  )

  app.post(
    '/spaces/:id/meetings/:itemId/minutes/decisions/:decisionId',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => {
      const { decisionId } = DecisionParams.parse(req.params)
      const { space, actor, meeting, minutes: row } = await minutesFor(req)
      return submitForm(req, reply, DecisionForm, {
        act: async (data) =>
          minutes.updateDecision(
            req.db,
            actor,
            meeting,
            row,
            decisionId,
            data,
            await minutes.presentVoters(req.db, meeting),
          ),
        again: (errors) => decisionPage(req, reply, decisionId, { errors }),
        flash: req.t('minutes.decisions.saved'),
        to: `${base(space.id, meeting.id)}#item-${(req.body as { agendaItemId?: string }).agendaItemId ?? ''}`,
      })
    },
  )

  app.post(
    '/spaces/:id/meetings/:itemId/minutes/decisions/remove',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => {
      const { space, actor, meeting, minutes: row } = await minutesFor(req)
      return submitForm(req, reply, DecisionRemoveForm, {
        act: (data) => minutes.removeDecision(req.db, actor, meeting, row, data.decisionId),
        again: (errors) => {
          const decisionId = DecisionRemoveForm.safeParse(req.body).data?.decisionId
          if (!decisionId) throw new NotFoundError()
          return decisionPage(req, reply, decisionId, { removeError: Object.values(errors)[0] })
        },
        flash: req.t('minutes.decisions.withdrawn'),
        to: base(space.id, meeting.id),
      })
    },
  )

  app.post(
    '/spaces/:id/meetings/:itemId/minutes/actions',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => {
      const { space, actor, meeting, minutes: row } = await minutesFor(req)
      return submitForm(req, reply, ActionForm, {
        act: (data) => minutes.addAction(req.db, actor, space, meeting, row, data),
        again: page('action')(req, reply),
        flash: req.t('minutes.actions.added'),
        to: `${base(space.id, meeting.id)}#item-${(req.body as { agendaItemId?: string }).agendaItemId ?? ''}`,
      })
    },
  )

  app.post(
    '/spaces/:id/meetings/:itemId/minutes/actions/remove',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => {
      const { space, actor, meeting, minutes: row } = await minutesFor(req)
      return submitForm(req, reply, ActionRemoveForm, {
        act: (data) => minutes.removeAction(req.db, actor, meeting, row, data.actionId),
        again: page('action')(req, reply),
        flash: req.t('minutes.actions.removed'),
        to: `${base(space.id, meeting.id)}#items`,
      })
    },
  )

  app.post(
    '/spaces/:id/meetings/:itemId/minutes/send',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => {
      const { space, actor, meeting, minutes: row } = await minutesFor(req)
      return submitForm(req, reply, SendForm, {
        act: (data) => minutes.sendForComments(req.db, actor, space, meeting, row, data.commentsBy),
        again: page('send')(req, reply),
        flash: req.t('minutes.send.done'),
        to: base(space.id, meeting.id),
      })
    },
  )

  app.post(
    '/spaces/:id/meetings/:itemId/minutes/comments',
    { config: { permission: 'signedIn', spacePermission: 'space.comment' } },
    async (req, reply) => {
      const { space, actor, meeting, minutes: row } = await minutesFor(req)
      return submitForm(req, reply, CommentForm, {
        act: (data) => minutes.addComment(req.db, actor, space, meeting, row, data),
        again: page('comment')(req, reply),
        flash: req.t('minutes.comments.added'),
        to: `${base(space.id, meeting.id)}#comments`,
      })
    },
  )

  app.post(
    '/spaces/:id/meetings/:itemId/minutes/answers',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => {
      const { space, actor, meeting, minutes: row } = await minutesFor(req)
      return submitForm(req, reply, AnswerForm, {
        act: (data) => minutes.answerComment(req.db, actor, meeting, row, data),
        again: page('answer')(req, reply),
        flash: req.t('minutes.comments.answeredFlash'),
        to: `${base(space.id, meeting.id)}#comments`,
      })
    },
  )

  app.post(
    '/spaces/:id/meetings/:itemId/minutes/approve',
    { config: { permission: 'signedIn', spacePermission: 'space.approve' } },
    async (req, reply) => {
      const { space, actor, meeting, minutes: row } = await minutesFor(req)
      try {
        const seen = Number((req.body as { revision?: unknown } | undefined)?.revision)
        await minutes.approveMinutes(req.db, actor, space, meeting, row, Number.isInteger(seen) ? seen : null)
      } catch (err) {
        return page('approve')(req, reply)(ruleErrors(err, req.t))
      }
      setFlash(reply, req.t('minutes.approve.done'))
      return reply.redirect(base(space.id, meeting.id), 303)
    },
  )

  app.post(
    '/spaces/:id/meetings/:itemId/minutes/correct',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => {
      const { space, actor, meeting, minutes: row } = await minutesFor(req)
      return submitForm(req, reply, CorrectionForm, {
        act: (data) => minutes.openCorrection(req.db, actor, row, data.reason),
        again: page('correct')(req, reply),
        flash: req.t('minutes.correct.done'),
        to: base(space.id, meeting.id),
      })
    },
  )

  // An approved revision as a file: exactly the text that was approved, whatever came after, sent
  // as it was kept after the approval (revision-files.ts).
  app.get(
    '/spaces/:id/meetings/:itemId/minutes/revisions/:revision/:format',
    { config: { permission: 'signedIn', spacePermission: 'space.read' } },
    async (req, reply) => {
      const params = RevisionParams.safeParse(req.params)
      if (!params.success) throw new NotFoundError()
      const { minutes: row } = await minutesFor(req)
      const { revision, format } = params.data
      const doc = await minutes.approvedRevision(req.db, row, revision)
      if (!doc) throw new NotFoundError()
      const file = { minutesId: row.id, revision, format, lang: req.lang }
      const hash = await revisionFile(req.db, app.storage, file)
      if (!hash) throw new NotFoundError()
      return app.storage.send(req.db, reply, hash, minutesFileName(doc, format))
    },
  )
}

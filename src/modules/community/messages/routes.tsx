// Messages through Siatka: the person's inbox and each conversation, seen only by its two sides (the
// one policy's threadCan); the secretariat's list of messages reported as abuse.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { NotFoundError } from '../../../kernel/errors.ts'
import { typedValues } from '../../../kernel/forms.ts'
import { render, submitForm, viewContext } from '../../../kernel/http.tsx'
import { keysetPageOf, pageFrom, pageOf } from '../../../kernel/pagination.ts'
import { authorize, authorizeThread } from '../../../kernel/policy.ts'
import type { FieldErrors } from '../../../kernel/views/fields.tsx'
import type { Db } from '../db.ts'
import { cursorOf, TopicQuery } from '../schemas.ts'
import { MessageForm, ReportForm, ReportParams, ThreadParams } from './schemas.ts'
import * as messages from './service.ts'
import { InboxPage, ReportsPage, ThreadPage } from './views/messages-pages.tsx'

const post = { config: { permission: 'community.post' } } as const
const manage = { config: { permission: 'community.manage' } } as const
const reportsPageSize = 25

/** The conversation the address names, if the person is one of its sides; else 404 (not theirs to know of). */
async function threadOf(req: FastifyRequest) {
  authorize(req.actor, 'community.post')
  const { threadId } = ThreadParams.parse(req.params)
  const thread = await messages.findThread(req.db as Db, threadId, req.actor)
  if (!thread) throw new NotFoundError()
  authorizeThread(req.actor, 'thread.read', thread.access)
  return thread
}

export async function messageRoutes(app: FastifyInstance) {
  app.get('/community/messages', post, async (req, reply) => {
    authorize(req.actor, 'community.post')
    const { after } = TopicQuery.parse(req.query)
    const rows = await messages.inbox(req.db as Db, req.actor, after)
    const page = keysetPageOf(rows, messages.inboxPageSize, (last) => cursorOf(last.last_message_at, last.id))
    return render(
      reply,
      <InboxPage
        ctx={viewContext(req, reply)}
        threads={page.rows}
        next={page.next}
        continued={after !== null}
        me={req.actor.id}
      />,
    )
  })

  const threadPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    thread: messages.Thread,
    errors?: FieldErrors,
  ) => {
    const db = req.db as Db
    const me = (req.actor as NonNullable<typeof req.actor>).id
    const { after } = errors ? { after: null } : TopicQuery.parse(req.query)
    const [rows, revealed] = await Promise.all([
      messages.messagesOf(db, thread.id, after),
      messages.revealed(db, thread.id, me),
    ])
    const page = keysetPageOf(rows, messages.messagesPageSize, (last) => cursorOf(last.created_at, last.id))
    if (!errors) await messages.markRead(db, thread.id, me, thread.last_message_at)
    return render(
      reply.code(errors ? 422 : 200),
      <ThreadPage
        ctx={viewContext(req, reply)}
        thread={thread}
        messages={page.rows}
        next={page.next}
        continued={after !== null}
        revealed={revealed}
        me={me}
        refused={errors ? { values: typedValues(req.body), errors } : undefined}
      />,
    )
  }

  app.get('/community/messages/:threadId', post, async (req, reply) =>
    threadPage(req, reply, await threadOf(req)),
  )

  app.post('/community/messages/:threadId/messages', post, async (req, reply) => {
    const thread = await threadOf(req)
    const actor = req.actor as NonNullable<typeof req.actor>
    return submitForm(req, reply, MessageForm, {
      act: (form) => messages.reply(req.db as Db, actor, thread, form.body),
      again: (errors) => threadPage(req, reply, thread, errors),
      flash: req.t('community.messages.replied'),
      to: (created) => `/community/messages/${thread.id}#message-${created.id}`,
    })
  })

  app.post('/community/messages/:threadId/reveal', post, async (req, reply) => {
    const thread = await threadOf(req)
    const actor = req.actor as NonNullable<typeof req.actor>
    return submitForm(req, reply, MessageForm.pick({}), {
      act: () => messages.reveal(req.db as Db, actor, thread),
      again: (errors) => threadPage(req, reply, thread, errors),
      flash: req.t('community.messages.revealed'),
      to: `/community/messages/${thread.id}`,
    })
  })

  app.post('/community/messages/:threadId/report', post, async (req, reply) => {
    const thread = await threadOf(req)
    const actor = req.actor as NonNullable<typeof req.actor>
    return submitForm(req, reply, ReportForm, {
      act: (form) => messages.report(req.db as Db, actor, thread, form.messageId, form.reason),
      again: (errors) => threadPage(req, reply, thread, errors),
      flash: req.t('community.messages.reported'),
      to: `/community/messages/${thread.id}`,
    })
  })

  app.get('/community/reports', manage, async (req, reply) => {
    authorize(req.actor, 'community.manage')
    const page = pageFrom(req.query, reportsPageSize)
    const rows = pageOf(await messages.openReports(req.db as Db, page.offset, reportsPageSize), page)
    return render(
      reply,
      <ReportsPage ctx={viewContext(req, reply)} reports={rows.rows} page={page} hasNext={rows.hasNext} />,
    )
  })

  app.post('/community/reports/:reportId/resolve', manage, async (req, reply) => {
    authorize(req.actor, 'community.manage')
    const { reportId } = ReportParams.parse(req.params)
    const actor = req.actor
    return submitForm(req, reply, MessageForm.pick({}), {
      act: () => messages.resolveReport(req.db as Db, actor, reportId),
      again: () => reply.redirect('/community/reports', 303),
      flash: req.t('community.messages.reports.resolved'),
      to: '/community/reports',
    })
  })
}

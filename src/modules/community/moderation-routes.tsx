// The forum's moderation: the queue of posts waiting and flagged, a moderator's actions on a post
// and on a topic, and a reader's flag. The one policy decides each (community.manage, topicCan).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { NotFoundError } from '../../kernel/errors.ts'
import { requiredText, typedValues } from '../../kernel/forms.ts'
import { render, setFlash, submitForm, viewContext } from '../../kernel/http.tsx'
import { pageFrom, pageOf } from '../../kernel/pagination.ts'
import { authorize, authorizeTopic, type TopicAccess } from '../../kernel/policy.ts'
import { safeNext } from '../../kernel/redirect.ts'
import type { FieldErrors } from '../../kernel/views/fields.tsx'
import type { Db } from './db.ts'
import * as moderation from './moderation.ts'
import { postIn } from './post-routes.tsx'
import type { Topic } from './service.ts'
import { ModerationPage } from './views/moderation-page.tsx'
import { FlagPostPage } from './views/post-pages.tsx'

const manage = { config: { permission: 'community.manage' } } as const
const post = { config: { permission: 'community.post' } } as const

const PostParams = z.object({ postId: z.uuid() })
const FlagParams = z.object({ flagId: z.uuid() })
const FlagForm = z.object({ reason: requiredText(1000) })
const PinForm = z.object({ pinned: z.enum(['yes', 'no']) })
const MoveForm = z.object({ forumId: z.uuid({ error: 'errors.choose' }) })
/** The topic to merge into, by its address or id: the last id in what was pasted. */
const MergeForm = z.object({
  into: requiredText(500).transform((v, ctx) => {
    const ids = v.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi)
    if (!ids) {
      ctx.addIssue({ code: 'custom', message: 'community.moderation.mergeUnknown' })
      return z.NEVER
    }
    return (ids.at(-1) as string).toLowerCase()
  }),
})

/** A post the address names, or 404. */
async function postOf(req: FastifyRequest) {
  const { postId } = PostParams.parse(req.params)
  const found = await moderation.findPostOfForum(req.db as Db, postId)
  if (!found) throw new NotFoundError()
  return found
}

/** Where a moderator's action on a post sends them: back to the queue, or to the post in its topic. */
const backFrom = (req: FastifyRequest, p: moderation.ForumPost) => {
  const back = (req.body as { back?: unknown } | undefined)?.back
  return back === undefined ? `/community/topics/${p.topic_id}#post-${p.id}` : safeNext(back)
}

/**
 * The moderator's topic actions. `topicPage` renders the topic with a refused form's errors
 * (routes.tsx owns it); `topicOf` finds the topic the address names.
 */
export async function moderationRoutes(
  app: FastifyInstance,
  topics: {
    topicOf: (req: FastifyRequest, topicId?: string) => Promise<Topic>
    accessOf: (topic: Topic) => TopicAccess
    topicPage: (req: FastifyRequest, reply: FastifyReply, topic: Topic, errors?: FieldErrors) => unknown
  },
) {
  app.get('/community/moderation', manage, async (req, reply) => {
    authorize(req.actor, 'community.manage')
    const db = req.db as Db
    const page = pageFrom(req.query, moderation.queuePageSize)
    const [held, flags] = await Promise.all([
      moderation.heldPosts(db, page.offset),
      moderation.openFlags(db, page.offset),
    ])
    const h = pageOf(held, page)
    const f = pageOf(flags, page)
    return render(
      reply,
      <ModerationPage
        ctx={viewContext(req, reply)}
        held={h.rows}
        flags={f.rows}
        page={page}
        hasNext={h.hasNext || f.hasNext}
      />,
    )
  })

  // A moderator's action on a post: no form but the way back.
  const postAction = (
    path: string,
    act: (db: Db, actor: NonNullable<FastifyRequest['actor']>, p: moderation.ForumPost) => Promise<void>,
    flash: 'approved' | 'hidden' | 'shown',
  ) =>
    app.post(`/community/posts/:postId/${path}`, manage, async (req, reply) => {
      authorize(req.actor, 'community.manage')
      const found = await postOf(req)
      await act(req.db as Db, req.actor, found)
      setFlash(reply, req.t(`community.moderation.${flash}`))
      return reply.redirect(backFrom(req, found), 303)
    })
  postAction('approve', moderation.approvePost, 'approved')
  postAction('hide', moderation.hidePost, 'hidden')
  postAction('show', moderation.showPost, 'shown')

  app.post('/community/flags/:flagId/dismiss', manage, async (req, reply) => {
    authorize(req.actor, 'community.manage')
    const { flagId } = FlagParams.parse(req.params)
    await moderation.dismissFlag(req.db as Db, req.actor, flagId)
    setFlash(reply, req.t('community.moderation.dismissed'))
    return reply.redirect('/community/moderation', 303)
  })

  // A reader reports a post to the moderators, on a page of its own: only a post readers see (one
  // held or hidden is the moderators' already); a reason left out is asked for beside its field.
  const flagPage = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) => {
    authorize(req.actor, 'community.post')
    const { post: found, topic } = await postIn(req, topics)
    if (found.state !== 'published') throw new NotFoundError()
    return render(
      reply.code(errors ? 422 : 200),
      <FlagPostPage
        ctx={viewContext(req, reply)}
        post={found}
        topic={topic}
        values={errors ? typedValues(req.body) : {}}
        errors={errors}
      />,
    )
  }

  app.get('/community/posts/:postId/flag', post, async (req, reply) => flagPage(req, reply))

  app.post('/community/posts/:postId/flag', post, async (req, reply) => {
    authorize(req.actor, 'community.post')
    const { post: found } = await postIn(req, topics)
    if (found.state !== 'published') throw new NotFoundError()
    const forumPost = await postOf(req)
    const actor = req.actor
    return submitForm(req, reply, FlagForm, {
      act: (form) => moderation.flagPost(req.db as Db, actor, forumPost, form.reason),
      again: (errors) => flagPage(req, reply, errors),
      flash: req.t('community.moderation.flagged'),
      to: `/community/posts/${found.id}`,
    })
  })

  /** A moderator's action on the topic the address names, with its form refused beside its field. */
  const topicAction = <S extends z.ZodType, R>(
    path: string,
    schema: S,
    act: (db: Db, actor: NonNullable<FastifyRequest['actor']>, topic: Topic, form: z.output<S>) => Promise<R>,
    flash: (t: FastifyRequest['t'], result: R, form: z.output<S>) => string,
    to: (topic: Topic, result: R) => string,
  ) =>
    app.post(`/community/topics/:topicId/${path}`, post, async (req, reply) => {
      authorize(req.actor, 'community.post')
      const topic = await topics.topicOf(req)
      authorizeTopic(req.actor, 'topic.moderate', topics.accessOf(topic))
      const actor = req.actor
      let sent: z.output<S> | undefined
      return submitForm(req, reply, schema, {
        act: (form) => {
          sent = form
          return act(req.db as Db, actor, topic, form)
        },
        again: (errors) => topics.topicPage(req, reply, topic, errors),
        flash: (result) => flash(req.t, result, sent as z.output<S>),
        to: (result) => to(topic, result),
      })
    })

  topicAction(
    'pin',
    PinForm,
    (db, actor, topic, form) => moderation.setPinned(db, actor, topic, form.pinned === 'yes'),
    (t, _, form) =>
      t(form.pinned === 'yes' ? 'community.moderation.pinnedDone' : 'community.moderation.unpinnedDone'),
    (topic) => `/community/topics/${topic.id}`,
  )
  topicAction(
    'move',
    MoveForm,
    (db, actor, topic, form) => moderation.moveTopic(db, actor, topic, form.forumId),
    (t) => t('community.moderation.moved'),
    (topic) => `/community/topics/${topic.id}`,
  )
  topicAction(
    'merge',
    MergeForm,
    (db, actor, topic, form) => moderation.mergeTopic(db, actor, topic, form.into),
    (t) => t('community.moderation.mergedDone'),
    (_, target) => `/community/topics/${target.id}`,
  )
}

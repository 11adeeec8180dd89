// A forum post's own addresses: a link to it (the topic's page that holds it), its edit form (its
// author or a moderator), its history (moderators) and a reader's report of it. The one policy
// decides each (postCan, topicCan); the post's forum and topic are checked first (topicOf).
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { NotFoundError } from '../../kernel/errors.ts'
import { fileField, requiredText, typedValues } from '../../kernel/forms.ts'
import { render, submitForm, viewContext } from '../../kernel/http.tsx'
import { keysetPageOf } from '../../kernel/pagination.ts'
import {
  authorize,
  authorizePost,
  type PostAccess,
  type PostPermission,
  type TopicAccess,
  topicCan,
} from '../../kernel/policy.ts'
import type { FieldErrors } from '../../kernel/views/fields.tsx'
import * as attachments from './attachments.ts'
import type { Db } from './db.ts'
import * as posts from './posts.ts'
import { cursorOf, TopicQuery } from './schemas.ts'
import type { Topic } from './service.ts'
import { AttachmentsPage, EditPostPage, PostHistoryPage } from './views/post-pages.tsx'

const read = { config: { permission: 'community.read' } } as const
const post = { config: { permission: 'community.post' } } as const

const PostParams = z.object({ postId: z.uuid() })
const AttachmentParams = z.object({ attachmentId: z.uuid() })
const AttachForm = z.object({ file: fileField() })
const RemoveForm = z.object({ attachmentId: z.uuid({ error: 'errors.choose' }) })
const EditForm = z.object({
  body: requiredText(20_000),
  edited: z.string().max(40).catch('').default(''),
})

export interface TopicLookup {
  topicOf: (req: FastifyRequest, topicId?: string) => Promise<Topic>
  accessOf: (topic: Topic) => TopicAccess
}

/**
 * The post the address names, in a topic the person reads, or 404; a post held for a moderator is
 * its author's and the moderators' alone. With what the policy needs about it.
 */
export async function postIn(req: FastifyRequest, topics: TopicLookup, id?: string) {
  const postId = id ?? PostParams.parse(req.params).postId
  const found = await posts.findPost(req.db as Db, postId)
  if (!found) throw new NotFoundError()
  const topic = await topics.topicOf(req, found.topic_id)
  const moderator = topicCan(req.actor, 'topic.moderate', topics.accessOf(topic))
  if (found.state === 'held' && !moderator && req.actor?.id !== found.author_id) throw new NotFoundError()
  const access: PostAccess = {
    authorId: found.author_id,
    hidden: found.state === 'hidden',
    locked: topic.locked,
  }
  return { post: found, topic, moderator, access }
}

/**
 * The post, once the person may do `permission` to it (the one policy's post rules; signed in, as the
 * route's own permission already made sure), with the signed-in actor.
 */
async function postFor(req: FastifyRequest, topics: TopicLookup, permission: PostPermission) {
  authorize(req.actor, 'community.post')
  const found = await postIn(req, topics)
  authorizePost(req.actor, permission, found.access)
  return { ...found, actor: req.actor }
}

export async function postRoutes(app: FastifyInstance, topics: TopicLookup) {
  // A link to a post (a mention's notification, say) opens the page of its topic that holds it.
  app.get('/community/posts/:postId', read, async (req, reply) => {
    const { post: found } = await postIn(req, topics)
    return reply.redirect(await posts.placeOf(req.db as Db, found), 303)
  })

  const editPage = async (req: FastifyRequest, reply: Parameters<typeof render>[0], errors?: FieldErrors) => {
    const { post: found, topic } = await postFor(req, topics, 'post.edit')
    const values = errors
      ? typedValues(req.body)
      : { body: found.body, edited: found.edited_at?.toISOString() ?? '' }
    return render(
      reply.code(errors ? 422 : 200),
      <EditPostPage
        ctx={viewContext(req, reply)}
        post={found}
        topic={topic}
        values={values}
        errors={errors}
      />,
    )
  }

  app.get('/community/posts/:postId/edit', post, async (req, reply) => editPage(req, reply))

  app.post('/community/posts/:postId/edit', post, async (req, reply) => {
    const { post: found, topic, moderator, actor } = await postFor(req, topics, 'post.edit')
    const db = req.db as Db
    return submitForm(req, reply, EditForm, {
      act: async (form) => {
        await posts.editPost(db, actor, topic, found, form, moderator)
        return posts.placeOf(db, found)
      },
      again: (errors) => editPage(req, reply, errors),
      flash: req.t('community.posts.saved'),
      to: (place) => place,
    })
  })

  // The files attached to a post: its author (or a moderator) adds and removes them on a page of
  // their own (the reply form stays a plain one); whoever reads the post downloads them.
  const attachmentsPage = async (
    req: FastifyRequest,
    reply: Parameters<typeof render>[0],
    errors?: FieldErrors,
  ) => {
    const { post: found, topic } = await postFor(req, topics, 'post.edit')
    return render(
      reply.code(errors ? 422 : 200),
      <AttachmentsPage
        ctx={viewContext(req, reply)}
        post={found}
        topic={topic}
        attachments={await attachments.attachmentsOf(req.db as Db, [found.id])}
        errors={errors}
      />,
    )
  }

  app.get('/community/posts/:postId/attachments', post, async (req, reply) => attachmentsPage(req, reply))

  // The file is read only once the person is known to edit the post.
  app.post(
    '/community/posts/:postId/attachments',
    {
      config: { permission: 'community.post', upload: true },
      preValidation: async (req) => {
        await postFor(req, topics, 'post.edit')
      },
    },
    async (req, reply) => {
      const { post: found, actor } = await postFor(req, topics, 'post.edit')
      return submitForm(req, reply, AttachForm, {
        act: (form) => attachments.attach(req.db as Db, app.storage, actor, found.id, form.file),
        again: (errors) => attachmentsPage(req, reply, errors),
        flash: req.t('community.attachments.added'),
        to: `/community/posts/${found.id}/attachments`,
      })
    },
  )

  app.post('/community/posts/:postId/attachments/remove', post, async (req, reply) => {
    const { post: found, actor } = await postFor(req, topics, 'post.edit')
    return submitForm(req, reply, RemoveForm, {
      act: (form) => attachments.detach(req.db as Db, actor, found.id, form.attachmentId),
      again: (errors) => attachmentsPage(req, reply, errors),
      flash: req.t('community.attachments.removed'),
      to: `/community/posts/${found.id}/attachments`,
    })
  })

  // A file of a post, to whoever reads the post: a hidden post's files to moderators alone.
  app.get('/community/attachments/:attachmentId', read, async (req, reply) => {
    const { attachmentId } = AttachmentParams.parse(req.params)
    const file = await attachments.findAttachment(req.db as Db, attachmentId)
    if (!file) throw new NotFoundError()
    const { post: found, moderator } = await postIn(req, topics, file.post_id)
    if (found.state === 'hidden' && !moderator) throw new NotFoundError()
    return app.storage.send(req.db, reply, file.file_hash, file.original_name)
  })

  app.get('/community/posts/:postId/history', post, async (req, reply) => {
    const { post: found, topic } = await postFor(req, topics, 'post.history')
    const { after } = TopicQuery.parse(req.query)
    const page = keysetPageOf(
      await posts.versionsOf(req.db as Db, found.id, after),
      posts.versionsPageSize,
      (last) => cursorOf(last.replaced_at, last.id),
    )
    return render(
      reply,
      <PostHistoryPage
        ctx={viewContext(req, reply)}
        post={found}
        topic={topic}
        versions={page.rows}
        next={page.next}
        continued={after !== null}
      />,
    )
  })
}

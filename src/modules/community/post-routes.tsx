// A forum post's own addresses: a link to it (the topic's page that holds it), its edit form (its
// author or a moderator), its history (moderators) and a reader's report of it. The one policy
// decides each (postCan, topicCan); the post's forum and topic are checked first (topicOf).
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { NotFoundError } from '../../kernel/errors.ts'
import { requiredText, typedValues } from '../../kernel/forms.ts'
import { render, submitForm, viewContext } from '../../kernel/http.tsx'
import { authorize, authorizePost, type PostAccess, type TopicAccess, topicCan } from '../../kernel/policy.ts'
import type { FieldErrors } from '../../kernel/views/fields.tsx'
import type { Db } from './db.ts'
import * as posts from './posts.ts'
import type { Topic } from './service.ts'
import { EditPostPage, PostHistoryPage } from './views/post-pages.tsx'

const read = { config: { permission: 'community.read' } } as const
const post = { config: { permission: 'community.post' } } as const

const PostParams = z.object({ postId: z.uuid() })
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
export async function postIn(req: FastifyRequest, topics: TopicLookup) {
  const { postId } = PostParams.parse(req.params)
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

export async function postRoutes(app: FastifyInstance, topics: TopicLookup) {
  // A link to a post (a mention's notification, say) opens the page of its topic that holds it.
  app.get('/community/posts/:postId', read, async (req, reply) => {
    const { post: found } = await postIn(req, topics)
    return reply.redirect(await posts.placeOf(req.db as Db, found), 303)
  })

  const editPage = async (req: FastifyRequest, reply: Parameters<typeof render>[0], errors?: FieldErrors) => {
    const { post: found, topic, access } = await postIn(req, topics)
    authorizePost(req.actor, 'post.edit', access)
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
    authorize(req.actor, 'community.post')
    const { post: found, topic, moderator, access } = await postIn(req, topics)
    authorizePost(req.actor, 'post.edit', access)
    const actor = req.actor
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

  app.get('/community/posts/:postId/history', post, async (req, reply) => {
    const { post: found, topic, access } = await postIn(req, topics)
    authorizePost(req.actor, 'post.history', access)
    return render(
      reply,
      <PostHistoryPage
        ctx={viewContext(req, reply)}
        post={found}
        topic={topic}
        versions={await posts.versionsOf(req.db as Db, found.id)}
      />,
    )
  })
}

// The community's forum: forums, their topics and posts. Reading is open to all; writing needs a
// signed-in person; the secretariat creates forums and moderates (the one policy decides each).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { NotFoundError } from '../../kernel/errors.ts'
import { typedValues } from '../../kernel/forms.ts'
import { render, submitForm, viewContext } from '../../kernel/http.tsx'
import { keysetPageOf, pageFrom, pageOf } from '../../kernel/pagination.ts'
import {
  authorize,
  authorizeForum,
  authorizeTopic,
  can,
  type TopicAccess,
  topicCan,
} from '../../kernel/policy.ts'
import { renderPublic } from '../../kernel/public-pages.ts'
import type { FieldErrors } from '../../kernel/views/fields.tsx'
import { attachmentsOf } from './attachments.ts'
import type { Db } from './db.ts'
import * as follows from './follows.ts'
import * as forums from './forums.ts'
import { moderationRoutes } from './moderation-routes.tsx'
import { postRoutes } from './post-routes.tsx'
import { placeOf, quoteOf } from './posts.ts'
import * as profiles from './profiles.ts'
import {
  AcceptForm,
  cursorOf,
  ForumForm,
  ForumParams,
  ForumQuery,
  PersonParams,
  ProfileForm,
  ReplyForm,
  SearchQuery,
  TopicForm,
  TopicParams,
  TopicQuery,
} from './schemas.ts'
import * as forum from './service.ts'
import { followDeliveries } from './tables.ts'
import { ForumPage } from './views/forum-page.tsx'
import { ForumsPage } from './views/forums-page.tsx'
import { ExpertsPage, PersonPage, ProfileFormPage } from './views/profile-pages.tsx'
import { SearchPage } from './views/search-page.tsx'
import { TopicPage } from './views/topic-page.tsx'
import { forumAccess } from './visibility.ts'

const read = { config: { permission: 'community.read' } } as const
const post = { config: { permission: 'community.post' } } as const

const LockForm = z.object({ locked: z.enum(['yes', 'no']) })
const FollowForm = z.object({ delivery: z.enum([...followDeliveries, 'stop'], { error: 'errors.choose' }) })

/**
 * A list's query in the language its reader reads the community in, when the address names no
 * language (profiles.languageRead); the filter shows it and changes it.
 */
export async function inLanguageRead<Q extends { language: 'all' | 'pl' | 'en' }>(
  req: FastifyRequest,
  query: Q,
) {
  const named = typeof req.query === 'object' && req.query !== null && 'language' in req.query
  if (named || !req.actor) return query
  const read = await profiles.languageRead(req.db as Db, req.actor.id)
  return read ? { ...query, language: read } : query
}

class MergedTopic extends Error {
  constructor(readonly into: string) {
    super('merged')
  }
}

export const accessOf = (topic: forum.Topic): TopicAccess => ({
  authorId: topic.author_id,
  locked: topic.locked,
})

/** Who reads the topic: a post held for a moderator is its author's and the moderators' to see. */
const readerOf = (req: FastifyRequest, topic: forum.Topic): forum.Reader => ({
  id: req.actor?.id ?? null,
  moderator: topicCan(req.actor, 'topic.moderate', accessOf(topic)),
})

/** A forum as the address names it, for a person who reads it (a members-only forum's space decides), or 404. */
async function forumOf(req: FastifyRequest) {
  const { forumId } = ForumParams.parse(req.params)
  const found = await forums.findForum(req.db as Db, forumId)
  if (!found) throw new NotFoundError()
  authorizeForum(req.actor, await forumAccess(req.db as Db, req.actor, found.space_id))
  return found
}

/**
 * A topic as the address names it, or 404: in a forum the person reads; a topic held for its first
 * post, to its author and moderators alone.
 */
async function topicOf(req: FastifyRequest, id?: string) {
  const topicId = id ?? TopicParams.parse(req.params).topicId
  const topic = await forum.findTopic(req.db as Db, topicId)
  if (!topic) throw new NotFoundError()
  authorizeForum(req.actor, await forumAccess(req.db as Db, req.actor, topic.space_id))
  const reader = readerOf(req, topic)
  if (topic.held && !reader.moderator && reader.id !== topic.author_id) throw new NotFoundError()
  return topic
}

/**
 * A page of the open forum: for anonymous visitors, rendered once and kept until the forum's rows
 * change (kernel/public-pages); a refused form's page, with what was typed, never.
 */
const show = (
  req: FastifyRequest,
  reply: FastifyReply,
  errors: FieldErrors | undefined,
  page: () => Promise<JSX.Element>,
) =>
  errors
    ? page().then((html) => render(reply.code(422), html))
    : renderPublic(req, reply, page, { data: true })

export async function communityRoutes(app: FastifyInstance) {
  const forumsPage = (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) =>
    show(req, reply, errors, async () => (
      <ForumsPage
        ctx={viewContext(req, reply)}
        forums={await forums.forumList(req.db as Db, req.actor)}
        spaces={can(req.actor, 'community.manage') ? await forums.spaceChoices(req.db as Db) : []}
        mayManage={can(req.actor, 'community.manage')}
        refused={errors ? { values: typedValues(req.body), errors } : undefined}
      />
    ))

  app.get('/community', read, async (req, reply) => forumsPage(req, reply))

  // A member's own profile: what they tell the community, and which parts others see.
  const profileForm = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) => {
    authorize(req.actor, 'community.post')
    const own = await profiles.findProfile(req.db as Db, req.actor.id)
    const values = errors
      ? typedValues(req.body)
      : {
          country: own?.country ?? '',
          organisation: own?.organisation ?? '',
          languages: own?.languages ?? [],
          expertise: own?.expertise ?? '',
          availability: own?.availability ?? '',
          bio: own?.bio ?? '',
          shown: own?.shown ?? [],
          reads: own?.reads ?? [],
        }
    return render(
      reply.code(errors ? 422 : 200),
      <ProfileFormPage ctx={viewContext(req, reply)} values={values} errors={errors} />,
    )
  }

  app.get('/community/profile', post, async (req, reply) => profileForm(req, reply))

  app.post('/community/profile', post, async (req, reply) => {
    authorize(req.actor, 'community.post')
    const actor = req.actor
    return submitForm(req, reply, ProfileForm, {
      act: (form) => profiles.saveProfile(req.db as Db, actor, form),
      again: (errors) => profileForm(req, reply, errors),
      flash: req.t('community.profile.saved'),
      to: `/community/people/${actor.id}`,
    })
  })

  // A member as others see them, with their answers (keyset, newest first).
  app.get('/community/people/:personId', read, async (req, reply) =>
    show(req, reply, undefined, async () => {
      const db = req.db as Db
      const { personId } = PersonParams.parse(req.params)
      const profile = await profiles.findProfile(db, personId)
      if (!profile) throw new NotFoundError()
      const { after } = TopicQuery.parse(req.query)
      const rows = await profiles.answersOf(db, req.actor, profile.id, after)
      const page = keysetPageOf(rows, profiles.answersPageSize, (last) => cursorOf(last.created_at, last.id))
      return (
        <PersonPage
          ctx={viewContext(req, reply)}
          profile={profile}
          answers={page.rows}
          next={page.next}
          continued={after !== null}
          own={req.actor?.id === profile.id}
        />
      )
    }),
  )

  app.get('/community/experts', read, async (req, reply) =>
    show(req, reply, undefined, async () => {
      const page = pageFrom(req.query, profiles.expertsPageSize)
      const rows = pageOf(await profiles.expertsPage(req.db as Db, page.offset), page)
      return (
        <ExpertsPage ctx={viewContext(req, reply)} experts={rows.rows} page={page} hasNext={rows.hasNext} />
      )
    }),
  )

  // Ranked by how well each topic matches, so paged by number (to 50 pages), not by keyset.
  app.get('/community/search', read, async (req, reply) =>
    show(req, reply, undefined, async () => {
      const db = req.db as Db
      const query = await inLanguageRead(req, SearchQuery.parse(req.query))
      const page = pageFrom(req.query, forum.searchPageSize)
      if (page.number > 50) throw new NotFoundError()
      const hits = query.q
        ? pageOf(await forum.searchTopics(db, req.actor, query, page.offset), page)
        : { rows: [], hasNext: false }
      return (
        <SearchPage
          ctx={viewContext(req, reply)}
          query={query}
          forums={await forums.forumChoices(db, req.actor)}
          hits={hits.rows}
          page={page}
          hasNext={hits.hasNext}
        />
      )
    }),
  )

  app.post('/community/forums', { config: { permission: 'community.manage' } }, async (req, reply) => {
    authorize(req.actor, 'community.manage')
    const actor = req.actor
    return submitForm(req, reply, ForumForm, {
      act: (form) => forums.createForum(req.db as Db, actor, form),
      again: (errors) => forumsPage(req, reply, errors),
      flash: req.t('community.forumCreated'),
      to: (created) => `/community/forums/${created.id}`,
    })
  })

  const forumPage = (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) =>
    show(req, reply, errors, async () => {
      const found = await forumOf(req)
      const query = await inLanguageRead(req, errors ? ForumQuery.parse({}) : ForumQuery.parse(req.query))
      const reader = req.actor?.id ?? null
      const [rows, pinned, following] = await Promise.all([
        forum.topicsPage(req.db as Db, found.id, query, reader),
        query.show === 'all' && !query.after
          ? forum.pinnedTopics(req.db as Db, found.id, query.language, reader)
          : [],
        reader ? follows.followOf(req.db as Db, reader, { forumId: found.id }) : undefined,
      ])
      const page = keysetPageOf(rows, forum.topicsPageSize, (last) =>
        cursorOf(query.show === 'unanswered' ? last.created_at : last.last_post_at, last.id),
      )
      return (
        <ForumPage
          ctx={viewContext(req, reply)}
          forum={found}
          query={query}
          pinned={pinned}
          topics={page.rows}
          next={page.next}
          mayPost={can(req.actor, 'community.post')}
          following={following}
          refused={errors ? { values: typedValues(req.body), errors } : undefined}
        />
      )
    })

  app.get('/community/forums/:forumId', read, async (req, reply) => forumPage(req, reply))

  app.post('/community/forums/:forumId/topics', post, async (req, reply) => {
    authorize(req.actor, 'community.post')
    const actor = req.actor
    const found = await forumOf(req)
    return submitForm(req, reply, TopicForm, {
      act: (form) => forum.createTopic(req.db as Db, actor, found, form),
      again: (errors) => forumPage(req, reply, errors),
      flash: (created) => req.t(created.held ? 'community.moderation.heldTopic' : 'community.topicCreated'),
      to: (created) => `/community/topics/${created.id}`,
    })
  })

  const topicView = async (
    req: FastifyRequest,
    reply: FastifyReply,
    topic: forum.Topic,
    errors?: FieldErrors,
  ) => {
    const db = req.db as Db
    const { after, quote } = errors ? { after: null, quote: null } : TopicQuery.parse(req.query)
    const reader = readerOf(req, topic)
    const access = accessOf(topic)
    const mayReply = topicCan(req.actor, 'topic.reply', access) || (errors !== undefined && 'body' in errors)
    const [rows, moveTo, quoted, following] = await Promise.all([
      forum.postsPage(db, topic.id, after, reader),
      reader.moderator ? forums.forumChoices(db, req.actor) : [],
      quote && mayReply ? forum.findPost(db, topic.id, quote) : undefined,
      req.actor ? follows.followOf(db, req.actor.id, { topicId: topic.id }) : undefined,
    ])
    const page = keysetPageOf(rows, forum.postsPageSize, (last) => cursorOf(last.created_at, last.id))
    // The posts' files; and the reader has now read to the latest post shown, what came after their
    // last visit marked new.
    const latest = page.rows.at(-1)
    const [files, readBefore] = await Promise.all([
      attachmentsOf(
        db,
        page.rows.map((p) => p.id),
      ),
      req.actor && latest && !errors
        ? follows.markRead(db, req.actor.id, topic.id, latest.created_at)
        : undefined,
    ])
    const shownAnswer = page.rows.find((p) => p.id === topic.accepted_post_id)
    const answer =
      topic.accepted_post_id && !after
        ? (shownAnswer ?? (await forum.findPost(db, topic.id, topic.accepted_post_id)))
        : undefined
    return (
      <TopicPage
        ctx={viewContext(req, reply)}
        topic={topic}
        posts={page.rows}
        next={page.next}
        continued={after !== null}
        answer={answer}
        // A refused reply keeps its form, with the text typed and the reason, even on a topic locked meanwhile.
        mayReply={mayReply}
        quoted={quoted ? quoteOf(quoted) : undefined}
        following={following}
        readBefore={readBefore}
        files={files}
        after={after ? cursorOf(after.at, after.id) : null}
        mayAccept={topicCan(req.actor, 'topic.accept', access)}
        mayModerate={topicCan(req.actor, 'topic.moderate', access)}
        signedIn={req.actor !== null}
        reader={reader}
        forums={moveTo}
        refused={errors ? { values: typedValues(req.body), errors } : undefined}
      />
    )
  }
  const topicPage = (req: FastifyRequest, reply: FastifyReply, topic: forum.Topic, errors?: FieldErrors) =>
    show(req, reply, errors, () => topicView(req, reply, topic, errors))

  // A topic merged into another sends the reader there (thrown out of the kept page's renderer, so
  // a kept page is still answered without reading the topic).
  app.get('/community/topics/:topicId', read, async (req, reply) => {
    try {
      return await show(req, reply, undefined, async () => {
        const topic = await topicOf(req)
        if (topic.merged_into) throw new MergedTopic(topic.merged_into)
        return topicView(req, reply, topic)
      })
    } catch (err) {
      if (err instanceof MergedTopic) return reply.redirect(`/community/topics/${err.into}`, 301)
      throw err
    }
  })

  app.post('/community/topics/:topicId/posts', post, async (req, reply) => {
    authorize(req.actor, 'community.post')
    // A locked topic refuses the reply beside the field, with what was typed kept (it may have been
    // locked while the person wrote): the service decides, inside the transaction.
    const topic = await topicOf(req)
    const actor = req.actor
    const moderator = topicCan(actor, 'topic.moderate', accessOf(topic))
    return submitForm(req, reply, ReplyForm, {
      act: (form) => forum.addReply(req.db as Db, actor, topic, form, moderator),
      again: (errors) => topicPage(req, reply, topic, errors),
      flash: (created) => req.t(created.held ? 'community.moderation.heldReply' : 'community.replied'),
      // The new post on the page that holds it: the topic's start while it fits one page, else the
      // page that continues after the post before it.
      to: (created) =>
        created.before && topic.post_count + 1 > forum.postsPageSize
          ? `/community/topics/${topic.id}?after=${encodeURIComponent(cursorOf(created.before.created_at, created.before.id))}#post-${created.id}`
          : `/community/topics/${topic.id}#post-${created.id}`,
    })
  })

  app.post('/community/topics/:topicId/accept', post, async (req, reply) => {
    authorize(req.actor, 'community.post')
    const topic = await topicOf(req)
    authorizeTopic(req.actor, 'topic.accept', accessOf(topic))
    const actor = req.actor
    return submitForm(req, reply, AcceptForm, {
      act: (form) => forum.acceptAnswer(req.db as Db, actor, topic, form.postId),
      again: (errors) => topicPage(req, reply, topic, errors),
      flash: req.t('community.accepted'),
      to: `/community/topics/${topic.id}`,
    })
  })

  app.post('/community/topics/:topicId/lock', post, async (req, reply) => {
    authorize(req.actor, 'community.post')
    const topic = await topicOf(req)
    authorizeTopic(req.actor, 'topic.moderate', accessOf(topic))
    const actor = req.actor
    return submitForm(req, reply, LockForm, {
      act: async (form) => {
        await forum.setLocked(req.db as Db, actor, topic, form.locked === 'yes')
        return form.locked === 'yes'
      },
      again: (errors) => topicPage(req, reply, topic, errors),
      flash: (locked) => req.t(locked ? 'community.lockedDone' : 'community.unlockedDone'),
      to: `/community/topics/${topic.id}`,
    })
  })

  // Following a topic or a forum the person reads, as they want to be told, or no more.
  const followed = (req: FastifyRequest, form: z.output<typeof FollowForm>) =>
    form.delivery === 'stop'
      ? req.t('community.follow.stopped')
      : req.t('community.follow.followed', { how: req.t(`community.follow.deliveries.${form.delivery}`) })

  app.post('/community/topics/:topicId/follow', post, async (req, reply) => {
    authorize(req.actor, 'community.post')
    const topic = await topicOf(req)
    const actor = req.actor
    return submitForm(req, reply, FollowForm, {
      act: async (form) => {
        await follows.setFollow(req.db as Db, actor, { topicId: topic.id }, form.delivery)
        return form
      },
      again: (errors) => topicPage(req, reply, topic, errors),
      flash: (form) => followed(req, form),
      to: `/community/topics/${topic.id}`,
    })
  })

  app.post('/community/forums/:forumId/follow', post, async (req, reply) => {
    authorize(req.actor, 'community.post')
    const found = await forumOf(req)
    const actor = req.actor
    return submitForm(req, reply, FollowForm, {
      act: async (form) => {
        await follows.setFollow(req.db as Db, actor, { forumId: found.id }, form.delivery)
        return form
      },
      again: (errors) => forumPage(req, reply, errors),
      flash: (form) => followed(req, form),
      to: `/community/forums/${found.id}`,
    })
  })

  // "Jump to the first unread post": the page of the topic that holds it (all read: the latest
  // post; a visitor, who has read nothing we know of: the topic's start).
  app.get('/community/topics/:topicId/unread', read, async (req, reply) => {
    const topic = await topicOf(req)
    const base = `/community/topics/${topic.id}`
    if (!req.actor) return reply.redirect(base, 303)
    const db = req.db as Db
    const first = await follows.firstUnread(db, req.actor.id, topic.id)
    if (first) return reply.redirect(await placeOf(db, first), 303)
    const last = await forum.latestPost(db, topic.id)
    return reply.redirect(last ? await placeOf(db, last) : base, 303)
  })

  await moderationRoutes(app, { topicOf, accessOf, topicPage })
  await postRoutes(app, { topicOf, accessOf })
}

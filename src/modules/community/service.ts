// The topics and posts of the community's forums (forums.ts keeps the forums). A topic may ask a
// question; its asker or a moderator accepts one answer, shown under the question. Forums list their
// topics by latest activity (keyset), or their questions still waiting for an answer, oldest first.
import { sql } from 'kysely'
import { audit } from '../../kernel/audit.ts'
import { RuleError } from '../../kernel/errors.ts'
import { type Actor, can } from '../../kernel/policy.ts'
import type { Db } from './db.ts'
import { tellOfPost } from './follows.ts'
import type { Forum } from './forums.ts'
import { countLinks, floodWindowMinutes, holdReason, isFlood } from './rules.ts'
import type { ForumQuery, ReplyForm, SearchQuery, TopicForm } from './schemas.ts'
import { readableForums } from './visibility.ts'

/** Topics on one page of a forum. */
export const topicsPageSize = 25
/** Posts on one page of a topic. */
export const postsPageSize = 50
/** What a list of topics shows of each: its title and language, its state, its activity, its author. */
const topicListColumns = [
  't.id',
  't.title',
  't.lang',
  't.is_question',
  't.accepted_post_id',
  't.locked',
  't.created_at',
  't.last_post_at',
  't.post_count',
  't.pinned',
  'a.name as author_name',
] as const

/** How far the signed-in reader has read each topic listed (null: never opened, or nobody signed in). */
const readUntil = (reader: string | null) =>
  reader
    ? sql<Date | null>`(select r.read_until from community_topic_reads r where r.topic_id = t.id and r.person_id = ${reader})`.as(
        'read_until',
      )
    : sql<Date | null>`null::timestamptz`.as('read_until')

/**
 * A page of a forum's topics (one more tells a next page): by latest activity, or its unanswered
 * questions oldest first; in one language or both; with how far the reader has read each.
 */
export function topicsPage(db: Db, forumId: string, query: ForumQuery, reader: string | null) {
  const unanswered = query.show === 'unanswered'
  let q = db
    .selectFrom('community_topics as t')
    .innerJoin('people as a', 'a.id', 't.author_id')
    .select(topicListColumns)
    .select(readUntil(reader))
    .where('t.forum_id', '=', forumId)
    .where('t.held', '=', false)
    .where('t.merged_into', 'is', null)
    .$if(query.language !== 'all', (w) => w.where('t.lang', '=', query.language))
    .limit(topicsPageSize + 1)
  if (unanswered) {
    q = q
      .where('t.is_question', '=', true)
      .where('t.accepted_post_id', 'is', null)
      .orderBy('t.created_at')
      .orderBy('t.id')
    if (query.after) q = q.where(sql<boolean>`(t.created_at, t.id) > (${query.after.at}, ${query.after.id})`)
  } else {
    // Pinned topics stand above the list, on its first page (pinnedTopics).
    q = q.where('t.pinned', '=', false).orderBy('t.last_post_at', 'desc').orderBy('t.id', 'desc')
    if (query.after)
      q = q.where(sql<boolean>`(t.last_post_at, t.id) < (${query.after.at}, ${query.after.id})`)
  }
  return q.execute()
}
export type TopicRow = Awaited<ReturnType<typeof topicsPage>>[number]

/** At most this many topics are pinned above a forum's list. */
const pinnedLimit = 10

/** The topics moderators pinned in a forum, latest activity first, in one language or both. */
export function pinnedTopics(
  db: Db,
  forumId: string,
  language: ForumQuery['language'],
  reader: string | null,
) {
  return db
    .selectFrom('community_topics as t')
    .innerJoin('people as a', 'a.id', 't.author_id')
    .select(topicListColumns)
    .select(readUntil(reader))
    .where('t.forum_id', '=', forumId)
    .where('t.pinned', '=', true)
    .where('t.held', '=', false)
    .where('t.merged_into', 'is', null)
    .$if(language !== 'all', (w) => w.where('t.lang', '=', language))
    .orderBy('t.last_post_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(pinnedLimit)
    .execute()
}

/** A topic with its forum, its asker, and its first post's id (the question itself, never an answer). */
export function findTopic(db: Db, id: string) {
  return db
    .selectFrom('community_topics as t')
    .innerJoin('community_forums as f', 'f.id', 't.forum_id')
    .innerJoin('people as a', 'a.id', 't.author_id')
    .select([
      't.id',
      't.forum_id',
      't.title',
      't.lang',
      't.is_question',
      't.accepted_post_id',
      't.locked',
      't.author_id',
      't.created_at',
      't.post_count',
      't.held',
      't.pinned',
      't.merged_into',
      'a.name as author_name',
      'f.name_pl as forum_pl',
      'f.name_en as forum_en',
      'f.space_id',
      (eb) =>
        eb
          .selectFrom('community_posts as p')
          .select('p.id')
          .whereRef('p.topic_id', '=', 't.id')
          .orderBy('p.created_at')
          .orderBy('p.id')
          .limit(1)
          .as('first_post_id'),
    ])
    .where('t.id', '=', id)
    .executeTakeFirst()
}
export type Topic = NonNullable<Awaited<ReturnType<typeof findTopic>>>

const postColumns = [
  'p.id',
  'p.body',
  'p.created_at',
  'p.author_id',
  'p.state',
  'p.held_reason',
  'p.edited_at',
  'a.name as author_name',
] as const

/** Who reads a topic: a post held for a moderator is shown to its author and to moderators alone. */
export interface Reader {
  id: string | null
  moderator: boolean
}

/**
 * A page of a topic's posts in the order they came, after a post (keyset); one more tells a next
 * page. Hidden posts keep their place (the page says a moderator hid them); held ones are the
 * reader's own or a moderator's to see.
 */
export function postsPage(db: Db, topicId: string, after: { at: Date; id: string } | null, reader: Reader) {
  return db
    .selectFrom('community_posts as p')
    .innerJoin('people as a', 'a.id', 'p.author_id')
    .select(postColumns)
    .where('p.topic_id', '=', topicId)
    .$if(!reader.moderator, (q) =>
      q.where((eb) =>
        eb.or([eb('p.state', '!=', 'held'), eb('p.author_id', '=', reader.id ?? sql<string>`null`)]),
      ),
    )
    .$if(after !== null, (q) => q.where(sql<boolean>`(p.created_at, p.id) > (${after?.at}, ${after?.id})`))
    .orderBy('p.created_at')
    .orderBy('p.id')
    .limit(postsPageSize + 1)
    .execute()
}
export type Post = Awaited<ReturnType<typeof postsPage>>[number]

/** A topic's latest post readers see (for a reader who has read it all). */
export function latestPost(db: Db, topicId: string) {
  return db
    .selectFrom('community_posts')
    .select(['id', 'topic_id', 'created_at'])
    .where('topic_id', '=', topicId)
    .where('state', '!=', 'held')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/** The accepted answer, shown under the question whichever page it is on. */
export function findPost(db: Db, topicId: string, postId: string) {
  return db
    .selectFrom('community_posts as p')
    .innerJoin('people as a', 'a.id', 'p.author_id')
    .select(postColumns)
    .where('p.topic_id', '=', topicId)
    .where('p.id', '=', postId)
    .where('p.state', '=', 'published')
    .executeTakeFirst()
}

/**
 * Whether a post from `actor` now waits for a moderator, and why (rules.ts); a flood (too many posts
 * in the last minutes) is refused beside the text. Counted under a lock on the person, so posts sent
 * at once are counted one after another.
 */
async function posting(trx: Db, actor: Actor, body: string) {
  await sql`select pg_advisory_xact_lock(hashtext('community-posts'), hashtext(${actor.id}))`.execute(trx)
  const { published, recent } = await trx
    .selectNoFrom([
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('community_posts')
              .select('id')
              .where('author_id', '=', actor.id)
              .where('state', '=', 'published'),
          )
          .as('published'),
      (eb) =>
        eb
          .selectFrom('community_posts')
          .select(sql<number>`count(*)::int`.as('n'))
          .where('author_id', '=', actor.id)
          .where('created_at', '>', sql<Date>`now() - make_interval(mins => ${floodWindowMinutes})`)
          .as('recent'),
    ])
    .executeTakeFirstOrThrow()
  const moderator = can(actor, 'community.manage')
  if (isFlood({ moderator, recent: recent ?? 0 })) throw new RuleError('community.errors.tooFast', 'body')
  return holdReason({
    moderator,
    selfJoined: actor.role === 'community_member',
    publishedBefore: Boolean(published),
    links: countLinks(body),
  })
}

/** A new topic and its first post, at once; held with its post when the post waits for a moderator. */
export async function createTopic(db: Db, actor: Actor, forum: Forum, form: TopicForm) {
  return db.transaction().execute(async (trx) => {
    const held = await posting(trx, actor, form.body)
    const now = new Date()
    const topic = await trx
      .insertInto('community_topics')
      .values({
        forum_id: forum.id,
        title: form.title,
        lang: form.lang,
        is_question: form.isQuestion,
        author_id: actor.id,
        created_at: now,
        last_post_at: now,
        post_count: 1,
        held: held !== null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const post = await trx
      .insertInto('community_posts')
      .values({
        topic_id: topic.id,
        author_id: actor.id,
        body: form.body,
        created_at: now,
        state: held ? 'held' : 'published',
        held_reason: held,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (!held)
      await tellOfPost(
        trx,
        {
          id: post.id,
          body: form.body,
          author: actor,
          topic: { id: topic.id, forum_id: forum.id, title: form.title, space_id: forum.space_id },
        },
        true,
      )
    await audit(trx, actor, {
      action: 'community.topic-created',
      subjectType: 'community_topic',
      subjectId: topic.id,
      details: { forum: forum.id, question: form.isQuestion, held },
    })
    return { id: topic.id, held: held !== null }
  })
}

/**
 * A reply at the end of a topic. The topic's row is locked while the post is added, so a moderator
 * locking it meanwhile is seen: a locked topic takes replies from moderators alone.
 */
export async function addReply(db: Db, actor: Actor, topic: Topic, form: ReplyForm, moderator: boolean) {
  return db.transaction().execute(async (trx) => {
    const now = await trx
      .selectFrom('community_topics')
      .select(['locked', 'merged_into', 'held', sql<Date>`clock_timestamp()`.as('now')])
      .where('id', '=', topic.id)
      .forUpdate()
      .executeTakeFirst()
    if (!now) throw new RuleError('community.errors.gone', 'body')
    if (now.merged_into) throw new RuleError('community.errors.merged', 'body')
    if (now.locked && !moderator) throw new RuleError('community.errors.locked', 'body')
    const held = await posting(trx, actor, form.body)
    const before = await trx
      .selectFrom('community_posts')
      .select(['id', 'created_at'])
      .where('topic_id', '=', topic.id)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst()
    const post = await trx
      .insertInto('community_posts')
      .values({
        topic_id: topic.id,
        author_id: actor.id,
        body: form.body,
        created_at: now.now,
        state: held ? 'held' : 'published',
        held_reason: held,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    // A post waiting for a moderator counts (and tells those it mentions) once it is approved (moderation.ts).
    if (!held) {
      await trx
        .updateTable('community_topics')
        .set((eb) => ({ post_count: eb('post_count', '+', 1), last_post_at: now.now }))
        .where('id', '=', topic.id)
        .execute()
      // In a topic still waiting for a moderator (its author's reply), nobody is told: its title would reach them.
      if (!now.held) await tellOfPost(trx, { id: post.id, body: form.body, author: actor, topic }, false)
    }
    return { id: post.id, before, held: held !== null }
  })
}

/** The answer accepted for a question: a later post of the same topic (the question is no answer). */
export async function acceptAnswer(db: Db, actor: Actor, topic: Topic, postId: string) {
  if (!topic.is_question) throw new RuleError('community.errors.notQuestion')
  if (postId === topic.first_post_id) throw new RuleError('community.errors.questionNoAnswer')
  await db.transaction().execute(async (trx) => {
    const post = await trx
      .selectFrom('community_posts')
      .select('id')
      .where('id', '=', postId)
      .where('topic_id', '=', topic.id)
      .where('state', '=', 'published')
      .executeTakeFirst()
    if (!post) throw new RuleError('community.errors.otherTopic')
    await trx
      .updateTable('community_topics')
      .set({ accepted_post_id: post.id })
      .where('id', '=', topic.id)
      .execute()
    await audit(trx, actor, {
      action: 'community.answer-accepted',
      subjectType: 'community_topic',
      subjectId: topic.id,
      details: { post: post.id },
    })
  })
}

/** A moderator locks a topic (no more replies but theirs) or opens it again. */
export async function setLocked(db: Db, actor: Actor, topic: Topic, locked: boolean) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('community_topics').set({ locked }).where('id', '=', topic.id).execute()
    await audit(trx, actor, {
      action: locked ? 'community.topic-locked' : 'community.topic-unlocked',
      subjectType: 'community_topic',
      subjectId: topic.id,
    })
  })
}

/** Results on one page of a search. */
export const searchPageSize = 20

/**
 * Topics that match a search, best first: a word of the title or of any post (with or without
 * Polish letters), or a title like the words typed (trigrams, for a misspelt word); kept to a
 * forum, a language, questions answered or waiting, and a period. Each with the text of its first
 * matching post. One more than a page tells a next page.
 */
export function searchTopics(db: Db, actor: Actor | null, s: SearchQuery, offset: number) {
  const words = sql`plainto_tsquery('simple', siatka_fold(${s.q}))`
  const matchingPosts = sql`select p.topic_id from community_posts p where p.search @@ ${words} and p.state = 'published'`
  return (
    db
      .selectFrom('community_topics as t')
      .innerJoin('community_forums as f', 'f.id', 't.forum_id')
      .innerJoin('people as a', 'a.id', 't.author_id')
      .select(topicListColumns)
      .select([
        'f.id as forum_id',
        'f.name_pl as forum_pl',
        'f.name_en as forum_en',
        sql<
          string | null
        >`(select p.body from community_posts p where p.topic_id = t.id and p.search @@ ${words}
        and p.state = 'published' order by p.created_at, p.id limit 1)`.as('excerpt'),
      ])
      .where(
        sql<boolean>`(t.search @@ ${words} or siatka_fold(${s.q}) <% siatka_fold(t.title) or t.id in (${matchingPosts}))`,
      )
      .where('t.held', '=', false)
      .where('t.merged_into', 'is', null)
      .where(readableForums(db, actor))
      .$if(s.forum !== null, (q) => q.where('t.forum_id', '=', s.forum as string))
      .$if(s.language !== 'all', (q) => q.where('t.lang', '=', s.language))
      .$if(s.answered !== 'all', (q) =>
        q
          .where('t.is_question', '=', true)
          .where('t.accepted_post_id', s.answered === 'yes' ? 'is not' : 'is', null),
      )
      .$if(s.since !== '0', (q) =>
        q.where('t.last_post_at', '>=', sql<Date>`now() - make_interval(days => ${Number(s.since)})`),
      )
      // Titles weigh most; a topic found by its posts alone comes by its latest activity. Ranking every
      // matching post would read them all: a common word is in thousands.
      .orderBy(
        sql`ts_rank(t.search, ${words}) * 2 + word_similarity(siatka_fold(${s.q}), siatka_fold(t.title))`,
        'desc',
      )
      .orderBy('t.last_post_at', 'desc')
      .orderBy('t.id')
      .limit(searchPageSize + 1)
      .offset(offset)
      .execute()
  )
}
export type SearchHit = Awaited<ReturnType<typeof searchTopics>>[number]

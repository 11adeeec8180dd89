// The forum's moderation: posts waiting for approval and posts flagged by readers, in one queue;
// a moderator approves, hides and shows again posts, pins topics, moves them to another forum and
// merges one into another. Every action is in the audit log.
import { sql } from 'kysely'
import { audit } from '../../kernel/audit.ts'
import { RuleError } from '../../kernel/errors.ts'
import type { Actor } from '../../kernel/policy.ts'
import type { Db } from './db.ts'
import { tellOfPost } from './follows.ts'
import type { Topic } from './service.ts'

/** Items on one page of each of the queue's lists. */
export const queuePageSize = 20

/** Posts waiting for a moderator, oldest first, each with its topic and why it waits. */
export function heldPosts(db: Db, offset: number) {
  return db
    .selectFrom('community_posts as p')
    .innerJoin('community_topics as t', 't.id', 'p.topic_id')
    .innerJoin('people as a', 'a.id', 'p.author_id')
    .select([
      'p.id',
      'p.body',
      'p.created_at',
      'p.held_reason',
      't.id as topic_id',
      't.title',
      't.lang',
      'a.name as author_name',
    ])
    .where('p.state', '=', 'held')
    .orderBy('p.created_at')
    .orderBy('p.id')
    .offset(offset)
    .limit(queuePageSize + 1)
    .execute()
}
export type HeldPost = Awaited<ReturnType<typeof heldPosts>>[number]

/** Flags no moderator has dealt with, oldest first, each with the post flagged. */
export function openFlags(db: Db, offset: number) {
  return db
    .selectFrom('community_post_flags as fl')
    .innerJoin('community_posts as p', 'p.id', 'fl.post_id')
    .innerJoin('community_topics as t', 't.id', 'p.topic_id')
    .innerJoin('people as a', 'a.id', 'p.author_id')
    .innerJoin('people as by', 'by.id', 'fl.person_id')
    .select([
      'fl.id',
      'fl.reason',
      'fl.created_at',
      'p.id as post_id',
      'p.body',
      'p.state',
      't.id as topic_id',
      't.title',
      't.lang',
      'a.name as author_name',
      'by.name as flagged_by',
    ])
    .where('fl.resolved_at', 'is', null)
    .orderBy('fl.created_at')
    .orderBy('fl.id')
    .offset(offset)
    .limit(queuePageSize + 1)
    .execute()
}
export type Flag = Awaited<ReturnType<typeof openFlags>>[number]

/** A post of the forum with its topic: what a moderator's action names. */
export function findPostOfForum(db: Db, postId: string) {
  return db
    .selectFrom('community_posts as p')
    .innerJoin('community_topics as t', 't.id', 'p.topic_id')
    .select([
      'p.id',
      'p.topic_id',
      'p.author_id',
      'p.state',
      'p.held_reason',
      'p.created_at',
      't.held as topic_held',
    ])
    .where('p.id', '=', postId)
    .executeTakeFirst()
}
export type ForumPost = NonNullable<Awaited<ReturnType<typeof findPostOfForum>>>

/**
 * A held post published: it counts in its topic now; a topic held for its first post is published
 * with it. A post no longer held (approved or hidden meanwhile) is left as it is.
 */
export async function approvePost(db: Db, actor: Actor, post: ForumPost) {
  await db.transaction().execute(async (trx) => {
    const approved = await trx
      .updateTable('community_posts')
      .set({ state: 'published', held_reason: null })
      .where('id', '=', post.id)
      .where('state', '=', 'held')
      .returning(['topic_id', 'created_at', 'body', 'author_id'])
      .executeTakeFirst()
    if (!approved) return
    // The topic as it is now (a merge may have moved the post), locked while it counts the post.
    const topic = await trx
      .selectFrom('community_topics as t')
      .innerJoin('community_forums as f', 'f.id', 't.forum_id')
      .select([
        't.held',
        't.title',
        't.forum_id',
        'f.space_id',
        (eb) => eb.selectFrom('people').select('name').where('id', '=', approved.author_id).as('author_name'),
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
      .where('t.id', '=', approved.topic_id)
      .forUpdate('t')
      .executeTakeFirstOrThrow()
    // A held topic is published with its first post (counted when the topic was made); a reply
    // its author wrote meanwhile, or any other, counts now.
    if (topic.held && topic.first_post_id === post.id)
      await trx
        .updateTable('community_topics')
        .set({ held: false })
        .where('id', '=', approved.topic_id)
        .execute()
    else
      await trx
        .updateTable('community_topics')
        .set((eb) => ({
          post_count: eb('post_count', '+', 1),
          last_post_at: sql<Date>`greatest(last_post_at, ${approved.created_at})`,
        }))
        .where('id', '=', approved.topic_id)
        .execute()
    // Held, it told nobody: approved, it tells as a post just written does (a first post, of a new topic).
    const newTopic = topic.held && topic.first_post_id === post.id
    // A reply in a topic that itself still waits tells nobody (the topic's title would reach them).
    if (!topic.held || newTopic)
      await tellOfPost(
        trx,
        {
          id: post.id,
          body: approved.body,
          author: { id: approved.author_id, name: topic.author_name ?? '' },
          topic: {
            id: approved.topic_id,
            forum_id: topic.forum_id,
            title: topic.title,
            space_id: topic.space_id,
          },
        },
        newTopic,
      )
    await audit(trx, actor, {
      action: 'community.post-approved',
      subjectType: 'community_post',
      subjectId: post.id,
    })
  })
}

/**
 * A post hidden (a held one rejected): readers see that a moderator hid it; it is no longer an
 * accepted answer; the flags on it are dealt with.
 */
export async function hidePost(db: Db, actor: Actor, post: ForumPost) {
  await db.transaction().execute(async (trx) => {
    // A rejected post keeps why it was held: it was never published, so it is not shown again.
    const hidden = await trx
      .updateTable('community_posts')
      .set({ state: 'hidden' })
      .where('id', '=', post.id)
      .where('state', '!=', 'hidden')
      .executeTakeFirst()
    if (Number(hidden.numUpdatedRows) !== 1) return
    await trx
      .updateTable('community_topics')
      .set({ accepted_post_id: null })
      .where('id', '=', post.topic_id)
      .where('accepted_post_id', '=', post.id)
      .execute()
    await trx
      .updateTable('community_post_flags')
      .set({ resolved_at: new Date() })
      .where('post_id', '=', post.id)
      .where('resolved_at', 'is', null)
      .execute()
    await audit(trx, actor, {
      action: post.state === 'held' ? 'community.post-rejected' : 'community.post-hidden',
      subjectType: 'community_post',
      subjectId: post.id,
    })
  })
}

/** A post hidden after it was published, shown again (a rejected one never was published: not it). */
export async function showPost(db: Db, actor: Actor, post: ForumPost) {
  await db.transaction().execute(async (trx) => {
    const shown = await trx
      .updateTable('community_posts')
      .set({ state: 'published' })
      .where('id', '=', post.id)
      .where('state', '=', 'hidden')
      .where('held_reason', 'is', null)
      .executeTakeFirst()
    if (Number(shown.numUpdatedRows) !== 1) return
    await audit(trx, actor, {
      action: 'community.post-shown',
      subjectType: 'community_post',
      subjectId: post.id,
    })
  })
}

/** A reader flags a post with a reason; flagging it again is no error. */
export async function flagPost(db: Db, actor: Actor, post: ForumPost, reason: string) {
  await db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('community_post_flags')
      .values({ post_id: post.id, person_id: actor.id, reason })
      .onConflict((oc) => oc.columns(['post_id', 'person_id']).doNothing())
      .returning('id')
      .executeTakeFirst()
    if (created)
      await audit(trx, actor, {
        action: 'community.post-flagged',
        subjectType: 'community_post',
        subjectId: post.id,
        details: { reason },
      })
  })
}

/** A flag dealt with, the post left as it is. */
export async function dismissFlag(db: Db, actor: Actor, flagId: string) {
  await db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('community_post_flags')
      .set({ resolved_at: new Date() })
      .where('id', '=', flagId)
      .where('resolved_at', 'is', null)
      .executeTakeFirst()
    if (Number(done.numUpdatedRows) === 1)
      await audit(trx, actor, {
        action: 'community.flag-dismissed',
        subjectType: 'community_post_flag',
        subjectId: flagId,
      })
  })
}

/** At most this many topics are pinned in a forum (service.ts shows them all above its list). */
export const pinnedLimit = 10

export async function setPinned(db: Db, actor: Actor, topic: Topic, pinned: boolean) {
  await db.transaction().execute(async (trx) => {
    if (pinned) {
      // Counted under a lock on the forum, so two pins at once cannot pass the limit.
      await trx
        .selectFrom('community_forums')
        .select('id')
        .where('id', '=', topic.forum_id)
        .forUpdate()
        .execute()
      const { n } = await trx
        .selectFrom('community_topics')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('forum_id', '=', topic.forum_id)
        .where('pinned', '=', true)
        .where('id', '!=', topic.id)
        .executeTakeFirstOrThrow()
      if (n >= pinnedLimit) throw new RuleError('community.moderation.pinLimit', '_form')
    }
    await trx.updateTable('community_topics').set({ pinned }).where('id', '=', topic.id).execute()
    await audit(trx, actor, {
      action: pinned ? 'community.topic-pinned' : 'community.topic-unpinned',
      subjectType: 'community_topic',
      subjectId: topic.id,
    })
  })
}

/** A topic moved to another forum. */
export async function moveTopic(db: Db, actor: Actor, topic: Topic, forumId: string) {
  await db.transaction().execute(async (trx) => {
    const forum = await trx
      .selectFrom('community_forums')
      .select('id')
      .where('id', '=', forumId)
      .executeTakeFirst()
    if (!forum) throw new RuleError('errors.choose', 'forumId')
    await trx.updateTable('community_topics').set({ forum_id: forum.id }).where('id', '=', topic.id).execute()
    await audit(trx, actor, {
      action: 'community.topic-moved',
      subjectType: 'community_topic',
      subjectId: topic.id,
      details: { from: topic.forum_id, to: forum.id },
    })
  })
}

/**
 * A topic merged into another: its posts move there (in the order they came, among the other's),
 * the other counts them and takes their latest activity, and this one's address sends readers on.
 * The target is named by its address or id; not itself, not one merged already.
 */
export async function mergeTopic(db: Db, actor: Actor, topic: Topic, targetId: string) {
  if (targetId === topic.id) throw new RuleError('community.moderation.mergeSelf', 'into')
  return db.transaction().execute(async (trx) => {
    // Both topics locked, in the order of their ids: a reply to either waits, and two merges at
    // once cannot lock each other out.
    const locked = await trx
      .selectFrom('community_topics as t')
      .innerJoin('community_forums as f', 'f.id', 't.forum_id')
      .select([
        't.id',
        't.merged_into',
        'f.space_id',
        (eb) =>
          eb
            .selectFrom('community_posts as p')
            .select('p.created_at')
            .whereRef('p.topic_id', '=', 't.id')
            .orderBy('p.created_at')
            .limit(1)
            .as('first_at'),
      ])
      .where('t.id', 'in', [topic.id, targetId])
      .orderBy('t.id')
      .forUpdate('t')
      .execute()
    const source = locked.find((t) => t.id === topic.id)
    const target = locked.find((t) => t.id === targetId && t.merged_into === null)
    if (!source || source.merged_into) throw new RuleError('community.errors.merged', 'into')
    if (!target) throw new RuleError('community.moderation.mergeUnknown', 'into')
    // The posts would reach other readers: a members-only forum's only into the same space's forum.
    if (source.space_id !== target.space_id) throw new RuleError('community.moderation.mergeReaders', 'into')
    // The target's question stays its first post: an older topic is merged the other way.
    if (source.first_at && target.first_at && source.first_at < target.first_at)
      throw new RuleError('community.moderation.mergeOlder', 'into')
    const moved = await trx
      .updateTable('community_posts')
      .set({ topic_id: target.id })
      .where('topic_id', '=', topic.id)
      .returning(['state', 'created_at'])
      .execute()
    const counted = moved.filter((p) => p.state !== 'held')
    const latest = counted.reduce<Date | null>((l, p) => (!l || p.created_at > l ? p.created_at : l), null)
    await trx
      .updateTable('community_topics')
      .set((eb) => ({
        post_count: eb('post_count', '+', counted.length),
        ...(latest ? { last_post_at: sql<Date>`greatest(last_post_at, ${latest})` } : {}),
      }))
      .where('id', '=', target.id)
      .execute()
    await trx
      .updateTable('community_topics')
      .set({ merged_into: target.id, post_count: 0, accepted_post_id: null, pinned: false })
      .where('id', '=', topic.id)
      .execute()
    await audit(trx, actor, {
      action: 'community.topic-merged',
      subjectType: 'community_topic',
      subjectId: topic.id,
      details: { into: target.id, posts: moved.length },
    })
    return target
  })
}

// A forum post after it was written: its place in its topic (a link to a post opens the page that
// holds it), its text edited by its author or a moderator (the page marks it "edited", every earlier
// text is kept for moderators), and a quote of it for a reply.
import { sql } from 'kysely'
import { audit } from '../../kernel/audit.ts'
import { RuleError } from '../../kernel/errors.ts'
import type { Actor } from '../../kernel/policy.ts'
import type { Db } from './db.ts'
import { notifyMentions } from './mentions.ts'
import { countLinks, linkLimit } from './rules.ts'
import { cursorOf } from './schemas.ts'
import { postsPageSize, type Topic } from './service.ts'

/** A post with what the policy and its pages need: its author, state, topic and last edit. */
export function findPost(db: Db, postId: string) {
  return db
    .selectFrom('community_posts as p')
    .innerJoin('people as a', 'a.id', 'p.author_id')
    .select([
      'p.id',
      'p.topic_id',
      'p.author_id',
      'p.body',
      'p.state',
      'p.created_at',
      'p.edited_at',
      'a.name as author_name',
    ])
    .where('p.id', '=', postId)
    .executeTakeFirst()
}
export type FoundPost = NonNullable<Awaited<ReturnType<typeof findPost>>>

/**
 * The address of the topic's page that holds a post: the topic's start while the post is on its
 * first page, else the page that continues after the last post of the page before (as readers
 * page through it: held posts of others are not on their pages, hidden ones keep their place).
 */
export async function placeOf(db: Db, post: Pick<FoundPost, 'id' | 'topic_id' | 'created_at'>) {
  const before = await db
    .selectFrom('community_posts')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('topic_id', '=', post.topic_id)
    .where('state', '!=', 'held')
    .where(sql<boolean>`(created_at, id) < (${post.created_at}, ${post.id})`)
    .executeTakeFirstOrThrow()
  const start = Math.floor(before.n / postsPageSize) * postsPageSize
  const base = `/community/topics/${post.topic_id}`
  if (start === 0) return `${base}#post-${post.id}`
  const last = await db
    .selectFrom('community_posts')
    .select(['id', 'created_at'])
    .where('topic_id', '=', post.topic_id)
    .where('state', '!=', 'held')
    .orderBy('created_at')
    .orderBy('id')
    .offset(start - 1)
    .limit(1)
    .executeTakeFirstOrThrow()
  return `${base}?after=${encodeURIComponent(cursorOf(last.created_at, last.id))}#post-${post.id}`
}

/** Earlier texts on one page of a post's history. */
export const versionsPageSize = 25

/**
 * The texts a post had before its edits, the latest first (for moderators), a page at a time by
 * keyset after the version last shown; one row more than a page says whether another follows.
 */
export function versionsOf(db: Db, postId: string, after: { at: Date; id: string } | null) {
  return db
    .selectFrom('community_post_versions as v')
    .innerJoin('people as w', 'w.id', 'v.written_by')
    .select(['v.id', 'v.body', 'v.written_at', 'v.replaced_at', 'w.name as written_by_name'])
    .where('v.post_id', '=', postId)
    .$if(after !== null, (q) => q.where(sql<boolean>`(v.replaced_at, v.id) < (${after?.at}, ${after?.id})`))
    .orderBy('v.replaced_at', 'desc')
    .orderBy('v.id', 'desc')
    .limit(versionsPageSize + 1)
    .execute()
}
export type PostVersion = Awaited<ReturnType<typeof versionsOf>>[number]

/** An edit as its form sends it: the new text, and when the text it changes was last edited (none: never). */
export interface PostEdit {
  body: string
  edited: string
}

/**
 * A post's new text. The earlier one is kept; an edit made from a stale form (the post changed
 * since it was opened) is refused with its text kept, and so is one that would pass the link limit
 * (a post with that many links waits for a moderator: an edit cannot add them). People newly
 * mentioned in a published post are told.
 */
export async function editPost(
  db: Db,
  actor: Actor,
  topic: Topic,
  post: FoundPost,
  form: PostEdit,
  moderator: boolean,
) {
  await db.transaction().execute(async (trx) => {
    // The post locked with its topic's state read: a topic locked while the form was open refuses it.
    const current = await trx
      .selectFrom('community_posts as p')
      .innerJoin('community_topics as t', 't.id', 'p.topic_id')
      .select([
        'p.body',
        'p.state',
        'p.author_id',
        'p.created_at',
        'p.edited_at',
        'p.edited_by',
        't.locked',
        't.held',
      ])
      .where('p.id', '=', post.id)
      .forUpdate('p')
      .executeTakeFirst()
    if (!current) throw new RuleError('community.errors.gone', 'body')
    if (current.locked && !moderator) throw new RuleError('community.errors.locked', 'body')
    if ((current.edited_at?.toISOString() ?? '') !== form.edited)
      throw new RuleError('community.errors.editedMeanwhile', 'body')
    if (current.state === 'hidden' && !moderator) throw new RuleError('community.errors.gone', 'body')
    if (!moderator && countLinks(form.body) > linkLimit && countLinks(form.body) > countLinks(current.body))
      throw new RuleError('community.errors.editLinks', 'body', { limit: linkLimit })
    if (form.body === current.body) return
    await trx
      .insertInto('community_post_versions')
      .values({
        post_id: post.id,
        body: current.body,
        written_by: current.edited_by ?? current.author_id,
        written_at: current.edited_at ?? current.created_at,
      })
      .execute()
    await trx
      .updateTable('community_posts')
      .set({ body: form.body, edited_at: sql<Date>`clock_timestamp()`, edited_by: actor.id })
      .where('id', '=', post.id)
      .execute()
    // A topic still waiting for a moderator tells nobody (its title would reach them).
    if (current.state === 'published' && !current.held)
      await notifyMentions(trx, {
        id: post.id,
        body: form.body,
        before: current.body,
        author: { id: post.author_id, name: post.author_name },
        topic,
      })
    await audit(trx, actor, {
      action: 'community.post-edited',
      subjectType: 'community_post',
      subjectId: post.id,
      details: { topic: topic.id, byModerator: actor.id !== post.author_id },
    })
  })
}

/** A post quoted at the start of a reply: who wrote it, then each line of its text as a Markdown quote. */
export function quoteOf(post: Pick<FoundPost, 'author_name' | 'body'>): string {
  const lines = post.body.trim().split(/\r?\n/)
  return `> **${post.author_name}**:\n${lines.map((l) => `> ${l}`.trimEnd()).join('\n')}\n\n`
}

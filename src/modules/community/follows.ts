// Following the forum and reading it. A person follows a forum (told of its new topics) or a topic
// (told of its new posts), each delivered as they chose for it (at once, in the daily digest, or in
// Siatka only) through the notifications module, whose every mail carries a one-click link that
// ends the follow (mailStops below). Whoever starts a topic or replies in it follows it. Only those
// who may read the forum are told. What each person has read of a topic marks what is new.
import { sql } from 'kysely'
import { audit } from '../../kernel/audit.ts'
import type { AnyDb } from '../../kernel/db.ts'
import { translator, unescaped } from '../../kernel/i18n.ts'
import type { MailStop } from '../../kernel/module.ts'
import type { Actor } from '../../kernel/policy.ts'
import { notifyEach } from '../notifications/service.ts'
import type { Db } from './db.ts'
import { notifyMentions, type PublishedPost } from './mentions.ts'
import type { FollowDelivery } from './tables.ts'
import { readsForum } from './visibility.ts'

/** A forum or a topic, as what is followed. */
export type Followed = { forumId: string } | { topicId: string }

const column = (f: Followed) => ('forumId' in f ? 'forum_id' : 'topic_id')
const idOf = (f: Followed) => ('forumId' in f ? f.forumId : f.topicId)

/** How the person follows it, or undefined when they do not. */
export async function followOf(db: Db, personId: string, followed: Followed) {
  const row = await db
    .selectFrom('community_follows')
    .select('delivery')
    .where('person_id', '=', personId)
    .where(column(followed), '=', idOf(followed))
    .executeTakeFirst()
  return row?.delivery
}

/** Follows it, delivered so (or changes how), or stops following it. */
export async function setFollow(db: Db, actor: Actor, followed: Followed, delivery: FollowDelivery | 'stop') {
  await db.transaction().execute(async (trx) => {
    if (delivery === 'stop')
      await trx
        .deleteFrom('community_follows')
        .where('person_id', '=', actor.id)
        .where(column(followed), '=', idOf(followed))
        .execute()
    else
      await trx
        .insertInto('community_follows')
        .values({ person_id: actor.id, [column(followed)]: idOf(followed), delivery })
        .onConflict((oc) => oc.columns(['person_id', column(followed)]).doUpdateSet({ delivery }))
        .execute()
    await audit(trx, actor, {
      action: delivery === 'stop' ? 'community.unfollowed' : 'community.followed',
      subjectType: 'forumId' in followed ? 'community_forum' : 'community_topic',
      subjectId: idOf(followed),
      details: { delivery },
    })
  })
}

/** The author of a new topic or a reply follows the topic, unless they already do (as they chose). */
async function followAsAuthor(trx: Db, personId: string, topicId: string) {
  await trx
    .insertInto('community_follows')
    .values({ person_id: personId, topic_id: topicId, delivery: 'immediate' })
    .onConflict((oc) => oc.columns(['person_id', 'topic_id']).doNothing())
    .execute()
}

/**
 * A post just published (written, or approved by a moderator): its author follows the topic; those
 * it mentions are told; then those who follow the topic (for a reply) or the forum (for a new
 * topic), each once, as their follow wants, if they may read the forum. Inside the caller's transaction.
 */
export async function tellOfPost(trx: Db, post: PublishedPost, newTopic: boolean) {
  await followAsAuthor(trx, post.author.id, post.topic.id)
  const mentioned = await notifyMentions(trx, post)
  const followers = await trx
    .selectFrom('community_follows as f')
    .innerJoin('people as p', 'p.id', 'f.person_id')
    .innerJoin('community_forums as fo', (j) => j.on('fo.id', '=', post.topic.forum_id))
    .select(['f.id', 'f.person_id', 'f.delivery', 'fo.name_pl', 'fo.name_en'])
    .$if(newTopic, (q) => q.where('f.forum_id', '=', post.topic.forum_id))
    .$if(!newTopic, (q) => q.where('f.topic_id', '=', post.topic.id))
    .where('p.is_active', '=', true)
    .where('f.person_id', '!=', post.author.id)
    .$if(mentioned.length > 0, (q) => q.where('f.person_id', 'not in', mentioned))
    .where(readsForum(trx, post.topic.space_id))
    .execute()
  await notifyEach(
    trx,
    followers.map((f) => ({
      personId: f.person_id,
      kind: newTopic ? 'communityFollowedForum' : 'communityFollowedTopic',
      params: (newTopic
        ? { title: post.topic.title, forum_pl: f.name_pl, forum_en: f.name_en }
        : { title: post.topic.title, author: post.author.name }) as Record<string, string>,
      link: `/community/posts/${post.id}`,
      follow: { delivery: f.delivery, stop: `follow:${f.id}` },
    })),
  )
}

/**
 * How far the person has read the topic: to the latest of the posts just shown them. Returns how
 * far they had read before (null: never opened it), so the page marks what is new. One statement.
 */
export async function markRead(db: Db, personId: string, topicId: string, until: Date) {
  const row = await sql<{ before: Date | null }>`
    with before as (select read_until from community_topic_reads where person_id = ${personId} and topic_id = ${topicId})
    insert into community_topic_reads (person_id, topic_id, read_until) values (${personId}, ${topicId}, ${until})
    on conflict (person_id, topic_id) do update
      set read_until = greatest(community_topic_reads.read_until, excluded.read_until)
    returning (select read_until from before) as before`.execute(db)
  return row.rows[0]?.before ?? null
}

/** The first post the person has not read in a topic (none read: the first), or undefined when all are read. */
export async function firstUnread(db: Db, personId: string, topicId: string) {
  return db
    .selectFrom('community_posts as p')
    .leftJoin('community_topic_reads as r', (j) =>
      j.onRef('r.topic_id', '=', 'p.topic_id').on('r.person_id', '=', personId),
    )
    .select(['p.id', 'p.topic_id', 'p.created_at'])
    .where('p.topic_id', '=', topicId)
    .where('p.state', '!=', 'held')
    .where((eb) => eb.or([eb('r.read_until', 'is', null), eb('p.created_at', '>', eb.ref('r.read_until'))]))
    .orderBy('p.created_at')
    .orderBy('p.id')
    .limit(1)
    .executeTakeFirst()
}

/** A follow's one-click end from its mails (kernel/module.ts MailStop): said as "the topic „…”". */
export const followStop: MailStop = {
  async describe(handle: AnyDb, personId: string, id: string, lang: 'pl' | 'en') {
    const db: Db = handle
    const row = await db
      .selectFrom('community_follows as f')
      .leftJoin('community_topics as t', 't.id', 'f.topic_id')
      .leftJoin('community_forums as fo', 'fo.id', 'f.forum_id')
      .select(['t.title', 'fo.name_pl', 'fo.name_en'])
      .where('f.id', '=', id)
      .where('f.person_id', '=', personId)
      .executeTakeFirst()
    if (!row) return null
    const t = translator(lang)
    return row.title !== null
      ? t('community.follow.theTopic', { title: row.title, ...unescaped })
      : t('community.follow.theForum', {
          name: lang === 'en' && row.name_en ? row.name_en : (row.name_pl ?? ''),
          ...unescaped,
        })
  },
  async stop(handle: AnyDb, personId: string, id: string) {
    const db: Db = handle
    await db.deleteFrom('community_follows').where('id', '=', id).where('person_id', '=', personId).execute()
  },
}

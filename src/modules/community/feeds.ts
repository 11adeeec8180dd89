// Atom and RSS feeds of the open forums: a forum's topics by latest activity, and the questions
// still waiting for an answer in every open forum. Only what anyone may read goes in: topics held
// for a moderator and topics merged away never do.
import { Feed } from 'feed'
import { sql } from 'kysely'
import { escapeValue } from '../../kernel/i18n.ts'
import type { Db } from './db.ts'
import { excerptOf } from './views/search-page.tsx'

/** Entries in a feed: a feed reader asks again for what is newer. */
const entries = 50

/** The topics of a forum, or the questions waiting (`forumId` null), latest activity first, with their first post. */
export function feedTopics(db: Db, forumId: string | null) {
  return db
    .selectFrom('community_topics as t')
    .innerJoin('community_forums as f', 'f.id', 't.forum_id')
    .innerJoin('people as a', 'a.id', 't.author_id')
    .select([
      't.id',
      't.title',
      't.lang',
      't.created_at',
      't.last_post_at',
      'a.name as author_name',
      sql<string>`(select p.body from community_posts p where p.topic_id = t.id and p.state = 'published'
        order by p.created_at, p.id limit 1)`.as('body'),
    ])
    .where('t.held', '=', false)
    .where('t.merged_into', 'is', null)
    .where('f.space_id', 'is', null)
    .$if(forumId !== null, (q) => q.where('t.forum_id', '=', forumId as string))
    .$if(forumId === null, (q) => q.where('t.is_question', '=', true).where('t.accepted_post_id', 'is', null))
    .orderBy('t.last_post_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(entries)
    .execute()
}
export type FeedTopic = Awaited<ReturnType<typeof feedTopics>>[number]

/**
 * Text as the feed writes it: inside CDATA, read by feed readers as HTML. Escaped, people's words
 * stay words (and an escaped text holds no ']]>' to end the CDATA early).
 */
const asHtml = escapeValue

/** A feed of topics: its title and page, its own address, its language, then one entry a topic. */
export function topicFeed(o: {
  baseUrl: string
  title: string
  description: string
  page: string
  self: { atom: string; rss: string }
  lang: string
  topics: FeedTopic[]
}) {
  const feed = new Feed({
    title: asHtml(o.title),
    description: asHtml(o.description),
    id: `${o.baseUrl}${o.page}`,
    link: `${o.baseUrl}${o.page}`,
    language: o.lang,
    copyright: 'Siatka',
    generator: false,
    updated: o.topics[0]?.last_post_at ?? new Date(0),
    feedLinks: { atom: `${o.baseUrl}${o.self.atom}`, rss: `${o.baseUrl}${o.self.rss}` },
  })
  for (const topic of o.topics)
    feed.addItem({
      title: asHtml(topic.title),
      id: `${o.baseUrl}/community/topics/${topic.id}`,
      link: `${o.baseUrl}/community/topics/${topic.id}`,
      description: asHtml(excerptOf(topic.body ?? '')),
      author: [{ name: topic.author_name }],
      date: topic.last_post_at,
      published: topic.created_at,
    })
  return feed
}

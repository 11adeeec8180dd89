// The open forums' feeds, in Atom and RSS: a forum's topics by latest activity, and the questions
// still waiting for an answer. Anyone may read them (the one policy's community.read).
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { Config } from '../../config.ts'
import { NotFoundError } from '../../kernel/errors.ts'
import type { Db } from './db.ts'
import { feedTopics, topicFeed } from './feeds.ts'
import * as forums from './forums.ts'
import { ForumParams } from './schemas.ts'
import { inLang } from './views/forums-page.tsx'

const read = { config: { permission: 'community.read' } } as const

const formats = {
  atom: {
    type: 'application/atom+xml; charset=utf-8',
    write: (f: ReturnType<typeof topicFeed>) => f.atom1(),
  },
  rss: { type: 'application/rss+xml; charset=utf-8', write: (f: ReturnType<typeof topicFeed>) => f.rss2() },
} as const

const send = (reply: FastifyReply, format: keyof typeof formats, feed: ReturnType<typeof topicFeed>) =>
  reply.type(formats[format].type).send(formats[format].write(feed))

export async function feedRoutes(app: FastifyInstance, config: Pick<Config, 'baseUrl'>) {
  for (const format of ['atom', 'rss'] as const) {
    app.get(`/community/forums/:forumId/feed.${format}`, read, async (req, reply) => {
      const db = req.db as Db
      const { forumId } = ForumParams.parse(req.params)
      const found = await forums.findForum(db, forumId)
      // A feed reader signs in nowhere: a members-only forum has no feed (nor is it in the others).
      if (!found || found.space_id) throw new NotFoundError()
      const page = `/community/forums/${found.id}`
      return send(
        reply,
        format,
        topicFeed({
          baseUrl: config.baseUrl,
          title: `${inLang(req.lang, found.name_pl, found.name_en)} – Siatka`,
          description: inLang(req.lang, found.description_pl, found.description_en),
          page,
          self: { atom: `${page}/feed.atom`, rss: `${page}/feed.rss` },
          lang: req.lang,
          topics: await feedTopics(db, found.id),
        }),
      )
    })

    app.get(`/community/unanswered.${format}`, read, async (req, reply) =>
      send(
        reply,
        format,
        topicFeed({
          baseUrl: config.baseUrl,
          title: `${req.t('community.feeds.unanswered')} – Siatka`,
          description: req.t('community.feeds.unansweredIntro'),
          page: '/community',
          self: { atom: '/community/unanswered.atom', rss: '/community/unanswered.rss' },
          lang: req.lang,
          topics: await feedTopics(req.db as Db, null),
        }),
      ),
    )
  }
}

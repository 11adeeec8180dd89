// The knowledge base: everyone reads published articles and says whether one helped; the
// secretariat and the experts write, publish and change them (each change a version) and compare
// versions; a moderator drafts an article from a question's accepted answer (the one policy decides).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../../config.ts'
import { NotFoundError } from '../../../kernel/errors.ts'
import { typedValues } from '../../../kernel/forms.ts'
import { render, setFlash, submitForm, viewContext } from '../../../kernel/http.tsx'
import { pageFrom, pageOf } from '../../../kernel/pagination.ts'
import { authorize, authorizeTopic, can } from '../../../kernel/policy.ts'
import type { FieldErrors } from '../../../kernel/views/fields.tsx'
import type { Db } from '../db.ts'
import { accessOf, inLanguageRead } from '../routes.tsx'
import { TopicParams } from '../schemas.ts'
import * as forum from '../service.ts'
import { ArticleForm, ArticleParams, FeedbackForm, KnowledgeQuery, VersionsQuery } from './schemas.ts'
import * as knowledge from './service.ts'
import { changesBetween } from './versions.ts'
import { ArticleFormPage, ArticlePage, KnowledgePage, VersionsPage } from './views/knowledge-pages.tsx'

const read = { config: { permission: 'community.read' } } as const
const write = { config: { permission: 'knowledge.write' } } as const

/** The article the address names; a draft is its writers' alone (404 to others). */
async function articleOf(req: FastifyRequest) {
  const { articleId } = ArticleParams.parse(req.params)
  const article = await knowledge.findArticle(req.db as Db, articleId)
  if (!article || (!article.published && !can(req.actor, 'knowledge.write'))) throw new NotFoundError()
  return article
}

export async function knowledgeRoutes(app: FastifyInstance, config: Pick<Config, 'baseUrl'>) {
  app.get('/community/knowledge', read, async (req, reply) => {
    const db = req.db as Db
    const query = await inLanguageRead(req, KnowledgeQuery.parse(req.query))
    const mayWrite = can(req.actor, 'knowledge.write')
    const ctx = viewContext(req, reply)
    if (query.section) {
      const page = pageFrom(req.query, knowledge.sectionPageSize)
      const rows = pageOf(await knowledge.sectionPage(db, query.section, query, page.offset), page)
      return render(
        reply,
        <KnowledgePage
          ctx={ctx}
          query={query}
          section={{ articles: rows.rows, page, hasNext: rows.hasNext }}
          mayWrite={mayWrite}
        />,
      )
    }
    const [overview, drafts] = await Promise.all([
      knowledge.overview(db, query),
      mayWrite ? knowledge.drafts(db) : undefined,
    ])
    return render(
      reply,
      <KnowledgePage ctx={ctx} query={query} overview={overview} drafts={drafts} mayWrite={mayWrite} />,
    )
  })

  const formPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    o: { action: string; article?: knowledge.Article; values: Record<string, unknown>; errors?: FieldErrors },
  ) => {
    const lang = typeof o.values.lang === 'string' ? o.values.lang : req.lang
    return render(
      reply.code(o.errors ? 422 : 200),
      <ArticleFormPage
        ctx={viewContext(req, reply)}
        action={o.action}
        isNew={!o.article}
        values={o.values}
        errors={o.errors}
        translations={await knowledge.translationChoices(req.db as Db, lang, o.article?.id ?? null)}
      />,
    )
  }

  app.get('/community/knowledge/new', write, async (req, reply) => {
    authorize(req.actor, 'knowledge.write')
    return formPage(req, reply, {
      action: '/community/knowledge/new',
      values: { lang: req.lang, section: 'starting' },
    })
  })

  app.post('/community/knowledge/new', write, async (req, reply) => {
    authorize(req.actor, 'knowledge.write')
    const actor = req.actor
    return submitForm(req, reply, ArticleForm, {
      act: (form) => knowledge.createArticle(req.db as Db, actor, form),
      again: (errors) =>
        formPage(req, reply, { action: '/community/knowledge/new', values: typedValues(req.body), errors }),
      flash: req.t('community.knowledge.created'),
      to: (created) => `/community/knowledge/${created.id}`,
    })
  })

  app.get('/community/knowledge/:articleId', read, async (req, reply) => {
    const article = await articleOf(req)
    return render(
      reply,
      <ArticlePage
        ctx={viewContext(req, reply)}
        article={article}
        related={await knowledge.relatedTopics(req.db as Db, article.id)}
        mayWrite={can(req.actor, 'knowledge.write')}
      />,
    )
  })

  const editPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    article: knowledge.Article,
    errors?: FieldErrors,
  ) => {
    const topics = errors ? [] : await knowledge.relatedTopics(req.db as Db, article.id)
    return formPage(req, reply, {
      action: `/community/knowledge/${article.id}/edit`,
      article,
      errors,
      values: errors
        ? typedValues(req.body)
        : {
            section: article.section,
            lang: article.lang,
            title: article.title,
            body: article.body,
            translationId: article.translation_id ?? '',
            topics: topics.map((topic) => `${config.baseUrl}/community/topics/${topic.id}`).join('\n'),
            published: article.published ? 'yes' : '',
            version: String(article.version),
          },
    })
  }

  app.get('/community/knowledge/:articleId/edit', write, async (req, reply) => {
    authorize(req.actor, 'knowledge.write')
    return editPage(req, reply, await articleOf(req))
  })

  app.post('/community/knowledge/:articleId/edit', write, async (req, reply) => {
    authorize(req.actor, 'knowledge.write')
    const article = await articleOf(req)
    const actor = req.actor
    return submitForm(req, reply, ArticleForm, {
      act: (form) => knowledge.updateArticle(req.db as Db, actor, article, form),
      again: (errors) => editPage(req, reply, article, errors),
      flash: req.t('community.knowledge.saved'),
      to: `/community/knowledge/${article.id}`,
    })
  })

  // Everyone may see how a published article came to be; a draft's versions are its writers'.
  app.get('/community/knowledge/:articleId/versions', read, async (req, reply) => {
    const article = await articleOf(req)
    const versions = await knowledge.versionsOf(req.db as Db, article.id)
    const q = VersionsQuery.parse(req.query)
    const latest = versions[0]?.version ?? 1
    const to = versions.find((v) => v.version === (q.to ?? latest))
    const from = versions.find((v) => v.version === (q.from ?? latest - 1))
    const compared =
      from && to && from.version !== to.version
        ? (() => {
            const [older, newer] = from.version < to.version ? [from, to] : [to, from]
            const before = `${older.title}\n\n${older.body}`
            const after = `${newer.title}\n\n${newer.body}`
            return {
              from: older.version,
              to: newer.version,
              changes: changesBetween(before, after),
              before,
              after,
            }
          })()
        : null
    return render(
      reply,
      <VersionsPage
        ctx={viewContext(req, reply)}
        article={article}
        versions={versions}
        compared={compared}
      />,
    )
  })

  app.post('/community/knowledge/:articleId/feedback', read, async (req, reply) => {
    const article = await articleOf(req)
    const given = FeedbackForm.safeParse(req.body)
    if (given.success && article.published)
      await knowledge.giveFeedback(
        req.db as Db,
        req.actor?.id ?? null,
        article.id,
        given.data.helpful === 'yes',
      )
    setFlash(reply, req.t('community.knowledge.thanks'))
    return reply.redirect(`/community/knowledge/${article.id}`, 303)
  })

  // A moderator's one step from a question's accepted answer to a draft article.
  app.post(
    '/community/topics/:topicId/article',
    { config: { permission: 'community.manage' } },
    async (req, reply) => {
      authorize(req.actor, 'community.manage')
      const { topicId } = TopicParams.parse(req.params)
      const topic = await forum.findTopic(req.db as Db, topicId)
      if (!topic) throw new NotFoundError()
      authorizeTopic(req.actor, 'topic.moderate', accessOf(topic))
      const url = `${config.baseUrl}/community/topics/${topic.id}`
      const draft = await knowledge.draftFromAnswer(
        req.db as Db,
        req.actor,
        topic,
        req.t('community.knowledge.fromAnswer', { url, interpolation: { escapeValue: false } }),
      )
      setFlash(reply, req.t('community.knowledge.drafted'))
      return reply.redirect(`/community/knowledge/${draft.id}/edit`, 303)
    },
  )
}

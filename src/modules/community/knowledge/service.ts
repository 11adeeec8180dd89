// The knowledge base for new project promoters: articles in sections, written by the secretariat and
// the experts, each save a new version (an older form's save refused), a Polish and an English
// version linked to each other, readers' "was this helpful", related forum topics; a moderator turns
// a question's accepted answer into a draft article in one step.
import { sql } from 'kysely'
import { audit } from '../../../kernel/audit.ts'
import { RuleError } from '../../../kernel/errors.ts'
import type { Actor } from '../../../kernel/policy.ts'
import type { Db } from '../db.ts'
import type { ArticleSection } from '../tables.ts'
import type { ArticleForm, KnowledgeQuery } from './schemas.ts'

/** Articles on one page of a section, and named under each section on the overview. */
export const sectionPageSize = 25
export const overviewShown = 8
/** At most this many drafts are listed for the writers (the newest). */
const draftsShown = 50

const languageOf = (q: Pick<KnowledgeQuery, 'language'>) => (q.language === 'all' ? null : q.language)

/** Published articles of every section (the first few of each, by title) with each section's count. */
export async function overview(db: Db, q: KnowledgeQuery) {
  const lang = languageOf(q)
  const rows = await db
    .selectFrom(
      db
        .selectFrom('community_articles as a')
        .select([
          'a.id',
          'a.section',
          'a.title',
          'a.lang',
          sql<number>`row_number() over (partition by a.section order by siatka_fold(a.title), a.id)`.as('n'),
          sql<number>`count(*) over (partition by a.section)`.as('total'),
        ])
        .where('a.published', '=', true)
        .$if(lang !== null, (w) => w.where('a.lang', '=', lang as string))
        .as('x'),
    )
    .selectAll()
    .where('x.n', '<=', overviewShown)
    .orderBy('x.section')
    .orderBy('x.n')
    .execute()
  return rows.map((r) => ({ ...r, total: Number(r.total) }))
}
export type OverviewRow = Awaited<ReturnType<typeof overview>>[number]

/** A section's published articles by title, a page at a time (one more tells a next page). */
export function sectionPage(db: Db, section: ArticleSection, q: KnowledgeQuery, offset: number) {
  const lang = languageOf(q)
  return db
    .selectFrom('community_articles as a')
    .select(['a.id', 'a.section', 'a.title', 'a.lang', 'a.updated_at'])
    .where('a.published', '=', true)
    .where('a.section', '=', section)
    .$if(lang !== null, (w) => w.where('a.lang', '=', lang as string))
    .orderBy(sql`siatka_fold(a.title)`)
    .orderBy('a.id')
    .offset(offset)
    .limit(sectionPageSize + 1)
    .execute()
}

/** Drafts, the latest changed first: the writers' list. */
export function drafts(db: Db) {
  return db
    .selectFrom('community_articles as a')
    .select(['a.id', 'a.section', 'a.title', 'a.lang', 'a.updated_at'])
    .where('a.published', '=', false)
    .orderBy('a.updated_at', 'desc')
    .limit(draftsShown)
    .execute()
}

/** An article with its translation's title and the readers' answers (yes, no), or undefined. */
export function findArticle(db: Db, id: string) {
  return db
    .selectFrom('community_articles as a')
    .leftJoin('community_articles as tr', 'tr.id', 'a.translation_id')
    .innerJoin('people as p', 'p.id', 'a.created_by')
    .select([
      'a.id',
      'a.section',
      'a.lang',
      'a.title',
      'a.body',
      'a.published',
      'a.translation_id',
      'a.source_topic_id',
      'a.version',
      'a.updated_at',
      'p.name as author_name',
      'tr.title as translation_title',
      'tr.lang as translation_lang',
      'tr.published as translation_published',
      (eb) =>
        eb
          .selectFrom('community_article_feedback as f')
          .select(sql<number>`count(*) filter (where f.helpful)::int`.as('n'))
          .whereRef('f.article_id', '=', 'a.id')
          .as('helpful_yes'),
      (eb) =>
        eb
          .selectFrom('community_article_feedback as f')
          .select(sql<number>`count(*) filter (where not f.helpful)::int`.as('n'))
          .whereRef('f.article_id', '=', 'a.id')
          .as('helpful_no'),
    ])
    .where('a.id', '=', id)
    .executeTakeFirst()
}
export type Article = NonNullable<Awaited<ReturnType<typeof findArticle>>>

/** The forum topics an article names as related, by their activity. */
export function relatedTopics(db: Db, articleId: string) {
  return (
    db
      .selectFrom('community_article_topics as at')
      .innerJoin('community_topics as t', 't.id', 'at.topic_id')
      .innerJoin('community_forums as f', 'f.id', 't.forum_id')
      .select(['t.id', 't.title', 't.lang'])
      .where('at.article_id', '=', articleId)
      // An article is public: a members-only forum's topics are not named under it.
      .where('f.space_id', 'is', null)
      .where('t.held', '=', false)
      .where('t.merged_into', 'is', null)
      .orderBy('t.last_post_at', 'desc')
      .limit(20)
      .execute()
  )
}

/** Articles in the other language, for linking a translation (by title). */
export function translationChoices(db: Db, lang: string, except: string | null) {
  return db
    .selectFrom('community_articles')
    .select(['id', 'title'])
    .where('lang', '!=', lang)
    .$if(except !== null, (w) => w.where('id', '!=', except as string))
    .orderBy(sql`siatka_fold(title)`)
    .limit(500)
    .execute()
}

/** An article's versions, the newest first. */
export function versionsOf(db: Db, articleId: string) {
  return db
    .selectFrom('community_article_versions as v')
    .innerJoin('people as p', 'p.id', 'v.author_id')
    .select(['v.version', 'v.title', 'v.body', 'v.note', 'v.created_at', 'p.name as author_name'])
    .where('v.article_id', '=', articleId)
    .orderBy('v.version', 'desc')
    .limit(200)
    .execute()
}
export type Version = Awaited<ReturnType<typeof versionsOf>>[number]

/** The translation and the related topics, as the form gives them: the translation links back. */
async function link(
  trx: Db,
  articleId: string,
  form: Pick<ArticleForm, 'translationId' | 'topics' | 'lang'>,
) {
  // The article's earlier translation, and the new one's earlier partner, are let go.
  await trx
    .updateTable('community_articles')
    .set({ translation_id: null })
    .where((eb) =>
      eb.or([
        eb('translation_id', '=', articleId),
        ...(form.translationId
          ? [eb('id', '=', form.translationId), eb('translation_id', '=', form.translationId)]
          : []),
      ]),
    )
    .execute()
  if (form.translationId) {
    const other = await trx
      .updateTable('community_articles')
      .set({ translation_id: articleId })
      .where('id', '=', form.translationId)
      .where('lang', '!=', form.lang)
      .executeTakeFirst()
    if (Number(other.numUpdatedRows) !== 1)
      throw new RuleError('community.knowledge.errors.translation', 'translationId')
  }
  await trx
    .updateTable('community_articles')
    .set({ translation_id: form.translationId })
    .where('id', '=', articleId)
    .execute()
  await trx.deleteFrom('community_article_topics').where('article_id', '=', articleId).execute()
  if (form.topics.length) {
    const found = await trx
      .selectFrom('community_topics')
      .select('id')
      .where('id', 'in', form.topics)
      .execute()
    if (found.length !== form.topics.length)
      throw new RuleError('community.knowledge.errors.topics', 'topics')
    await trx
      .insertInto('community_article_topics')
      .values(found.map((t) => ({ article_id: articleId, topic_id: t.id })))
      .execute()
  }
}

/** A new article (its first version). */
export async function createArticle(
  db: Db,
  actor: Actor,
  form: ArticleForm,
  sourceTopicId: string | null = null,
) {
  return db.transaction().execute(async (trx) => {
    const article = await trx
      .insertInto('community_articles')
      .values({
        section: form.section,
        lang: form.lang,
        title: form.title,
        body: form.body,
        published: form.published,
        source_topic_id: sourceTopicId,
        created_by: actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('community_article_versions')
      .values({
        article_id: article.id,
        version: 1,
        title: form.title,
        body: form.body,
        note: form.note,
        author_id: actor.id,
      })
      .execute()
    await link(trx, article.id, form)
    await audit(trx, actor, {
      action: 'community.article-created',
      subjectType: 'community_article',
      subjectId: article.id,
      details: { title: form.title, published: form.published },
    })
    return article
  })
}

/** A change saved as the next version; a form opened at an older version is refused, its text kept. */
export async function updateArticle(db: Db, actor: Actor, article: Article, form: ArticleForm) {
  return db.transaction().execute(async (trx) => {
    const saved = await trx
      .updateTable('community_articles')
      .set((eb) => ({
        section: form.section,
        lang: form.lang,
        title: form.title,
        body: form.body,
        published: form.published,
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', article.id)
      .where('version', '=', form.version)
      .returning('version')
      .executeTakeFirst()
    if (!saved) throw new RuleError('community.knowledge.errors.changedMeanwhile', 'body')
    await trx
      .insertInto('community_article_versions')
      .values({
        article_id: article.id,
        version: saved.version,
        title: form.title,
        body: form.body,
        note: form.note,
        author_id: actor.id,
      })
      .execute()
    await link(trx, article.id, form)
    await audit(trx, actor, {
      action: 'community.article-changed',
      subjectType: 'community_article',
      subjectId: article.id,
      details: { version: saved.version, published: form.published },
    })
  })
}

/** A reader's "was this helpful": once per person signed in (a second answer replaces the first). */
export async function giveFeedback(db: Db, personId: string | null, articleId: string, helpful: boolean) {
  if (personId)
    await db
      .insertInto('community_article_feedback')
      .values({ article_id: articleId, person_id: personId, helpful })
      .onConflict((oc) =>
        oc.columns(['article_id', 'person_id']).where('person_id', 'is not', null).doUpdateSet({ helpful }),
      )
      .execute()
  else
    await db
      .insertInto('community_article_feedback')
      .values({ article_id: articleId, person_id: null, helpful })
      .execute()
}

/**
 * A question's accepted answer as a draft article, in one step: the question's title and language,
 * the answer's text with a line saying where it came from, the topic related. Returns the draft.
 */
export async function draftFromAnswer(
  db: Db,
  actor: Actor,
  topic: {
    id: string
    title: string
    lang: string
    accepted_post_id: string | null
    space_id: string | null
  },
  source: string,
) {
  if (!topic.accepted_post_id) throw new RuleError('community.knowledge.errors.noAnswer')
  // The knowledge base is public: a members-only forum's answer stays in it.
  if (topic.space_id) throw new RuleError('community.knowledge.errors.membersOnly')
  const answer = await db
    .selectFrom('community_posts')
    .select('body')
    .where('id', '=', topic.accepted_post_id)
    .executeTakeFirst()
  if (!answer) throw new RuleError('community.knowledge.errors.noAnswer')
  return createArticle(
    db,
    actor,
    {
      section: 'esf_rules',
      lang: topic.lang === 'en' ? 'en' : 'pl',
      title: topic.title,
      body: `${answer.body}\n\n${source}`,
      translationId: null,
      topics: [topic.id],
      published: false,
      note: source,
      version: 0,
    },
    topic.id,
  )
}

import { type Kysely, sql } from 'kysely'

// The knowledge base for new project promoters: articles in sections, each version kept, a Polish
// and an English version linked to each other, readers' "was this helpful", related forum topics.
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('community_articles')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('section', 'text', (c) =>
      c.notNull().check(sql`section in ('starting', 'partners', 'budgeting', 'reporting', 'esf_rules')`),
    )
    .addColumn('lang', 'text', (c) => c.notNull().check(sql`lang in ('pl', 'en')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('published', 'boolean', (c) => c.notNull().defaultTo(false))
    // The same article in the other language (both point at each other).
    .addColumn('translation_id', 'uuid', (c) => c.references('community_articles.id').onDelete('set null'))
    // The question whose accepted answer it was drafted from.
    .addColumn('source_topic_id', 'uuid', (c) => c.references('community_topics.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`create index community_articles_section_idx on community_articles (section, siatka_fold(title), id) where published`.execute(
    db,
  )
  await sql`create index community_articles_drafts_idx on community_articles (updated_at desc) where not published`.execute(
    db,
  )
  await db.schema
    .createTable('community_article_versions')
    .addColumn('article_id', 'uuid', (c) =>
      c.notNull().references('community_articles.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // What the author says changed.
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('author_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('community_article_versions_pkey', ['article_id', 'version'])
    .execute()
  await db.schema
    .createTable('community_article_topics')
    .addColumn('article_id', 'uuid', (c) =>
      c.notNull().references('community_articles.id').onDelete('cascade'),
    )
    .addColumn('topic_id', 'uuid', (c) => c.notNull().references('community_topics.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('community_article_topics_pkey', ['article_id', 'topic_id'])
    .execute()
  // "Was this helpful": one answer per person signed in (changeable), any number from visitors.
  await db.schema
    .createTable('community_article_feedback')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('article_id', 'uuid', (c) =>
      c.notNull().references('community_articles.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'uuid', (c) => c.references('people.id'))
    .addColumn('helpful', 'boolean', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`create index community_article_feedback_article_idx on community_article_feedback (article_id)`.execute(
    db,
  )
  await sql`create unique index community_article_feedback_person_key on community_article_feedback (article_id, person_id) where person_id is not null`.execute(
    db,
  )
}

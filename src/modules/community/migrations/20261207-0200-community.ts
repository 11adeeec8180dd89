import { type Kysely, sql } from 'kysely'

// The community of practice's forum (issue 13): open forums by theme, their topics (a topic may be a
// question with one accepted answer) and posts in Markdown.
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('community_forums')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name_pl', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('description_pl', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('community_topics')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('forum_id', 'uuid', (c) => c.notNull().references('community_forums.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    // The language the topic is written in, so each reader can keep to the languages they read.
    .addColumn('lang', 'text', (c) => c.notNull().check(sql`lang in ('pl', 'en')`))
    .addColumn('is_question', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('accepted_post_id', 'uuid')
    .addColumn('locked', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('author_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Kept with every post, so a forum lists its topics by their latest activity from one index.
    .addColumn('last_post_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('post_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addCheckConstraint('community_topics_title_check', sql`length(title) between 1 and 200`)
    .execute()
  await db.schema
    .createIndex('community_topics_forum_idx')
    .on('community_topics')
    .expression(sql`forum_id, last_post_at desc, id desc`)
    .execute()
  // Where experts are needed: the questions without an accepted answer, oldest first.
  await db.schema
    .createIndex('community_topics_unanswered_idx')
    .on('community_topics')
    .columns(['forum_id', 'created_at', 'id'])
    .where(sql.ref('is_question'), '=', true)
    .where(sql.ref('accepted_post_id'), 'is', null)
    .execute()

  await db.schema
    .createTable('community_posts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('topic_id', 'uuid', (c) => c.notNull().references('community_topics.id').onDelete('cascade'))
    .addColumn('author_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('community_posts_body_check', sql`length(body) between 1 and 20000`)
    .execute()
  await db.schema
    .createIndex('community_posts_topic_idx')
    .on('community_posts')
    .columns(['topic_id', 'created_at', 'id'])
    .execute()
  await db.schema
    .alterTable('community_topics')
    .addForeignKeyConstraint('community_topics_accepted_fk', ['accepted_post_id'], 'community_posts', ['id'])
    .onDelete('set null')
    .execute()
}

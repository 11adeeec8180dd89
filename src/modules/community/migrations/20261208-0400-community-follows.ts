import { type Kysely, sql } from 'kysely'

// Following and reading the forum (issue 13). A person follows a forum (told of its new topics) or a
// topic (told of its new posts), each delivered as they chose for it: at once, in the daily digest,
// or in Siatka only. What each person read of each topic: the time of the latest post they saw, so
// lists mark what is new and a link jumps to the first post they have not read.
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('community_follows')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('forum_id', 'uuid', (c) => c.references('community_forums.id').onDelete('cascade'))
    .addColumn('topic_id', 'uuid', (c) => c.references('community_topics.id').onDelete('cascade'))
    .addColumn('delivery', 'text', (c) => c.notNull().check(sql`delivery in ('immediate', 'daily', 'none')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('community_follows_one_thing', sql`(forum_id is null) <> (topic_id is null)`)
    .addUniqueConstraint('community_follows_forum_once', ['person_id', 'forum_id'])
    .addUniqueConstraint('community_follows_topic_once', ['person_id', 'topic_id'])
    .execute()
  // Who follows a topic or a forum, when a post is published there.
  await sql`create index community_follows_topic_idx on community_follows (topic_id) where topic_id is not null`.execute(
    db,
  )
  await sql`create index community_follows_forum_idx on community_follows (forum_id) where forum_id is not null`.execute(
    db,
  )

  await db.schema
    .createTable('community_topic_reads')
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('topic_id', 'uuid', (c) => c.notNull().references('community_topics.id').onDelete('cascade'))
    .addColumn('read_until', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('community_topic_reads_pk', ['person_id', 'topic_id'])
    .execute()
}

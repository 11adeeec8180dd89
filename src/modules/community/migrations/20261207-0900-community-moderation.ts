import { type Kysely, sql } from 'kysely'

// The forum's moderation: a post is published, held for a moderator's approval (a new member's
// first post, a post with many links) or hidden by a moderator; a topic whose first post is held is
// held with it. Moderators pin topics, move them to another forum and merge them into another. Anyone signed in flags a post with a reason.
export async function up(db: Kysely<unknown>) {
  await db.schema
    .alterTable('community_posts')
    .addColumn('state', 'text', (c) =>
      c.notNull().defaultTo('published').check(sql`state in ('published', 'held', 'hidden')`),
    )
    .addColumn('held_reason', 'text', (c) => c.check(sql`held_reason in ('first_post', 'links')`))
    .execute()
  await db.schema
    .alterTable('community_topics')
    .addColumn('held', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('pinned', 'boolean', (c) => c.notNull().defaultTo(false))
    // A topic merged into another: its posts moved there, its address sends readers on.
    .addColumn('merged_into', 'uuid', (c) => c.references('community_topics.id'))
    .execute()
  await sql`create index community_posts_held_idx on community_posts (created_at, id) where state = 'held'`.execute(
    db,
  )
  // Whether an author has a post published already (their next one is not a first post).
  await sql`create index community_posts_author_published_idx on community_posts (author_id) where state = 'published'`.execute(
    db,
  )
  // The forum lists pinned topics first.
  await sql`create index community_topics_pinned_idx on community_topics (forum_id, last_post_at desc, id desc) where pinned and not held`.execute(
    db,
  )
  await db.schema
    .createTable('community_post_flags')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('post_id', 'uuid', (c) => c.notNull().references('community_posts.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('resolved_at', 'timestamptz')
    .addUniqueConstraint('community_post_flags_once', ['post_id', 'person_id'])
    .execute()
  await sql`create index community_post_flags_open_idx on community_post_flags (created_at, id) where resolved_at is null`.execute(
    db,
  )
}

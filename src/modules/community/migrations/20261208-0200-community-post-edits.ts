import { type Kysely, sql } from 'kysely'

// Editing a forum post (issue 13): the post carries when it was last edited and by whom (the page
// marks it "edited"); every text it had before is kept, for moderators to read.
export async function up(db: Kysely<unknown>) {
  await db.schema
    .alterTable('community_posts')
    .addColumn('edited_at', 'timestamptz')
    .addColumn('edited_by', 'uuid', (c) => c.references('people.id'))
    .execute()
  await db.schema
    .createTable('community_post_versions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('post_id', 'uuid', (c) => c.notNull().references('community_posts.id').onDelete('cascade'))
    // The text as it was until this edit, who wrote that text (the author, or a moderator's
    // earlier edit) and when it was replaced.
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('written_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('written_at', 'timestamptz', (c) => c.notNull())
    .addColumn('replaced_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('community_post_versions_post_idx')
    .on('community_post_versions')
    .columns(['post_id', 'replaced_at'])
    .execute()
}

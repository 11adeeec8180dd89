import { type Kysely, sql } from 'kysely'

// Files attached to a forum post (issue 13), kept by the kernel's storage (by their content's hash,
// type checked from the bytes): a post's author adds them; whoever reads the post downloads them.
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('community_attachments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('post_id', 'uuid', (c) => c.notNull().references('community_posts.id').onDelete('cascade'))
    .addColumn('file_hash', 'text', (c) => c.notNull().references('stored_files.hash'))
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('added_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('community_attachments_post_idx')
    .on('community_attachments')
    .columns(['post_id', 'created_at'])
    .execute()
}

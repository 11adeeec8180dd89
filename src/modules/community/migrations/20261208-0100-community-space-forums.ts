import type { Kysely } from 'kysely'

// A members-only forum per space (issue 13): a forum that names a space is read by those who read
// the space (the one policy's forum.read), and by nobody else; one such forum a space.
export async function up(db: Kysely<unknown>) {
  await db.schema
    .alterTable('community_forums')
    .addColumn('space_id', 'uuid', (c) => c.references('spaces.id').onDelete('cascade').unique())
    .execute()
}

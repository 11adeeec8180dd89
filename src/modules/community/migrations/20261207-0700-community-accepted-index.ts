import { type Kysely, sql } from 'kysely'

// The accepted answers: counted per expert, and looked up when a post goes (the key sets them null).
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createIndex('community_topics_accepted_idx')
    .on('community_topics')
    .column('accepted_post_id')
    .where(sql.ref('accepted_post_id'), 'is not', null)
    .execute()
}

import { type Kysely, sql } from 'kysely'

// A translator's start page lists the translations they owe, by deadline.
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createIndex('translation_requests_owed_idx')
    .on('translation_requests')
    .columns(['translator_id', 'deadline'])
    .where(sql<boolean>`status in ('requested', 'in_progress')`)
    .execute()
}

import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<unknown>) {
  // An indicator grows from its baseline to its target (progress and "achieved" read it so).
  await sql`alter table project_indicators
    add constraint project_indicators_direction_check check (target >= baseline)`.execute(db)
  // The public list: published projects, newest start first.
  await db.schema
    .createIndex('projects_public_start_idx')
    .on('projects')
    .columns(['starts_on', 'id'])
    .where(sql<boolean>`is_public`)
    .execute()
}

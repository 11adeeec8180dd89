import { type Kysely, sql } from 'kysely'

// The calendar across spaces (meetings of a month, the next ones) and private iCalendar feeds,
// per person or per space, each behind a token that can be revoked.
export async function up(db: Kysely<unknown>) {
  await db.schema.createIndex('meetings_starts_idx').on('meetings').columns(['starts_at', 'id']).execute()
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('space_id', 'uuid', (c) => c.references('spaces.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .execute()
  await db.schema
    .createIndex('calendar_feeds_person_idx')
    .on('calendar_feeds')
    .columns(['person_id', 'created_at'])
    .execute()
}

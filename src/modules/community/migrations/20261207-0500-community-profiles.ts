import { type Kysely, sql } from 'kysely'

// A community member's profile: where they work from, the languages they speak, what they know and
// when they can help; each part shown to others only if the person chose to show it.
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('community_profiles')
    .addColumn('person_id', 'uuid', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
    .addColumn('country', 'text', (c) => c.check(sql`country ~ '^[A-Z]{2}$'`))
    .addColumn('organisation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('languages', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('expertise', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('availability', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
    // Which of the parts above others see: 'country', 'organisation', 'languages', 'expertise', 'availability', 'bio'.
    .addColumn('shown', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  // A person's answers, newest first, for their profile.
  await db.schema
    .createIndex('community_posts_author_idx')
    .on('community_posts')
    .columns(['author_id', 'created_at', 'id'])
    .execute()
}

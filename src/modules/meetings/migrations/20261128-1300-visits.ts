import { type Kysely, sql } from 'kysely'

// Study visits (wizyty studyjne): the host a visit goes to and its places are columns of the
// meeting; outside participants the secretary registers and the report written afterwards have
// their own tables.
export async function up(db: Kysely<unknown>) {
  await db.schema
    .alterTable('meetings')
    .addColumn('host_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('host_region', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('host_town', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('visit_capacity', 'integer')
    .execute()

  await db.schema
    .createTable('visit_participants')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('person_id', 'uuid', (c) => c.references('people.id'))
    .addColumn('added_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  // The list in the order people were registered; one address once per visit.
  await db.schema
    .createIndex('visit_participants_meeting_idx')
    .on('visit_participants')
    .columns(['meeting_id', 'added_at', 'id'])
    .execute()
  await sql`create unique index visit_participants_email_key on visit_participants (meeting_id, lower(email))
    where email is not null`.execute(db)

  await db.schema
    .createTable('visit_reports')
    .addColumn('meeting_id', 'uuid', (c) => c.primaryKey().references('meetings.id').onDelete('cascade'))
    .addColumn('seen', 'text', (c) => c.notNull())
    .addColumn('practices', 'text', (c) => c.notNull())
    .addColumn('conclusions', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz')
    .addColumn('published_by', 'uuid', (c) => c.references('people.id'))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('edited_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('edited_at', 'timestamptz', (c) => c.notNull())
    .execute()
}

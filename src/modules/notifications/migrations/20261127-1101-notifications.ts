import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('params', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('read_at', 'timestamptz')
    .addColumn('mailed_at', 'timestamptz')
    .execute()
  await sql`create index notifications_person_idx on notifications (person_id, created_at desc, id)`.execute(
    db,
  )
  // The unread count in every signed-in page's header.
  await sql`create index notifications_unread_idx on notifications (person_id) where read_at is null`.execute(
    db,
  )
  // The daily digest: what has not gone out by mail yet.
  await sql`create index notifications_unmailed_idx on notifications (created_at, person_id) where mailed_at is null`.execute(
    db,
  )

  await db.schema
    .createTable('notification_settings')
    .addColumn('person_id', 'uuid', (c) => c.primaryKey().references('people.id'))
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
}

import { type Kysely, sql } from 'kysely'

// Notices of a meeting (seed 000: "zawiadamianie IZ", "zawiadamianie członków"): the first notice,
// updates with a higher SEQUENCE, the cancellation; each recipient's mail with its proof of delivery.
export async function up(db: Kysely<unknown>) {
  await db.schema
    .alterTable('meetings')
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notice_sent_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('cancel_reason', 'text')
    .addColumn('notice_reminded_at', 'timestamptz')
    .addColumn('materials_reminded_at', 'timestamptz')
    .execute()
  // The daily deadline reminders look only at planned meetings still ahead.
  await sql`create index meetings_upcoming_idx on meetings (starts_at) where status = 'planned'`.execute(db)

  await db.schema
    .createTable('meeting_notices')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('late_reason', 'text')
    .addColumn('changes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sent_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('meeting_notices_meeting_idx')
    .on('meeting_notices')
    .columns(['meeting_id', 'sent_at'])
    .execute()
  await sql`create index meeting_notices_sent_idx on meeting_notices (sent_at desc, id)`.execute(db)

  await db.schema
    .createTable('meeting_notice_recipients')
    .addColumn('notice_id', 'uuid', (c) => c.notNull().references('meeting_notices.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('delivery_id', 'uuid', (c) => c.notNull().references('mail_deliveries.id'))
    .addPrimaryKeyConstraint('meeting_notice_recipients_pkey', ['notice_id', 'person_id'])
    .execute()
}

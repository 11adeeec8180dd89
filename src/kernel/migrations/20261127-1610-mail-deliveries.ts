import { type Kysely, sql } from 'kysely'

// Proof of delivery for mails that need it (a meeting's notice): queued, accepted by the SMTP
// server with its reply, or failed with the error; one row per recipient.
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('mail_deliveries')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('queued'))
    .addColumn('smtp_reply', 'text')
    .addColumn('error', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('queued_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
}

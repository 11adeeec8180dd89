import { type Kysely, sql } from 'kysely'

// The kinds of notification a person wants no mail about (from a mail's one-click unsubscribe or the
// preferences page); they still see them in Siatka.
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('notification_mail_opt_outs')
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('notification_mail_opt_outs_pk', ['person_id', 'kind'])
    .execute()
}

import type { Kysely } from 'kysely'

// Failed sign-ins, counted per account (the address typed) and per network address, so that
// guessing slows down while colleagues behind one office address still sign in.
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failed_at', 'timestamptz', (c) => c.notNull())
    .execute()
}

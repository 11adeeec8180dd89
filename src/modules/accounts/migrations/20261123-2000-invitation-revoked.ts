import { type Kysely, sql } from 'kysely'

// Invitations can be withdrawn before they are accepted; the pending list reads newest first.
export async function up(db: Kysely<unknown>) {
  await db.schema.alterTable('invitations').addColumn('revoked_at', 'timestamptz').execute()
  await sql`create index invitations_pending_idx on invitations (created_at desc, id desc)
    where used_at is null and revoked_at is null`.execute(db)
}

import { type Kysely, sql } from 'kysely'

// Anyone may join the community of practice (issue 13): a registration is an invitation the person
// asks for themselves, so it has no inviter. Counting a person's recent registrations by address
// keeps one address from being flooded with mail.
export async function up(db: Kysely<unknown>) {
  await db.schema
    .alterTable('invitations')
    .alterColumn('invited_by', (c) => c.dropNotNull())
    .execute()
  await db.schema
    .createIndex('invitations_self_idx')
    .on('invitations')
    .columns(['email', 'created_at'])
    .where(sql.ref('invited_by'), 'is', null)
    .execute()
}

import type { Kysely } from 'kysely'

// When an application's private link was last mailed: asking for it again within a while mails
// nothing, so nobody who types another person's address can flood their inbox or keep replacing
// the link in their latest mail.
export async function up(db: Kysely<unknown>) {
  await db.schema.alterTable('recruitment_applications').addColumn('link_sent_at', 'timestamptz').execute()
}

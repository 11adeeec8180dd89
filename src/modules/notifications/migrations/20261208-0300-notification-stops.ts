import type { Kysely } from 'kysely'

// A notification that something the person chose to follow sent (a forum topic, say) carries how
// that follow wants it delivered (at once, in the daily digest, or in Siatka only), over the
// person's own setting, and what one click in its mail stops (the follow, not the whole kind).
export async function up(db: Kysely<unknown>) {
  await db.schema
    .alterTable('notifications')
    .addColumn('delivery', 'text')
    .addColumn('stop', 'text')
    .execute()
}

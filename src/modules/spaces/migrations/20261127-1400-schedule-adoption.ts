import { type Kysely, sql } from 'kysely'

// The work schedule as a whole is adopted by the body (later by vote, with the documents module);
// until then the secretariat records the adopting decision's reference.
export async function up(db: Kysely<unknown>) {
  await db.schema
    .alterTable('spaces')
    .addColumn('schedule_adopted_ref', 'text')
    .addColumn('schedule_adopted_on', 'date')
    .execute()
  // The managing authority's latest decisions (its own page).
  await sql`create index composition_events_decisions_idx on composition_events (at desc)
    where action in ('approved', 'returned')`.execute(db)
}

import { type Kysely, sql } from 'kysely'

// Saved partner searches (issue 13): a person keeps a search over organisations or over partner
// requests and is told, once a week at most, of what has come in since that it finds. An
// organisation's profile carries when it joined the search, so "new" means new to the search.
export async function up(db: Kysely<unknown>) {
  await db.schema
    .alterTable('community_organisations')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`create index community_organisations_created_idx on community_organisations (created_at)`.execute(
    db,
  )
  await sql`create index community_partner_requests_created_idx on community_partner_requests (created_at) where closed_at is null`.execute(
    db,
  )

  await db.schema
    .createTable('community_saved_searches')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('target', 'text', (c) => c.notNull().check(sql`target in ('organisations', 'requests')`))
    // What the search asks, as the search page's query reads it (schemas.ts PartnerSearchQuery).
    .addColumn('query', 'jsonb', (c) => c.notNull())
    // The words typed, folded as the search folds names (siatka_fold), to find them in what is new.
    .addColumn('words_folded', 'text', (c) => c.notNull().defaultTo(''))
    // What is new is what came in after this moment; each weekly round moves it on.
    .addColumn('checked_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('community_saved_searches_once', ['person_id', 'target', 'query'])
    .execute()
}

import { type Kysely, sql } from 'kysely'

// The register's word search keeps each decision's words in a stored column (computed by the
// database from the title and text), so a search within one space reads them instead of folding and
// splitting every decision of the space again (`npm run bench`, a space of 167 decisions: 34 to 5 ms
// on PGlite, 21 to 1.6 ms on PostgreSQL); the index over all spaces moves to the column.
export async function up(db: Kysely<unknown>) {
  await sql`alter table decisions add column search tsvector
    generated always as (to_tsvector('simple', siatka_fold(title || ' ' || body))) stored`.execute(db)
  await sql`drop index decisions_search_idx`.execute(db)
  await sql`create index decisions_search_idx on decisions using gin (search)`.execute(db)
}

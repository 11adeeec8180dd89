import { type Kysely, sql } from 'kysely'

// Searching the forum: full text over topics' titles and posts' texts, with or without Polish
// letters (the kernel's siatka_fold, as the register of decisions), and trigram similarity of
// titles, so a title found by a word misspelt is still found.
export async function up(db: Kysely<unknown>) {
  await sql`alter table community_topics add column search tsvector
    generated always as (to_tsvector('simple', siatka_fold(title))) stored`.execute(db)
  await sql`create index community_topics_search_idx on community_topics using gin (search)`.execute(db)
  await sql`create index community_topics_title_trgm_idx on community_topics
    using gin (siatka_fold(title) gin_trgm_ops)`.execute(db)
  await sql`alter table community_posts add column search tsvector
    generated always as (to_tsvector('simple', siatka_fold(body))) stored`.execute(db)
  await sql`create index community_posts_search_idx on community_posts using gin (search)`.execute(db)
}

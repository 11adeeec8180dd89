import { type Kysely, sql } from 'kysely'

// Where an event is for and what it is about, for the public list's filters (issue 14): its
// voivodeship (TERYT code; none for an event for the whole country or online) and its theme (one of
// the themes projects are filed under).
export async function up(db: Kysely<unknown>) {
  await sql`alter table events
    add column voivodeship text check (voivodeship ~ '^(0[2468]|[12][02468]|3[02])$'),
    add column theme_id uuid references project_themes(id) on delete set null`.execute(db)
  await sql`create index events_voivodeship_idx on events (voivodeship, starts_at, id) where voivodeship is not null`.execute(
    db,
  )
  await sql`create index events_theme_idx on events (theme_id, starts_at, id) where theme_id is not null`.execute(
    db,
  )
}

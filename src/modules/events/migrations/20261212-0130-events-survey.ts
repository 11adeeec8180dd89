import { type Kysely, sql } from 'kysely'

// The evaluation survey after an event (issue 14): the organiser sends it once the event has ended
// to those who came; each answers once by their private link. Answers are kept without who gave
// them (the registration keeps only that it answered), so the organiser reads them anonymously.
export async function up(db: Kysely<unknown>) {
  await sql`alter table events add column survey_sent_at timestamptz`.execute(db)
  await sql`alter table event_registrations
    add column survey_sent_at timestamptz,
    add column surveyed_at timestamptz`.execute(db)
  await sql`create table event_survey_responses (
    id uuid primary key default gen_random_uuid(),
    event_id uuid not null references events(id) on delete cascade,
    overall smallint not null check (overall between 1 and 5),
    content smallint not null check (content between 1 and 5),
    speakers smallint not null check (speakers between 1 and 5),
    organisation smallint not null check (organisation between 1 and 5),
    recommend boolean not null,
    comment text not null default '' check (length(comment) <= 2000),
    lang text not null check (lang in ('pl', 'en')),
    created_at timestamptz not null default now()
  )`.execute(db)
  await sql`create index event_survey_responses_event_idx on event_survey_responses (event_id, created_at, id)`.execute(
    db,
  )
}

import { type Kysely, sql } from 'kysely'
import { publicPageTables } from '../../../kernel/public-pages.ts'

// An event's programme (issue 14): sessions with their times, room and speakers, some with places of
// their own (a workshop within a conference) that people holding a place at the event choose.
export async function up(db: Kysely<unknown>) {
  await sql`create table event_sessions (
    id uuid primary key default gen_random_uuid(),
    event_id uuid not null references events(id) on delete cascade,
    title text not null check (length(title) between 1 and 200),
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    room text not null default '' check (length(room) <= 200),
    description text not null default '' check (length(description) <= 2000),
    speakers text[] not null default '{}' check (cardinality(speakers) <= 20),
    capacity integer check (capacity between 1 and 10000),
    created_at timestamptz not null default now(),
    check (ends_at > starts_at)
  )`.execute(db)
  await sql`create index event_sessions_event_idx on event_sessions (event_id, starts_at)`.execute(db)
  await sql`create table event_session_choices (
    session_id uuid not null references event_sessions(id) on delete cascade,
    registration_id uuid not null references event_registrations(id) on delete cascade,
    primary key (session_id, registration_id)
  )`.execute(db)
  await sql`create index event_session_choices_registration_idx on event_session_choices (registration_id)`.execute(
    db,
  )
  await publicPageTables(db, ['event_sessions', 'event_session_choices'])
}

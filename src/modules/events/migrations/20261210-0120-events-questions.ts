import { type Kysely, sql } from 'kysely'

// The organiser's own questions on an event's registration form (issue 14): a text to write, a
// choice of given answers, or a consent to tick; each required or not; and each registration's
// answers. A question removed takes its answers with it.
export async function up(db: Kysely<unknown>) {
  await sql`create table event_questions (
    id uuid primary key default gen_random_uuid(),
    event_id uuid not null references events(id) on delete cascade,
    position integer not null,
    kind text not null check (kind in ('text', 'choice', 'consent')),
    label text not null check (length(label) between 1 and 300),
    options text[] not null default '{}',
    required boolean not null default false,
    created_at timestamptz not null default now(),
    check (kind <> 'choice' or cardinality(options) between 2 and 20)
  )`.execute(db)
  await sql`create index event_questions_event_idx on event_questions (event_id, position)`.execute(db)
  await sql`create table event_answers (
    registration_id uuid not null references event_registrations(id) on delete cascade,
    question_id uuid not null references event_questions(id) on delete cascade,
    answer text not null check (length(answer) <= 2000),
    primary key (registration_id, question_id)
  )`.execute(db)
  await sql`create index event_answers_question_idx on event_answers (question_id)`.execute(db)
}

import { type Kysely, sql } from 'kysely'

// Events, on the day and after (issue 14): a project may organise an event (its staff run it, its
// logo strip heads the attendance list and the certificates); a registration records whether the
// person came (checked in on the day), the certificate of attendance issued to them with its
// public verification code, and the reminder sent before the event; a registration may name the
// person's organisation, for the list to sign.
export async function up(db: Kysely<unknown>) {
  await sql`alter table events add column project_id uuid`.execute(db)
  await sql`alter table events add constraint events_organiser_check
    check (space_id is null or project_id is null)`.execute(db)
  await sql`create index events_project_idx on events (project_id, starts_at) where project_id is not null`.execute(
    db,
  )
  await sql`create index events_space_idx on events (space_id, starts_at) where space_id is not null`.execute(
    db,
  )

  await sql`alter table event_registrations
    add column organisation text not null default '',
    add column attended_at timestamptz,
    add column checked_in_by uuid references people(id) on delete set null,
    add column certificate_code text unique,
    add column certificate_issued_at timestamptz,
    add column reminded_at timestamptz`.execute(db)
  await sql`alter table event_registrations add constraint event_registrations_certificate_check
    check (certificate_code is null or attended_at is not null)`.execute(db)
  // The check-in list: those holding a place, by name.
  await sql`create index event_registrations_checkin_idx on event_registrations (event_id, lower(name), id)
    where state = 'confirmed'`.execute(db)
}

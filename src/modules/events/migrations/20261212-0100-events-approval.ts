import { type Kysely, sql } from 'kysely'

// An organiser's approval of each registration (issue 14): an event may ask for it; a person whose
// address is confirmed then waits for the organiser's decision ('pending', holding no place) and is
// accepted (a place, or the waiting list when full) or declined ('declined'). Who decided and when.
export async function up(db: Kysely<unknown>) {
  await sql`alter table events add column approval boolean not null default false`.execute(db)
  await sql`alter table event_registrations drop constraint event_registrations_state_check`.execute(db)
  await sql`alter table event_registrations add constraint event_registrations_state_check
    check (state in ('unconfirmed', 'pending', 'confirmed', 'waiting', 'offered', 'declined', 'cancelled', 'expired'))`.execute(
    db,
  )
  await sql`alter table event_registrations
    add column decided_by uuid references people(id) on delete set null,
    add column decided_at timestamptz`.execute(db)
  // The organiser's list of those awaiting a decision.
  await sql`create index event_registrations_pending_idx on event_registrations (event_id, confirmed_at)
    where state = 'pending'`.execute(db)
}

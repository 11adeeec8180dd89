import { type Kysely, sql } from 'kysely'

// Events the public registers for (issue 14): conferences, workshops, expert panels, study visits,
// trainings and webinars, organised by the secretariat or a space; and their registrations, with
// a waiting list when the places are taken.
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('events')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(sql`kind in ('conference', 'workshop', 'panel', 'study_visit', 'training', 'webinar')`),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // The language the event is held in.
    .addColumn('lang', 'text', (c) => c.notNull().check(sql`lang in ('pl', 'en')`))
    // The space that organises it (null: the secretariat).
    .addColumn('space_id', 'uuid')
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('venue', 'text', (c) => c.notNull().defaultTo(''))
    // How to get in: step-free access, a hearing loop, parking, a quiet room.
    .addColumn('venue_access', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('online_url', 'text')
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity between 1 and 10000`))
    .addColumn('registration_opens_at', 'timestamptz', (c) => c.notNull())
    .addColumn('registration_closes_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('events_title_check', sql`length(title) between 1 and 200`)
    .addCheckConstraint('events_time_check', sql`ends_at > starts_at`)
    .addCheckConstraint('events_registration_check', sql`registration_closes_at > registration_opens_at`)
    .addCheckConstraint('events_place_check', sql`venue <> '' or online_url is not null`)
    .execute()
  // Upcoming events soonest first, past ones latest first: keyset pages by (starts_at, id) either way.
  await sql`create index events_starts_idx on events (starts_at, id)`.execute(db)
  await sql`create index events_kind_idx on events (kind, starts_at, id)`.execute(db)

  await db.schema
    .createTable('event_registrations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('events.id').onDelete('cascade'))
    // A signed-in person's own registration; null for someone without an account.
    .addColumn('person_id', 'uuid', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    // unconfirmed: the address not confirmed yet; confirmed: holds a place; waiting: on the waiting
    // list; offered: a place freed up and offered until offer_expires_at; cancelled; expired: an
    // offer not taken in time.
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .check(sql`state in ('unconfirmed', 'confirmed', 'waiting', 'offered', 'cancelled', 'expired')`),
    )
    // Standard questions, shown to the organiser alone.
    .addColumn('access_needs', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('access_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('diet', 'text', (c) => c.notNull().defaultTo(''))
    // The private link in the person's mails (confirm, see, cancel): only its hash is kept.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('lang', 'text', (c) => c.notNull().check(sql`lang in ('pl', 'en')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // When the address was confirmed: the waiting list's order.
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('offer_expires_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz')
    .addCheckConstraint('event_registrations_name_check', sql`length(name) between 1 and 200`)
    .execute()
  // One live registration an address an event (the same address twice is one registration).
  await sql`create unique index event_registrations_live_idx on event_registrations (event_id, lower(email))
    where state not in ('cancelled', 'expired')`.execute(db)
  // The places taken and the waiting list, in the order people came.
  await sql`create index event_registrations_state_idx on event_registrations (event_id, state, confirmed_at, id)`.execute(
    db,
  )
  // Offers to expire.
  await sql`create index event_registrations_offers_idx on event_registrations (offer_expires_at)
    where state = 'offered'`.execute(db)
  await sql`create index event_registrations_person_idx on event_registrations (person_id) where person_id is not null`.execute(
    db,
  )
}

import { type Kysely, sql } from 'kysely'

// Partner search (issue 13): organisations' profiles in the community, their partner requests, and
// messages to an organisation's contact people that never show anyone's address.
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('community_organisations')
    .addColumn('organisation_id', 'uuid', (c) =>
      c.primaryKey().references('organisations.id').onDelete('cascade'),
    )
    // A NUTS code (level 1 to 3) of the organisation's country, e.g. 'PL22', 'DE300', 'EL30'.
    .addColumn('region_code', 'text', (c) => c.check(sql`region_code ~ '^[A-Z]{2}[0-9A-Z]{1,3}$'`))
    .addColumn('region_name', 'text', (c) => c.notNull().defaultTo(''))
    // The projects' themes (their ids), the languages its people work in, the EU programmes it knows.
    .addColumn('themes', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('languages', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('programmes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('size', 'text', (c) => c.check(sql`size in ('micro', 'small', 'medium', 'large')`))
    .addColumn('lang', 'text', (c) => c.notNull().defaultTo('pl').check(sql`lang in ('pl', 'en')`))
    .addColumn('experience', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('offers', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('seeks', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_by', 'uuid', (c) => c.references('people.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`create index community_organisations_themes_idx on community_organisations using gin (themes)`.execute(
    db,
  )
  await sql`create index community_organisations_languages_idx on community_organisations using gin (languages)`.execute(
    db,
  )
  await sql`create index community_organisations_programmes_idx on community_organisations using gin (programmes)`.execute(
    db,
  )
  await sql`create index community_organisations_region_idx on community_organisations (region_code text_pattern_ops)`.execute(
    db,
  )

  await db.schema
    .createTable('community_partner_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) =>
      c.notNull().references('community_organisations.organisation_id').onDelete('cascade'),
    )
    .addColumn('author_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('idea', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull().check(sql`lang in ('pl', 'en')`))
    .addColumn('programme', 'text', (c) => c.notNull())
    // The partner sought; an empty list is open to any.
    .addColumn('seek_kinds', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('seek_countries', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('seek_themes', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('seek_languages', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('competences', 'text', (c) => c.notNull().defaultTo(''))
    // The last day it is open; after it the request expires by itself.
    .addColumn('deadline', 'date', (c) => c.notNull())
    // Withdrawn by its organisation before the deadline.
    .addColumn('closed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`create index community_partner_requests_open_idx on community_partner_requests (deadline, id) where closed_at is null`.execute(
    db,
  )
  await sql`create index community_partner_requests_organisation_idx on community_partner_requests (organisation_id, deadline desc)`.execute(
    db,
  )
  await sql`create index community_partner_requests_themes_idx on community_partner_requests using gin (seek_themes) where closed_at is null`.execute(
    db,
  )

  // A conversation between a person and an organisation's contact people.
  await db.schema
    .createTable('community_threads')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('starter_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('request_id', 'uuid', (c) =>
      c.references('community_partner_requests.id').onDelete('set null'),
    )
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_message_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`create index community_threads_organisation_idx on community_threads (organisation_id, last_message_at desc, id)`.execute(
    db,
  )
  await sql`create index community_threads_starter_idx on community_threads (starter_id, last_message_at desc, id)`.execute(
    db,
  )
  await db.schema
    .createTable('community_messages')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('thread_id', 'uuid', (c) => c.notNull().references('community_threads.id').onDelete('cascade'))
    .addColumn('author_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`create index community_messages_thread_idx on community_messages (thread_id, created_at, id)`.execute(
    db,
  )
  // Who read a thread up to when, and who let the other side see their address.
  await db.schema
    .createTable('community_thread_people')
    .addColumn('thread_id', 'uuid', (c) => c.notNull().references('community_threads.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('read_at', 'timestamptz')
    .addColumn('revealed_at', 'timestamptz')
    .addPrimaryKeyConstraint('community_thread_people_pkey', ['thread_id', 'person_id'])
    .execute()
  // A message reported as abuse, for the secretariat.
  await db.schema
    .createTable('community_message_reports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('message_id', 'uuid', (c) =>
      c.notNull().references('community_messages.id').onDelete('cascade'),
    )
    .addColumn('reporter_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('resolved_at', 'timestamptz')
    .addUniqueConstraint('community_message_reports_once', ['message_id', 'reporter_id'])
    .execute()
  await sql`create index community_message_reports_open_idx on community_message_reports (created_at, id) where resolved_at is null`.execute(
    db,
  )
}

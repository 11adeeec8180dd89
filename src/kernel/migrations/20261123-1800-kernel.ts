import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<unknown>) {
  // pg_trgm for name search, unaccent so "Lodz" finds "Łódź": both ship with PGlite and Debian's PostgreSQL.
  await sql`create extension if not exists pg_trgm`.execute(db)
  await sql`create extension if not exists unaccent`.execute(db)
  // unaccent() is STABLE; indexes need an IMMUTABLE wrapper (DESIGN.md, known facts).
  await sql`create or replace function siatka_fold(text) returns text
    language sql immutable parallel safe strict
    as $$ select lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$`.execute(db)

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_email', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('ip', 'text')
    .execute()
  // The log page filters by person (email as typed), by action, by dates, newest first.
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').columns(['at desc', 'id desc']).execute()
  await sql`create index audit_log_actor_email_at_idx on audit_log (lower(actor_email), at desc, id desc)`.execute(
    db,
  )
  await db.schema
    .createIndex('audit_log_action_at_idx')
    .on('audit_log')
    .columns(['action', 'at desc', 'id desc'])
    .execute()

  await db.schema
    .createTable('stored_files')
    .addColumn('hash', 'text', (c) => c.primaryKey())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
}

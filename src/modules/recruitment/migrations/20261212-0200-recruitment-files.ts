import { type Kysely, sql } from 'kysely'

// A file as the answer to one of the project's own questions (issue 14: the form builder's "file
// upload"): one such question a recruitment (a form sends one file); the file an application
// attached, its latest kept, removed with the application.
export async function up(db: Kysely<unknown>) {
  await sql`alter table recruitment_fields drop constraint recruitment_fields_kind_check`.execute(db)
  await sql`alter table recruitment_fields add constraint recruitment_fields_kind_check
    check (kind in ('text', 'number', 'date', 'choice', 'declaration', 'file'))`.execute(db)
  await sql`create table recruitment_application_files (
    application_id uuid not null references recruitment_applications(id) on delete cascade,
    field_id uuid not null references recruitment_fields(id) on delete cascade,
    file_hash text not null references stored_files(hash),
    kind text not null,
    size_bytes integer not null,
    original_name text not null,
    uploaded_at timestamptz not null default now(),
    primary key (application_id, field_id)
  )`.execute(db)
}

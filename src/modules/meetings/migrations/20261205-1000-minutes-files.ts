import { type Kysely, sql } from 'kysely'

// An approved revision's files (issue 16, item 5): its PDF/A, DOCX and ODT, in each language of the
// labels, rendered once after the approval and kept in the kernel's storage by their content hash.
// A download sends the kept file: the same bytes every time, and no rendering on the request.
export async function up(db: Kysely<unknown>) {
  await sql`create table minutes_revision_files (
    minutes_id uuid not null,
    revision integer not null,
    format text not null check (format in ('pdf', 'docx', 'odt')),
    lang text not null check (lang in ('pl', 'en')),
    file_hash text not null references stored_files (hash),
    rendered_at timestamptz not null default now(),
    primary key (minutes_id, revision, format, lang),
    foreign key (minutes_id, revision) references minutes_revisions (minutes_id, revision) on delete cascade
  )`.execute(db)
}

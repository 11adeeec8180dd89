import { type Kysely, sql } from 'kysely'
import { publicPageTables } from '../../../kernel/public-pages.ts'

// An event's documents to download (issue 14): the programme to print, presentations, materials;
// shown on its public page.
export async function up(db: Kysely<unknown>) {
  await sql`create table event_documents (
    id uuid primary key default gen_random_uuid(),
    event_id uuid not null references events(id) on delete cascade,
    title text not null check (length(title) between 1 and 200),
    file_hash text not null references stored_files(hash),
    kind text not null,
    size_bytes integer not null,
    original_name text not null,
    uploaded_by uuid not null references people(id),
    uploaded_at timestamptz not null default now()
  )`.execute(db)
  await sql`create index event_documents_idx on event_documents (event_id, uploaded_at, id)`.execute(db)
  await publicPageTables(db, ['event_documents'])
}

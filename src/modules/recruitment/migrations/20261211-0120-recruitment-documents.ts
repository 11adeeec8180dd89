import { type Kysely, sql } from 'kysely'
import { publicPageTables } from '../../../kernel/public-pages.ts'

// A recruitment's documents to download: its rules (regulamin rekrutacji), the forms and the
// declarations, shown on its public page.
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('recruitment_documents')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('recruitment_id', 'uuid', (c) => c.notNull().references('recruitments.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull().check(sql`length(title) between 1 and 200`))
    .addColumn('file_hash', 'text', (c) => c.notNull().references('stored_files.hash'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`create index recruitment_documents_idx on recruitment_documents (recruitment_id, uploaded_at, id)`.execute(
    db,
  )
  await publicPageTables(db, ['recruitment_documents'])
}

import { type Kysely, sql } from 'kysely'
import { publicPageTables } from '../../../kernel/public-pages.ts'

export async function up(db: Kysely<unknown>) {
  // The official files of the funds' marks, replacing the placeholders: one file a slot (a funding
  // period's EU emblem or Polish colours, a programme's own mark), kept in the kernel's storage.
  await db.schema
    .createTable('project_mark_files')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('slot', 'text', (c) => c.notNull().unique())
    .addColumn('file_hash', 'text', (c) => c.notNull().references('stored_files.hash'))
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('uploaded_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('project_mark_files_hash_idx')
    .on('project_mark_files')
    .column('file_hash')
    .execute()
  // The public pages draw them.
  await publicPageTables(db, ['project_mark_files'])
}

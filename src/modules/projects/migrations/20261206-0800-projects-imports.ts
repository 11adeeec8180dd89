import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<unknown>) {
  // A spreadsheet read and checked, waiting for the person to confirm it: nothing of it is a
  // project until then. Its rows are kept as checked, so confirming saves exactly what was shown.
  await db.schema
    .createTable('project_imports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('new_organisations', 'jsonb', (c) => c.notNull())
    .addColumn('problems', 'jsonb', (c) => c.notNull())
    .addColumn('problem_count', 'integer', (c) => c.notNull())
    .addColumn('missing', 'jsonb', (c) => c.notNull())
    .addColumn('imported_at', 'timestamptz')
    .execute()
  await db.schema
    .createIndex('project_imports_created_idx')
    .on('project_imports')
    .column('created_at')
    .execute()
  // Its checked projects, one row each, written and read in batches (a file has up to 10,000).
  await db.schema
    .createTable('project_import_rows')
    .addColumn('import_id', 'uuid', (c) => c.notNull().references('project_imports.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_import_rows_pk', ['import_id', 'position'])
    .execute()
}

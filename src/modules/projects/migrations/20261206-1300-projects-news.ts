import { type Kysely, sql } from 'kysely'
import { publicPageTables } from '../../../kernel/public-pages.ts'

export async function up(db: Kysely<unknown>) {
  // A project's news (seed 004's page has them): dated posts its staff write, public with the project.
  await db.schema
    .createTable('project_news')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('published_on', 'date', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  // Newest first, by keyset.
  await db.schema
    .createIndex('project_news_day_idx')
    .on('project_news')
    .columns(['project_id', 'published_on desc', 'id desc'])
    .execute()
  // Its documents (files in the kernel's storage): each public on the project's page or kept inside.
  await db.schema
    .createTable('project_documents')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('file_hash', 'text', (c) => c.notNull().references('stored_files.hash'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('is_public', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('uploaded_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('project_documents_project_idx')
    .on('project_documents')
    .columns(['project_id', 'uploaded_at'])
    .execute()
  await publicPageTables(db, ['project_news', 'project_documents'])
}

import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('materials')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id'))
    .addColumn('meeting_id', 'uuid', (c) => c.references('meetings.id'))
    // An agenda item can be removed while the meeting is being prepared: its materials then
    // belong to the whole meeting.
    .addColumn('agenda_item_id', 'uuid', (c) => c.references('agenda_items.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull().defaultTo('members'))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('materials_visibility_check', sql`visibility in ('members', 'public')`)
    .addCheckConstraint('materials_item_needs_meeting', sql`agenda_item_id is null or meeting_id is not null`)
    .execute()
  // A meeting's materials (the meeting page, the zip) and, later, a space's own.
  await db.schema
    .createIndex('materials_meeting_idx')
    .on('materials')
    .columns(['meeting_id', 'created_at', 'id'])
    .where(sql<boolean>`meeting_id is not null`)
    .execute()
  await db.schema
    .createIndex('materials_space_idx')
    .on('materials')
    .columns(['space_id', 'created_at'])
    .execute()
  await db.schema
    .createIndex('materials_agenda_item_idx')
    .on('materials')
    .column('agenda_item_id')
    .where(sql<boolean>`agenda_item_id is not null`)
    .execute()

  await db.schema
    .createTable('material_files')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('material_id', 'uuid', (c) => c.notNull().references('materials.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('file_hash', 'text', (c) => c.notNull().references('stored_files.hash'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('uploaded_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('material_files_version_check', sql`version >= 1`)
    .execute()
  // Two uploads of the same version at once: the second meets this and is asked to try again.
  // It also serves "the current file per language" (distinct on language, version desc).
  await db.schema
    .createIndex('material_files_version_key')
    .on('material_files')
    .columns(['material_id', 'language', 'version'])
    .unique()
    .execute()
}

import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<unknown>) {
  // A translation delivered through a private link by someone without an account: the file is
  // recorded as uploaded by the secretary who commissioned it, with the translator's name beside.
  await db.schema.alterTable('material_files').addColumn('uploaded_by_outside', 'text').execute()

  await db.schema
    .createTable('translation_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('material_id', 'uuid', (c) => c.notNull().references('materials.id').onDelete('cascade'))
    .addColumn('source_file_id', 'uuid', (c) => c.notNull().references('material_files.id'))
    .addColumn('source_language', 'text', (c) => c.notNull())
    .addColumn('target_language', 'text', (c) => c.notNull())
    .addColumn('deadline', 'date', (c) => c.notNull())
    .addColumn('translator_id', 'uuid', (c) => c.references('people.id'))
    .addColumn('outside_name', 'text')
    .addColumn('outside_email', 'text')
    .addColumn('translator_lang', 'text', (c) => c.notNull().defaultTo('pl'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('requested'))
    .addColumn('requested_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('delivered_at', 'timestamptz')
    .addColumn('delivered_file_id', 'uuid', (c) => c.references('material_files.id'))
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('cancelled_by', 'uuid', (c) => c.references('people.id'))
    .addCheckConstraint(
      'translation_requests_status_check',
      sql`status in ('requested', 'in_progress', 'delivered', 'cancelled')`,
    )
    .addCheckConstraint('translation_requests_languages_check', sql`source_language <> target_language`)
    .addCheckConstraint(
      'translation_requests_translator_check',
      sql`(translator_id is not null and outside_email is null) or (translator_id is null and outside_email is not null and outside_name is not null)`,
    )
    .addCheckConstraint(
      'translation_requests_delivered_check',
      sql`(status = 'delivered') = (delivered_file_id is not null)`,
    )
    .execute()
  // One open request per material and target language; a delivered or cancelled one frees it.
  await db.schema
    .createIndex('translation_requests_open_key')
    .on('translation_requests')
    .columns(['material_id', 'target_language'])
    .unique()
    .where(sql<boolean>`status in ('requested', 'in_progress')`)
    .execute()
  // The secretariat's list: by deadline (all, or one status; "late" is open and past its deadline).
  await db.schema
    .createIndex('translation_requests_deadline_idx')
    .on('translation_requests')
    .columns(['deadline', 'id'])
    .execute()
  await db.schema
    .createIndex('translation_requests_status_idx')
    .on('translation_requests')
    .columns(['status', 'deadline', 'id'])
    .execute()
  // A material's page lists its requests.
  await db.schema
    .createIndex('translation_requests_material_idx')
    .on('translation_requests')
    .columns(['material_id', 'requested_at'])
    .execute()
}

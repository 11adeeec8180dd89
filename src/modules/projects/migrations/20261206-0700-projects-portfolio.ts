import { type Kysely, sql } from 'kysely'
import { voivodeshipCodes } from '../regions.ts'

/** The themes a secretariat files its projects under at first (it can add its own). */
const themes = [
  ['social-economy', 'Ekonomia społeczna', 'Social economy'],
  ['inclusion', 'Włączenie społeczne', 'Social inclusion'],
  ['labour-market', 'Rynek pracy', 'Labour market'],
  ['cooperation', 'Współpraca międzysektorowa', 'Cross-sector cooperation'],
  ['social-services', 'Usługi społeczne', 'Social services'],
  ['skills', 'Edukacja i kompetencje', 'Education and skills'],
  ['equality', 'Równość szans', 'Equal opportunities'],
  ['innovation', 'Innowacje społeczne', 'Social innovation'],
] as const

export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('project_themes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_pl', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute()
  await db
    .withTables<{ project_themes: { code: string; name_pl: string; name_en: string; position: number } }>()
    .insertInto('project_themes')
    .values(themes.map(([code, name_pl, name_en], position) => ({ code, name_pl, name_en, position })))
    .execute()

  await db.schema
    .createTable('project_theme_links')
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('theme_id', 'uuid', (c) => c.notNull().references('project_themes.id'))
    .addPrimaryKeyConstraint('project_theme_links_pk', ['project_id', 'theme_id'])
    .execute()
  await db.schema
    .createIndex('project_theme_links_theme_idx')
    .on('project_theme_links')
    .columns(['theme_id', 'project_id'])
    .execute()

  await db.schema
    .createTable('project_regions')
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('voivodeship', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_regions_pk', ['project_id', 'voivodeship'])
    .addCheckConstraint(
      'project_regions_voivodeship_check',
      sql`voivodeship in (${sql.join(voivodeshipCodes.map((c) => sql.lit(c)))})`,
    )
    .execute()
  await db.schema
    .createIndex('project_regions_voivodeship_idx')
    .on('project_regions')
    .columns(['voivodeship', 'project_id'])
    .execute()

  // The edit history: each save's changed facts, each as the value before and after, as shown then.
  await db.schema
    .createTable('project_revisions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('changed_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('changes', 'jsonb', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('project_revisions_project_idx')
    .on('project_revisions')
    .columns(['project_id', 'changed_at'])
    .execute()

  // Full-text search of the list, with or without Polish letters (as the register of decisions).
  await sql`alter table projects add column search tsvector generated always as (
    to_tsvector('simple', siatka_fold(title || ' ' || acronym || ' ' || main_goal))) stored`.execute(db)
  await sql`create index projects_search_idx on projects using gin (search)`.execute(db)
  await db.schema.createIndex('projects_title_idx').on('projects').columns(['title', 'id']).execute()
  await db.schema
    .createIndex('projects_value_idx')
    .on('projects')
    .columns(['total_value_grosze', 'id'])
    .execute()
}

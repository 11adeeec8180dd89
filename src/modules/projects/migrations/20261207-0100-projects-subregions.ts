import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<unknown>) {
  // The subregions (NUTS 3, regions.ts) a project works in, besides its voivodeships.
  await db.schema
    .createTable('project_subregions')
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('nuts3', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_subregions_pkey', ['project_id', 'nuts3'])
    .addCheckConstraint('project_subregions_nuts3_check', sql`nuts3 ~ '^PL[0-9][0-9][0-9A-Z]$'`)
    .execute()
  await db.schema
    .createIndex('project_subregions_nuts3_idx')
    .on('project_subregions')
    .column('nuts3')
    .execute()
  // An activity's powiat or gmina from the TERC register: its code, and its name and kind as the
  // register gave them when chosen (the register is replaced every year; the activity keeps its place).
  await db.schema
    .alterTable('project_activities')
    .addColumn('teryt_code', 'text')
    .addColumn('teryt_name', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema
    .alterTable('project_activities')
    .addCheckConstraint('project_activities_teryt_check', sql`teryt_code ~ '^[0-9]{4}([0-9]{3})?$'`)
    .execute()
  // Finding a unit by its name within a voivodeship, as the schedule's form does.
  await db.schema
    .createIndex('teryt_units_name_idx')
    .on('teryt_units')
    .expression(sql`voivodeship, lower(name)`)
    .execute()
}

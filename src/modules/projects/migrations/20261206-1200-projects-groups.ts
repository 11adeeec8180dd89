import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<unknown>) {
  // A project's steering committee is a space of that type (seed 004's projects answer to one).
  await db.schema
    .alterTable('projects')
    .addColumn('steering_space_id', 'uuid', (c) => c.references('spaces.id'))
    .execute()
  await db.schema.createIndex('projects_steering_idx').on('projects').column('steering_space_id').execute()

  // Groups of partnerships (seed 000: "grupy Partnerstw działających we wspólnym obszarze
  // tematycznym"): projects on a common theme, with a coordinator, each group with its own space.
  await db.schema
    .createTable('project_groups')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name_pl', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('theme_id', 'uuid', (c) => c.notNull().references('project_themes.id'))
    .addColumn('coordinator_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('space_id', 'uuid', (c) => c.notNull().unique().references('spaces.id'))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  // The list is read by name from a name on (keyset).
  await sql`create index project_groups_name_idx on project_groups (siatka_fold(name_pl), id)`.execute(db)
  await db.schema.createIndex('project_groups_theme_idx').on('project_groups').column('theme_id').execute()
  await db.schema
    .createIndex('project_groups_coordinator_idx')
    .on('project_groups')
    .column('coordinator_id')
    .execute()
  await db.schema
    .createTable('project_group_members')
    .addColumn('group_id', 'uuid', (c) => c.notNull().references('project_groups.id').onDelete('cascade'))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('added_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('project_group_members_pk', ['group_id', 'project_id'])
    .execute()
  await db.schema
    .createIndex('project_group_members_project_idx')
    .on('project_group_members')
    .column('project_id')
    .execute()
}

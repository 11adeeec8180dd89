import { type Kysely, sql } from 'kysely'
import { publicPageTables } from '../../../kernel/public-pages.ts'

export async function up(db: Kysely<unknown>) {
  // The support schedule (harmonogram wsparcia, seed 004): dated activities, each in a voivodeship
  // or nationwide, read by day and by month, and published as an iCalendar feed.
  await db.schema
    .createTable('project_activities')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    .addColumn('voivodeship', 'text')
    .addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('project_activities_days', sql`ends_on >= starts_on`)
    .execute()
  // A page of the schedule is read by day from a day on (keyset), a month by its days.
  await db.schema
    .createIndex('project_activities_day_idx')
    .on('project_activities')
    .columns(['project_id', 'starts_on', 'id'])
    .execute()
  // Whom to ask about the project: shown on its public page.
  await db.schema
    .createTable('project_contacts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('function', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('project_contacts_project_idx')
    .on('project_contacts')
    .columns(['project_id', 'position'])
    .execute()
  // A published project's public page shows its schedule and contact people.
  await publicPageTables(db, ['project_activities', 'project_contacts'])
}

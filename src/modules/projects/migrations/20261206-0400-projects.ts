import { type Kysely, sql } from 'kysely'
import { programmeTaxonomy } from '../taxonomy/seed.ts'

export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('project_programmes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('parent_id', 'uuid', (c) => c.references('project_programmes.id'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name_pl', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addCheckConstraint('project_programmes_level_check', sql`level in ('programme', 'priority', 'measure')`)
    .addCheckConstraint(
      'project_programmes_period_check',
      sql`period in ('2004-2006', '2007-2013', '2014-2020', '2021-2027')`,
    )
    .addCheckConstraint('project_programmes_parent_check', sql`(level = 'programme') = (parent_id is null)`)
    .execute()
  await db.schema
    .createIndex('project_programmes_parent_idx')
    .on('project_programmes')
    .columns(['parent_id', 'position'])
    .execute()

  await db.schema
    .createTable('projects')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('acronym', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('programme_id', 'uuid', (c) => c.notNull().references('project_programmes.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    .addColumn('lead_organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('agreement_on', 'date')
    .addColumn('total_value_grosze', 'bigint', (c) => c.notNull())
    .addColumn('eu_contribution_grosze', 'bigint', (c) => c.notNull())
    .addColumn('eligible_costs_grosze', 'bigint', (c) => c.notNull())
    .addColumn('main_goal', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('specific_goals', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_public', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('projects_status_check', sql`status in ('planned', 'running', 'closed', 'settled')`)
    .addCheckConstraint('projects_period_check', sql`ends_on >= starts_on`)
    .addCheckConstraint(
      'projects_money_check',
      sql`total_value_grosze > 0 and eu_contribution_grosze >= 0 and eu_contribution_grosze <= total_value_grosze and eligible_costs_grosze >= 0 and eligible_costs_grosze <= total_value_grosze`,
    )
    .execute()
  // The portfolio list: newest first by start, then by id (keyset); by programme.
  await db.schema.createIndex('projects_start_idx').on('projects').columns(['starts_on', 'id']).execute()
  await db.schema
    .createIndex('projects_programme_idx')
    .on('projects')
    .columns(['programme_id', 'starts_on', 'id'])
    .execute()
  await db.schema.createIndex('projects_lead_idx').on('projects').column('lead_organisation_id').execute()

  await db.schema
    .createTable('project_partners')
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_partners_pkey', ['project_id', 'organisation_id'])
    .addCheckConstraint('project_partners_role_check', sql`role in ('partner', 'cooperating')`)
    .execute()
  await db.schema
    .createIndex('project_partners_organisation_idx')
    .on('project_partners')
    .column('organisation_id')
    .execute()

  await db.schema
    .createTable('project_target_groups')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('planned_people', 'integer')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addCheckConstraint(
      'project_target_groups_people_check',
      sql`planned_people is null or planned_people > 0`,
    )
    .execute()
  await db.schema
    .createIndex('project_target_groups_project_idx')
    .on('project_target_groups')
    .columns(['project_id', 'position'])
    .execute()

  await db.schema
    .createTable('project_indicators')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('baseline', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('target', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addCheckConstraint('project_indicators_kind_check', sql`kind in ('product', 'result')`)
    .addCheckConstraint('project_indicators_target_check', sql`target >= 0 and baseline >= 0`)
    .execute()
  await db.schema
    .createIndex('project_indicators_project_idx')
    .on('project_indicators')
    .columns(['project_id', 'position'])
    .execute()

  await db.schema
    .createTable('project_indicator_reports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('indicator_id', 'uuid', (c) =>
      c.notNull().references('project_indicators.id').onDelete('cascade'),
    )
    .addColumn('reported_on', 'date', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reported_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('project_indicator_reports_value_check', sql`value >= 0`)
    .execute()
  await db.schema
    .createIndex('project_indicator_reports_indicator_idx')
    .on('project_indicator_reports')
    .columns(['indicator_id', 'reported_on', 'created_at'])
    .execute()

  await db.schema
    .createTable('project_staff')
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addPrimaryKeyConstraint('project_staff_pkey', ['project_id', 'person_id'])
    .execute()
  await db.schema.createIndex('project_staff_person_idx').on('project_staff').column('person_id').execute()

  // The taxonomy every installation starts from; the secretariat keeps it from then on.
  for (const [i, p] of programmeTaxonomy.entries()) {
    const programme = await sql<{ id: string }>`insert into project_programmes
      (parent_id, level, code, name_pl, name_en, period, position)
      values (null, 'programme', ${p.code}, ${p.name_pl}, ${p.name_en}, ${p.period}, ${i})
      returning id`.execute(db)
    for (const [j, priority] of p.children.entries()) {
      const row = await sql<{ id: string }>`insert into project_programmes
        (parent_id, level, code, name_pl, name_en, period, position)
        values (${programme.rows[0].id}, ${priority.level}, ${priority.code}, ${priority.name_pl}, ${priority.name_en}, ${p.period}, ${j})
        returning id`.execute(db)
      for (const [k, measure] of (priority.children ?? []).entries())
        await sql`insert into project_programmes (parent_id, level, code, name_pl, name_en, period, position)
          values (${row.rows[0].id}, 'measure', ${measure.code}, ${measure.name_pl}, ${measure.name_en}, ${p.period}, ${k})`.execute(
          db,
        )
    }
  }
}
